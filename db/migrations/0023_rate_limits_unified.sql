DROP TABLE `login_failures`;--> statement-breakpoint
ALTER TABLE `rate_limits` ADD `not_before_ms` integer DEFAULT 0 NOT NULL;