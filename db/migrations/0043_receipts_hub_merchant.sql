-- Each receipt carries its run's hub and its return's merchant, so the month's parcels received
-- by merchant and hub (the settlement's UNITS) are counted from one covering index instead of
-- looking every receipt's return and run up by key. The receipts already stored are filled here;
-- an insert that leaves the two out has them filled right after, and no insert or update can
-- store any other value, so the copies always agree with the run and the return.
ALTER TABLE `run_receipts` ADD `hub_id` text REFERENCES hubs(id);--> statement-breakpoint
ALTER TABLE `run_receipts` ADD `merchant_id` text REFERENCES merchants(id);--> statement-breakpoint
UPDATE `run_receipts` SET
  `hub_id` = (SELECT hub_id FROM pickup_runs WHERE id = run_receipts.run_id),
  `merchant_id` = (SELECT merchant_id FROM returns WHERE id = run_receipts.return_id);--> statement-breakpoint
CREATE INDEX `run_receipts_hub_merchant` ON `run_receipts` (`hub_id`,`merchant_id`,`at`);--> statement-breakpoint
CREATE TRIGGER `run_receipts_copies_checked` BEFORE INSERT ON `run_receipts`
WHEN (new.hub_id IS NOT NULL
    AND new.hub_id IS NOT (SELECT hub_id FROM pickup_runs WHERE id = new.run_id))
  OR (new.merchant_id IS NOT NULL
    AND new.merchant_id IS NOT (SELECT merchant_id FROM returns WHERE id = new.return_id))
BEGIN
  SELECT RAISE(ABORT, 'a receipt''s hub and merchant are its run''s hub and its return''s merchant');
END;
--> statement-breakpoint
CREATE TRIGGER `run_receipts_copies_filled` AFTER INSERT ON `run_receipts`
WHEN new.hub_id IS NULL OR new.merchant_id IS NULL
BEGIN
  UPDATE run_receipts SET
    hub_id = (SELECT hub_id FROM pickup_runs WHERE id = new.run_id),
    merchant_id = (SELECT merchant_id FROM returns WHERE id = new.return_id)
  WHERE return_id = new.return_id;
END;
--> statement-breakpoint
CREATE TRIGGER `run_receipts_copies_kept` BEFORE UPDATE OF `hub_id`, `merchant_id`, `run_id`, `return_id` ON `run_receipts`
WHEN new.hub_id IS NOT (SELECT hub_id FROM pickup_runs WHERE id = new.run_id)
  OR new.merchant_id IS NOT (SELECT merchant_id FROM returns WHERE id = new.return_id)
BEGIN
  SELECT RAISE(ABORT, 'a receipt''s hub and merchant are its run''s hub and its return''s merchant');
END;
