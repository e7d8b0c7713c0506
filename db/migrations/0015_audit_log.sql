CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`alliance_id` text NOT NULL,
	`at` text NOT NULL,
	`actor_user_id` text,
	`actor_role` text NOT NULL,
	`request_id` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before_json` text,
	`after_json` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_alliance` ON `audit_log` (`alliance_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`alliance_id`,`entity_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_action` ON `audit_log` (`alliance_id`,`action`,`id`);