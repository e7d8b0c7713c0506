DROP INDEX `returns_merchant`;--> statement-breakpoint
CREATE INDEX `returns_newest` ON `returns` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `returns_hub_newest` ON `returns` (`hub_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `returns_station_newest` ON `returns` (`station_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `returns_merchant` ON `returns` (`merchant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor` ON `audit_log` (`alliance_id`,`actor_user_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`alliance_id`,`at`);