-- Inspection, resolution and rating rules the database enforces itself: each is recorded once
-- (primary key = return), only at the right step, and moves the return's status in the same
-- statement; resolutions obey the grade rules; all three are append-only.
CREATE TRIGGER `inspections_only_at_hub` BEFORE INSERT ON `inspections`
WHEN (SELECT status FROM returns WHERE id = new.return_id) IS NOT 'AT_HUB'
BEGIN
  SELECT RAISE(ABORT, 'only a return at the hub can be inspected');
END;
--> statement-breakpoint
CREATE TRIGGER `inspections_move_return` AFTER INSERT ON `inspections`
BEGIN
  UPDATE returns SET status = 'INSPECTED', updated_by = new.inspector_id, updated_at = new.at
    WHERE id = new.return_id;
END;
--> statement-breakpoint
CREATE TRIGGER `resolutions_only_inspected` BEFORE INSERT ON `resolutions`
WHEN (SELECT status FROM returns WHERE id = new.return_id) IS NOT 'INSPECTED'
BEGIN
  SELECT RAISE(ABORT, 'only an inspected return can be resolved');
END;
--> statement-breakpoint
CREATE TRIGGER `resolutions_grade_rules` BEFORE INSERT ON `resolutions`
WHEN (new.resolution = 'RESTOCK'
      AND (SELECT grade FROM inspections WHERE return_id = new.return_id) IS NOT 'RESELLABLE')
  OR (new.resolution <> 'DISPOSE'
      AND (SELECT grade FROM inspections WHERE return_id = new.return_id) IN ('EXPIRED', 'SAFETY_RISK'))
BEGIN
  SELECT RAISE(ABORT, 'resolution not allowed for this grade');
END;
--> statement-breakpoint
CREATE TRIGGER `resolutions_refund_cap` BEFORE INSERT ON `resolutions`
WHEN new.refund_fen > (SELECT order_value_fen FROM returns WHERE id = new.return_id)
BEGIN
  SELECT RAISE(ABORT, 'refund exceeds the order value');
END;
--> statement-breakpoint
CREATE TRIGGER `resolutions_move_return` AFTER INSERT ON `resolutions`
BEGIN
  UPDATE returns SET status = 'RESOLVED', updated_by = new.actor_id, updated_at = new.at
    WHERE id = new.return_id;
END;
--> statement-breakpoint
CREATE TRIGGER `return_ratings_after_resolution` BEFORE INSERT ON `return_ratings`
WHEN (SELECT status FROM returns WHERE id = new.return_id) NOT IN ('RESOLVED', 'CLOSED')
BEGIN
  SELECT RAISE(ABORT, 'a return can be rated once it is resolved');
END;
--> statement-breakpoint
CREATE TRIGGER `inspections_append_only` BEFORE UPDATE ON `inspections`
BEGIN
  SELECT RAISE(ABORT, 'inspections are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `resolutions_append_only` BEFORE UPDATE ON `resolutions`
BEGIN
  SELECT RAISE(ABORT, 'resolutions are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `return_ratings_append_only` BEFORE UPDATE ON `return_ratings`
BEGIN
  SELECT RAISE(ABORT, 'ratings are append-only');
END;
