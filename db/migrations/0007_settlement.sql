CREATE TABLE `adjustments` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`merchant_id` text NOT NULL,
	`month` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`reason` text NOT NULL,
	`original_settlement_id` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`original_settlement_id`) REFERENCES `settlements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "adjustments_amount" CHECK("adjustments"."amount_fen" <> 0)
);
--> statement-breakpoint
CREATE INDEX `adjustments_month` ON `adjustments` (`alliance_id`,`month`);--> statement-breakpoint
CREATE TABLE `allocation_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`version` integer NOT NULL,
	`booked_share_bp` integer NOT NULL,
	`shared_basis` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "allocation_rules_booked" CHECK("allocation_rules"."booked_share_bp" between 0 and 10000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `allocation_rules_version` ON `allocation_rules` (`alliance_id`,`version`);--> statement-breakpoint
CREATE TABLE `cost_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`hub_id` text,
	`note` text DEFAULT '' NOT NULL,
	`start_month` text NOT NULL,
	`end_month` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cost_templates_amount" CHECK("cost_templates"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE `costs` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`hub_id` text,
	`note` text DEFAULT '' NOT NULL,
	`template_id` text,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `cost_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "costs_amount" CHECK("costs"."amount_fen" > 0),
	CONSTRAINT "costs_kind" CHECK("costs"."kind" in ('HUB_OPERATIONS','TRANSPORT','SHARED'))
);
--> statement-breakpoint
CREATE INDEX `costs_month` ON `costs` (`alliance_id`,`month`);--> statement-breakpoint
CREATE UNIQUE INDEX `costs_template_month` ON `costs` (`template_id`,`month`);--> statement-breakpoint
CREATE TABLE `settlement_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`settlement_id` text NOT NULL,
	`merchant_id` text NOT NULL,
	`kind` text NOT NULL,
	`cost_id` text,
	`station_id` text,
	`amount_fen` integer NOT NULL,
	`basis` text NOT NULL,
	FOREIGN KEY (`settlement_id`) REFERENCES `settlements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cost_id`) REFERENCES `costs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `settlement_lines_settlement` ON `settlement_lines` (`settlement_id`,`merchant_id`);--> statement-breakpoint
CREATE TABLE `settlements` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`month` text NOT NULL,
	`status` text NOT NULL,
	`rules_version` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`closed_by` text NOT NULL,
	`closed_at` text NOT NULL,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settlements_month` ON `settlements` (`alliance_id`,`month`);--> statement-breakpoint
CREATE TABLE `statements` (
	`id` text PRIMARY KEY NOT NULL,
	`settlement_id` text NOT NULL,
	`merchant_id` text,
	`station_id` text,
	`total_fen` integer NOT NULL,
	`paid_at` text,
	`paid_by` text,
	FOREIGN KEY (`settlement_id`) REFERENCES `settlements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`paid_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "statements_owner" CHECK(("statements"."merchant_id" is null) <> ("statements"."station_id" is null))
);
--> statement-breakpoint
CREATE INDEX `statements_settlement` ON `statements` (`settlement_id`);