DROP INDEX `audit_log_alliance`;--> statement-breakpoint
DROP INDEX `audit_log_entity`;--> statement-breakpoint
DROP INDEX `audit_log_action`;--> statement-breakpoint
DROP INDEX `audit_log_actor`;--> statement-breakpoint
DROP INDEX `audit_log_at`;--> statement-breakpoint
CREATE INDEX `audit_log_entity_at` ON `audit_log` (`alliance_id`,`entity_id`,`at`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_action_at` ON `audit_log` (`alliance_id`,`action`,`at`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_at` ON `audit_log` (`alliance_id`,`actor_user_id`,`at`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`alliance_id`,`at`,`id`);