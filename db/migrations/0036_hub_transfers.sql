CREATE TABLE `hub_transfers` (
	`return_id` text NOT NULL,
	`from_hub_id` text NOT NULL,
	`to_hub_id` text NOT NULL,
	`lane_code` text,
	`sort_plan_version` integer,
	`scanned_by` text NOT NULL,
	`at` text NOT NULL,
	`run_id` text,
	PRIMARY KEY(`return_id`, `from_hub_id`),
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scanned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `pickup_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hub_transfers_waiting` ON `hub_transfers` (`from_hub_id`,`to_hub_id`,`run_id`);--> statement-breakpoint
CREATE INDEX `hub_transfers_at` ON `hub_transfers` (`from_hub_id`,`at`);--> statement-breakpoint
ALTER TABLE `pickup_runs` ADD `from_hub_id` text REFERENCES hubs(id);--> statement-breakpoint
ALTER TABLE `return_events` ADD `transfer_from_hub_id` text;--> statement-breakpoint
ALTER TABLE `return_events` ADD `transfer_to_hub_id` text;--> statement-breakpoint
-- A transfer is recorded only for a parcel bound for another hub of the same alliance, scanned by
-- the sending hub's operator (or a coordinator); it is kept as written, except that a transfer
-- run from that hub to the parcel's own hub takes it, once.
CREATE TRIGGER `hub_transfers_misrouted` BEFORE INSERT ON `hub_transfers`
WHEN new.to_hub_id IS NOT (SELECT hub_id FROM returns WHERE id = new.return_id)
  OR new.from_hub_id = new.to_hub_id
  OR (SELECT alliance_id FROM hubs WHERE id = new.from_hub_id)
    IS NOT (SELECT alliance_id FROM hubs WHERE id = new.to_hub_id)
  OR coalesce((SELECT hub_id FROM users WHERE id = new.scanned_by), new.from_hub_id)
    IS NOT new.from_hub_id
BEGIN
  SELECT RAISE(ABORT, 'NOT_MISROUTED: only a parcel bound for another hub of the alliance is transferred');
END;
--> statement-breakpoint
CREATE TRIGGER `hub_transfers_fixed` BEFORE UPDATE OF `return_id`, `from_hub_id`, `to_hub_id`,
  `lane_code`, `sort_plan_version`, `scanned_by`, `at` ON `hub_transfers`
BEGIN
  SELECT RAISE(ABORT, 'a transfer keeps what its scan recorded');
END;
--> statement-breakpoint
CREATE TRIGGER `hub_transfers_run` BEFORE UPDATE OF `run_id` ON `hub_transfers`
WHEN old.run_id IS NOT NULL
  OR (SELECT from_hub_id FROM pickup_runs WHERE id = new.run_id) IS NOT new.from_hub_id
  OR (SELECT hub_id FROM pickup_runs WHERE id = new.run_id) IS NOT new.to_hub_id
BEGIN
  SELECT RAISE(ABORT, 'NOT_MISROUTED: a transfer run from its hub to its own hub takes a parcel once');
END;
--> statement-breakpoint
CREATE TRIGGER `hub_transfers_append_only_delete` BEFORE DELETE ON `hub_transfers`
BEGIN
  SELECT RAISE(ABORT, 'transfers are append-only');
END;
