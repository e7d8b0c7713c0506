CREATE TABLE `benchmark_cohorts` (
	`alliance_id` text NOT NULL,
	`month` text NOT NULL,
	`cohort` text NOT NULL,
	`dimension` text NOT NULL,
	`size` integer NOT NULL,
	`p25` real,
	`median` real,
	`p75` real,
	`suppressed_reason` text,
	PRIMARY KEY(`alliance_id`, `month`, `cohort`, `dimension`),
	CONSTRAINT "benchmark_cohorts_suppressed" CHECK(("benchmark_cohorts"."suppressed_reason" is null) = ("benchmark_cohorts"."median" is not null))
);
--> statement-breakpoint
CREATE TABLE `benchmark_publications` (
	`alliance_id` text NOT NULL,
	`month` text NOT NULL,
	`methodology_version` integer NOT NULL,
	`k` integer NOT NULL,
	`published_by` text NOT NULL,
	`published_at` text NOT NULL,
	PRIMARY KEY(`alliance_id`, `month`),
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `benchmark_scores` (
	`alliance_id` text NOT NULL,
	`month` text NOT NULL,
	`merchant_id` text NOT NULL,
	`dimension` text NOT NULL,
	`value` real,
	`score` real,
	`volume` integer NOT NULL,
	PRIMARY KEY(`alliance_id`, `month`, `merchant_id`, `dimension`),
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `benchmark_scores_merchant` ON `benchmark_scores` (`merchant_id`,`month`);--> statement-breakpoint
CREATE TABLE `return_credit_opt_ins` (
	`merchant_id` text PRIMARY KEY NOT NULL,
	`opted_in_at` text NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
