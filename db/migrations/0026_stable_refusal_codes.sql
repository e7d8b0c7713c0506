-- The frozen-month triggers (0008, 0010, 0025) refuse with a stable code, as 0020 and 0022 do,
-- so the app recognises the refusal by 'MONTH_CLOSED:' (src/db-refusal.ts) and never by its
-- wording: each is re-created exactly as before, only its message changed. SQLite fires the
-- triggers of one table and event newest first, so the BEFORE triggers created after one of
-- these on the same table and event are re-created after it, unchanged, to keep firing first.
DROP TRIGGER `costs_closed_month_insert`;
--> statement-breakpoint
DROP TRIGGER `costs_closed_month_update`;
--> statement-breakpoint
DROP TRIGGER `costs_closed_month_delete`;
--> statement-breakpoint
DROP TRIGGER `costs_immutable`;
--> statement-breakpoint
DROP TRIGGER `costs_no_delete`;
--> statement-breakpoint
DROP TRIGGER `costs_void_once`;
--> statement-breakpoint
DROP TRIGGER `costs_void_not_reversed`;
--> statement-breakpoint
DROP TRIGGER `costs_reversal_mirrors`;
--> statement-breakpoint
DROP TRIGGER `costs_amount_range`;
--> statement-breakpoint
CREATE TRIGGER `costs_closed_month_insert` BEFORE INSERT ON `costs`
WHEN EXISTS (SELECT 1 FROM settlements WHERE alliance_id = new.alliance_id AND month = new.month)
BEGIN
  SELECT RAISE(ABORT, 'MONTH_CLOSED: month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_closed_month_update` BEFORE UPDATE ON `costs`
WHEN EXISTS (SELECT 1 FROM settlements WHERE alliance_id = old.alliance_id AND month IN (old.month, new.month))
BEGIN
  SELECT RAISE(ABORT, 'MONTH_CLOSED: month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_closed_month_delete` BEFORE DELETE ON `costs`
WHEN EXISTS (SELECT 1 FROM settlements WHERE alliance_id = old.alliance_id AND month = old.month)
BEGIN
  SELECT RAISE(ABORT, 'MONTH_CLOSED: month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_immutable` BEFORE UPDATE OF `id`, `alliance_id`, `month`, `kind`, `amount_fen`, `hub_id`, `note`, `template_id`, `created_by`, `created_at`, `reverses_cost_id` ON `costs`
BEGIN
  SELECT RAISE(ABORT, 'a cost never changes once recorded: void or reverse it');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_no_delete` BEFORE DELETE ON `costs`
BEGIN
  SELECT RAISE(ABORT, 'a cost never changes once recorded: void or reverse it');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_void_once` BEFORE UPDATE OF `voided_at`, `voided_by`, `void_reason` ON `costs`
WHEN old.voided_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a voided cost stays void');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_void_not_reversed` BEFORE UPDATE OF `voided_at` ON `costs`
WHEN new.voided_at IS NOT NULL AND (
  old.reverses_cost_id IS NOT NULL OR EXISTS (SELECT 1 FROM costs WHERE reverses_cost_id = old.id)
)
BEGIN
  SELECT RAISE(ABORT, 'a reversal, or a cost already reversed, cannot be voided');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_reversal_mirrors` BEFORE INSERT ON `costs`
WHEN new.reverses_cost_id IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM costs o
  WHERE o.id = new.reverses_cost_id AND o.alliance_id = new.alliance_id AND o.month = new.month
    AND o.kind = new.kind AND o.hub_id IS new.hub_id AND o.amount_fen = -new.amount_fen
    AND o.reverses_cost_id IS NULL AND o.voided_at IS NULL AND new.template_id IS NULL
)
BEGIN
  SELECT RAISE(ABORT, 'a reversal mirrors one live cost of its month');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_amount_range` BEFORE INSERT ON `costs`
WHEN new.amount_fen > 1000000000
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:amountFen');
END;
--> statement-breakpoint
DROP TRIGGER `adjustments_closed_month`;
--> statement-breakpoint
DROP TRIGGER `adjustments_amount_range`;
--> statement-breakpoint
CREATE TRIGGER `adjustments_closed_month` BEFORE INSERT ON `adjustments`
WHEN EXISTS (SELECT 1 FROM settlements WHERE alliance_id = new.alliance_id AND month = new.month)
BEGIN
  SELECT RAISE(ABORT, 'MONTH_CLOSED: month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `adjustments_amount_range` BEFORE INSERT ON `adjustments`
WHEN abs(new.amount_fen) > 100000000
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:amountFen');
END;
--> statement-breakpoint
DROP TRIGGER `commissions_closed_month`;
--> statement-breakpoint
CREATE TRIGGER `commissions_closed_month` BEFORE INSERT ON `commissions`
WHEN EXISTS (
  SELECT 1 FROM settlements s JOIN stations st ON st.alliance_id = s.alliance_id
  WHERE st.id = new.station_id AND s.month = new.month
)
BEGIN
  SELECT RAISE(ABORT, 'MONTH_CLOSED: month is closed');
END;
--> statement-breakpoint
DROP TRIGGER `declarations_closed_month_insert`;
--> statement-breakpoint
DROP TRIGGER `declarations_closed_month_update`;
--> statement-breakpoint
DROP TRIGGER `declarations_maximum_insert`;
--> statement-breakpoint
DROP TRIGGER `declarations_maximum_update`;
--> statement-breakpoint
CREATE TRIGGER `declarations_closed_month_insert` BEFORE INSERT ON `order_value_declarations`
WHEN EXISTS (
  SELECT 1 FROM settlements s JOIN merchants m ON m.alliance_id = s.alliance_id
  WHERE m.id = new.merchant_id AND s.month = new.month
)
BEGIN
  SELECT RAISE(ABORT, 'MONTH_CLOSED: month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `declarations_closed_month_update` BEFORE UPDATE ON `order_value_declarations`
WHEN EXISTS (
  SELECT 1 FROM settlements s JOIN merchants m ON m.alliance_id = s.alliance_id
  WHERE m.id = old.merchant_id AND s.month = old.month
)
BEGIN
  SELECT RAISE(ABORT, 'MONTH_CLOSED: month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `declarations_maximum_insert` BEFORE INSERT ON `order_value_declarations`
WHEN new.order_value_fen > 1000000000000
  OR new.order_value_fen > (
    SELECT s.max_declaration_fen FROM alliance_settings s
    JOIN merchants m ON m.alliance_id = s.alliance_id
    WHERE m.id = new.merchant_id AND s.effective_from <= new.month || '-01'
    ORDER BY s.effective_from DESC, s.version DESC LIMIT 1)
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:orderValueFen');
END;
--> statement-breakpoint
CREATE TRIGGER `declarations_maximum_update` BEFORE UPDATE OF `order_value_fen` ON `order_value_declarations`
WHEN new.order_value_fen > 1000000000000
  OR new.order_value_fen > (
    SELECT s.max_declaration_fen FROM alliance_settings s
    JOIN merchants m ON m.alliance_id = s.alliance_id
    WHERE m.id = new.merchant_id AND s.effective_from <= new.month || '-01'
    ORDER BY s.effective_from DESC, s.version DESC LIMIT 1)
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:orderValueFen');
END;
