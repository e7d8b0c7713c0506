-- A closed month never changes: its costs, settlement, lines, statement figures and the usage
-- it was computed from (commissions) are refused any insert, update or delete from here on,
-- whatever the application does. Only a statement's paid_at/paid_by may still be set.
CREATE TRIGGER `costs_closed_month_insert` BEFORE INSERT ON `costs`
WHEN EXISTS (SELECT 1 FROM settlements WHERE alliance_id = new.alliance_id AND month = new.month)
BEGIN
  SELECT RAISE(ABORT, 'month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_closed_month_update` BEFORE UPDATE ON `costs`
WHEN EXISTS (SELECT 1 FROM settlements WHERE alliance_id = old.alliance_id AND month IN (old.month, new.month))
BEGIN
  SELECT RAISE(ABORT, 'month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_closed_month_delete` BEFORE DELETE ON `costs`
WHEN EXISTS (SELECT 1 FROM settlements WHERE alliance_id = old.alliance_id AND month = old.month)
BEGIN
  SELECT RAISE(ABORT, 'month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `adjustments_closed_month` BEFORE INSERT ON `adjustments`
WHEN EXISTS (SELECT 1 FROM settlements WHERE alliance_id = new.alliance_id AND month = new.month)
BEGIN
  SELECT RAISE(ABORT, 'month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `commissions_closed_month` BEFORE INSERT ON `commissions`
WHEN EXISTS (
  SELECT 1 FROM settlements s JOIN stations st ON st.alliance_id = s.alliance_id
  WHERE st.id = new.station_id AND s.month = new.month
)
BEGIN
  SELECT RAISE(ABORT, 'month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `settlements_frozen_update` BEFORE UPDATE ON `settlements`
BEGIN
  SELECT RAISE(ABORT, 'a closed settlement never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `settlements_frozen_delete` BEFORE DELETE ON `settlements`
BEGIN
  SELECT RAISE(ABORT, 'a closed settlement never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_lines_frozen_update` BEFORE UPDATE ON `settlement_lines`
BEGIN
  SELECT RAISE(ABORT, 'a closed settlement never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_lines_frozen_delete` BEFORE DELETE ON `settlement_lines`
BEGIN
  SELECT RAISE(ABORT, 'a closed settlement never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `statements_frozen_figures` BEFORE UPDATE OF `settlement_id`, `merchant_id`, `station_id`, `total_fen` ON `statements`
BEGIN
  SELECT RAISE(ABORT, 'a closed settlement never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `statements_frozen_delete` BEFORE DELETE ON `statements`
BEGIN
  SELECT RAISE(ABORT, 'a closed settlement never changes');
END;
