ALTER TABLE `run_receipts` ADD `quarantine_reason` text;--> statement-breakpoint
CREATE TRIGGER `run_receipts_quarantine_reason` BEFORE INSERT ON `run_receipts`
WHEN new.quarantine_reason IS NOT NULL
  AND new.quarantine_reason NOT IN ('DAMAGED', 'SAFETY', 'NEAR_EXPIRY')
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:quarantine');
END;
