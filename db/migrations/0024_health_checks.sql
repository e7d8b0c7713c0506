CREATE TABLE `health_checks` (
	`id` integer PRIMARY KEY NOT NULL,
	`checked_at` text NOT NULL,
	CONSTRAINT "health_checks_one_row" CHECK("health_checks"."id" = 1)
);
