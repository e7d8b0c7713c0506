CREATE TABLE `sort_lane_merchants` (
	`plan_id` text NOT NULL,
	`lane_code` text NOT NULL,
	`merchant_id` text NOT NULL,
	PRIMARY KEY(`plan_id`, `merchant_id`),
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`,`lane_code`) REFERENCES `sort_lanes`(`plan_id`,`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sort_lane_merchants_lane` ON `sort_lane_merchants` (`plan_id`,`lane_code`);--> statement-breakpoint
CREATE TABLE `sort_lanes` (
	`plan_id` text NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`to_hub_id` text,
	`position` integer NOT NULL,
	PRIMARY KEY(`plan_id`, `code`),
	FOREIGN KEY (`plan_id`) REFERENCES `sort_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sort_lanes_kind" CHECK("sort_lanes"."kind" in ('MERCHANT','LARGE','QUARANTINE','TRANSFER') and ("sort_lanes"."to_hub_id" is null) = ("sort_lanes"."kind" <> 'TRANSFER'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sort_lanes_one_large_one_quarantine` ON `sort_lanes` (`plan_id`,`kind`) WHERE kind in ('LARGE', 'QUARANTINE');--> statement-breakpoint
CREATE TABLE `sort_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`hub_id` text NOT NULL,
	`version` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sort_plans_version" CHECK("sort_plans"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sort_plans_hub_version` ON `sort_plans` (`hub_id`,`version`);--> statement-breakpoint
ALTER TABLE `run_receipts` ADD `lane_code` text;--> statement-breakpoint
ALTER TABLE `run_receipts` ADD `sort_plan_version` integer;