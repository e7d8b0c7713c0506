-- Every hub action happens at the parcel's own hub, and every station action at the acting
-- operator's own station, enforced by the database. A refusal starts with a stable code
-- (WRONG_HUB, WRONG_STATION, NOT_MISROUTED) that the app maps; the rest is for people reading logs.
-- A coordinator (no hub or station of its own) may act anywhere in its alliance.
CREATE TRIGGER `run_receipts_own_hub` BEFORE INSERT ON `run_receipts`
WHEN (SELECT hub_id FROM returns WHERE id = new.return_id)
    IS NOT (SELECT hub_id FROM pickup_runs WHERE id = new.run_id)
  OR coalesce((SELECT hub_id FROM users WHERE id = new.received_by),
      (SELECT hub_id FROM pickup_runs WHERE id = new.run_id))
    IS NOT (SELECT hub_id FROM pickup_runs WHERE id = new.run_id)
BEGIN
  SELECT RAISE(ABORT, 'WRONG_HUB: a parcel is received only at the hub it is bound for');
END;
--> statement-breakpoint
CREATE TRIGGER `returns_arrive_at_own_hub` BEFORE UPDATE OF `status` ON `returns`
WHEN new.status = 'AT_HUB'
  AND coalesce((SELECT hub_id FROM users WHERE id = new.updated_by), new.hub_id) IS NOT new.hub_id
BEGIN
  SELECT RAISE(ABORT, 'WRONG_HUB: only the operator of its own hub receives a parcel');
END;
--> statement-breakpoint
CREATE TRIGGER `returns_check_in_own_station` BEFORE UPDATE OF `status` ON `returns`
WHEN new.status = 'AT_STATION'
  AND coalesce((SELECT station_id FROM users WHERE id = new.updated_by), new.station_id)
    IS NOT new.station_id
BEGIN
  SELECT RAISE(ABORT, 'WRONG_STATION: a station operator checks parcels in at its own station');
END;
--> statement-breakpoint
CREATE TRIGGER `pickup_runs_closed_by_own_hub` BEFORE UPDATE OF `status` ON `pickup_runs`
WHEN new.status = 'CLOSED'
  AND coalesce((SELECT hub_id FROM users WHERE id = new.closed_by), new.hub_id) IS NOT new.hub_id
BEGIN
  SELECT RAISE(ABORT, 'WRONG_HUB: only the operator of its own hub closes a run');
END;
--> statement-breakpoint
CREATE TRIGGER `inspections_own_hub` BEFORE INSERT ON `inspections`
WHEN coalesce((SELECT hub_id FROM users WHERE id = new.inspector_id),
    (SELECT hub_id FROM returns WHERE id = new.return_id))
  IS NOT (SELECT hub_id FROM returns WHERE id = new.return_id)
BEGIN
  SELECT RAISE(ABORT, 'WRONG_HUB: only the operator of its own hub inspects a return');
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_photos_own_hub` BEFORE INSERT ON `inspection_photos`
WHEN coalesce((SELECT hub_id FROM users WHERE id = new.uploaded_by),
    (SELECT hub_id FROM returns WHERE id = new.return_id))
  IS NOT (SELECT hub_id FROM returns WHERE id = new.return_id)
BEGIN
  SELECT RAISE(ABORT, 'WRONG_HUB: only the operator of its own hub adds inspection photos');
END;
--> statement-breakpoint
CREATE TRIGGER `run_misroutes_other_hub` BEFORE INSERT ON `run_misroutes`
WHEN (SELECT hub_id FROM returns WHERE id = new.return_id)
    IS (SELECT hub_id FROM pickup_runs WHERE id = new.run_id)
  OR coalesce((SELECT hub_id FROM users WHERE id = new.scanned_by),
      (SELECT hub_id FROM pickup_runs WHERE id = new.run_id))
    IS NOT (SELECT hub_id FROM pickup_runs WHERE id = new.run_id)
BEGIN
  SELECT RAISE(ABORT, 'NOT_MISROUTED: only a parcel bound for another hub is recorded as mis-routed');
END;
--> statement-breakpoint
CREATE TRIGGER `run_misroutes_append_only_update` BEFORE UPDATE ON `run_misroutes`
BEGIN
  SELECT RAISE(ABORT, 'mis-routed parcels are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `run_misroutes_append_only_delete` BEFORE DELETE ON `run_misroutes`
BEGIN
  SELECT RAISE(ABORT, 'mis-routed parcels are append-only');
END;
