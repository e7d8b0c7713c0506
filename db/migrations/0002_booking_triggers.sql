-- Keeps hub_days' unit counters in step with bookings and writes the audit trail, inside the
-- same statement that changes a booking: a booking and its counters can never disagree, and
-- the CHECK on hub_days aborts any change that would overbook a day.
CREATE TRIGGER `bookings_immutable` BEFORE UPDATE OF `merchant_id`, `hub_id`, `date`, `units`, `seq`, `idempotency_key` ON `bookings`
BEGIN
  SELECT RAISE(ABORT, 'bookings are immutable except for their status');
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_status_flow` BEFORE UPDATE OF `status` ON `bookings`
WHEN NOT (
  (old.status = 'WAITLISTED' AND new.status IN ('CONFIRMED', 'CANCELLED'))
  OR (old.status = 'CONFIRMED' AND new.status = 'CANCELLED')
)
BEGIN
  SELECT RAISE(ABORT, 'illegal booking status change');
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_insert_confirmed` AFTER INSERT ON `bookings` WHEN new.status = 'CONFIRMED'
BEGIN
  UPDATE hub_days SET confirmed_units = confirmed_units + new.units
    WHERE hub_id = new.hub_id AND date = new.date;
  INSERT INTO booking_events (hub_id, date, booking_id, kind, units, actor_id, at)
    VALUES (new.hub_id, new.date, new.id, 'CONFIRMED', new.units, new.created_by, new.created_at);
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_insert_waitlisted` AFTER INSERT ON `bookings` WHEN new.status = 'WAITLISTED'
BEGIN
  UPDATE hub_days SET waitlisted_units = waitlisted_units + new.units
    WHERE hub_id = new.hub_id AND date = new.date;
  INSERT INTO booking_events (hub_id, date, booking_id, kind, units, actor_id, at)
    VALUES (new.hub_id, new.date, new.id, 'WAITLISTED', new.units, new.created_by, new.created_at);
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_promoted` AFTER UPDATE OF `status` ON `bookings`
WHEN old.status = 'WAITLISTED' AND new.status = 'CONFIRMED'
BEGIN
  UPDATE hub_days SET confirmed_units = confirmed_units + new.units,
    waitlisted_units = waitlisted_units - new.units
    WHERE hub_id = new.hub_id AND date = new.date;
  INSERT INTO booking_events (hub_id, date, booking_id, kind, units, actor_id, at)
    VALUES (new.hub_id, new.date, new.id, 'PROMOTED', new.units, new.updated_by, new.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_cancelled` AFTER UPDATE OF `status` ON `bookings`
WHEN new.status = 'CANCELLED'
BEGIN
  UPDATE hub_days SET
    confirmed_units = confirmed_units - CASE old.status WHEN 'CONFIRMED' THEN new.units ELSE 0 END,
    waitlisted_units = waitlisted_units - CASE old.status WHEN 'WAITLISTED' THEN new.units ELSE 0 END
    WHERE hub_id = new.hub_id AND date = new.date;
  INSERT INTO booking_events (hub_id, date, booking_id, kind, units, actor_id, at)
    VALUES (new.hub_id, new.date, new.id, 'CANCELLED', new.units, new.updated_by, new.updated_at);
END;
