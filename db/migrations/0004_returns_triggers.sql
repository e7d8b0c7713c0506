-- The return status flow, its history and station commissions, enforced by the database: a
-- status can only move forward along REGISTERED -> AT_STATION -> IN_TRANSIT -> AT_HUB ->
-- INSPECTED -> RESOLVED -> CLOSED (or REGISTERED -> CANCELLED), each move is logged in the same
-- statement, and a check-in earns its station exactly one commission (commissions.return_id is
-- the primary key).
CREATE TRIGGER `returns_status_flow` BEFORE UPDATE OF `status` ON `returns`
WHEN NOT (
  (old.status = 'REGISTERED' AND new.status IN ('AT_STATION', 'CANCELLED'))
  OR (old.status = 'AT_STATION' AND new.status = 'IN_TRANSIT')
  OR (old.status = 'IN_TRANSIT' AND new.status = 'AT_HUB')
  OR (old.status = 'AT_HUB' AND new.status = 'INSPECTED')
  OR (old.status = 'INSPECTED' AND new.status = 'RESOLVED')
  OR (old.status = 'RESOLVED' AND new.status = 'CLOSED')
)
BEGIN
  SELECT RAISE(ABORT, 'illegal return status change');
END;
--> statement-breakpoint
CREATE TRIGGER `returns_immutable` BEFORE UPDATE OF `code`, `merchant_id` ON `returns`
BEGIN
  SELECT RAISE(ABORT, 'a return keeps its code and merchant');
END;
--> statement-breakpoint
CREATE TRIGGER `returns_check_in_active_station` BEFORE UPDATE OF `status` ON `returns`
WHEN new.status = 'AT_STATION'
  AND NOT EXISTS (SELECT 1 FROM stations WHERE id = new.station_id AND active = 1)
BEGIN
  SELECT RAISE(ABORT, 'parcels can only be checked in at an active station');
END;
--> statement-breakpoint
CREATE TRIGGER `returns_registered` AFTER INSERT ON `returns`
BEGIN
  INSERT INTO return_events (return_id, status, actor_id, station_id, pickup_run_id, at)
    VALUES (new.id, new.status, new.created_by, new.station_id, new.pickup_run_id, new.created_at);
END;
--> statement-breakpoint
CREATE TRIGGER `returns_moved` AFTER UPDATE OF `status` ON `returns`
WHEN old.status <> new.status
BEGIN
  INSERT INTO return_events (return_id, status, actor_id, station_id, pickup_run_id, at)
    VALUES (new.id, new.status, new.updated_by, new.station_id, new.pickup_run_id, new.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `returns_commission` AFTER UPDATE OF `status` ON `returns`
WHEN old.status = 'REGISTERED' AND new.status = 'AT_STATION'
BEGIN
  INSERT INTO commissions (return_id, station_id, merchant_id, amount_fen, large_item, month, at)
    SELECT new.id, s.id, new.merchant_id,
      CASE WHEN new.large_item THEN s.large_item_commission_fen ELSE s.commission_fen END,
      new.large_item, strftime('%Y-%m', new.updated_at, '+8 hours'), new.updated_at
    FROM stations s WHERE s.id = new.station_id;
END;
--> statement-breakpoint
CREATE TRIGGER `return_events_append_only_update` BEFORE UPDATE ON `return_events`
BEGIN
  SELECT RAISE(ABORT, 'return history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `return_events_append_only_delete` BEFORE DELETE ON `return_events`
BEGIN
  SELECT RAISE(ABORT, 'return history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `commissions_append_only_update` BEFORE UPDATE ON `commissions`
BEGIN
  SELECT RAISE(ABORT, 'commissions are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `commissions_append_only_delete` BEFORE DELETE ON `commissions`
BEGIN
  SELECT RAISE(ABORT, 'commissions are append-only');
END;
