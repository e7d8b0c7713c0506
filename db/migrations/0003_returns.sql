CREATE TABLE `commissions` (
	`return_id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`merchant_id` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`large_item` integer NOT NULL,
	`month` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "commissions_amount" CHECK("commissions"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX `commissions_station_month` ON `commissions` (`station_id`,`month`);--> statement-breakpoint
CREATE INDEX `commissions_merchant_month` ON `commissions` (`merchant_id`,`month`);--> statement-breakpoint
CREATE TABLE `pickup_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`hub_id` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`closed_by` text,
	`closed_at` text,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pickup_runs_status" CHECK("pickup_runs"."status" in ('OPEN','CLOSED'))
);
--> statement-breakpoint
CREATE INDEX `pickup_runs_station` ON `pickup_runs` (`station_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `pickup_runs_hub` ON `pickup_runs` (`hub_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start_ms` integer NOT NULL,
	`hits` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `return_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` text NOT NULL,
	`status` text NOT NULL,
	`actor_id` text,
	`station_id` text,
	`pickup_run_id` text,
	`at` text NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `return_events_return` ON `return_events` (`return_id`,`id`);--> statement-breakpoint
CREATE TABLE `returns` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`merchant_id` text NOT NULL,
	`hub_id` text NOT NULL,
	`order_ref` text NOT NULL,
	`category` text NOT NULL,
	`item_description` text NOT NULL,
	`order_value_fen` integer NOT NULL,
	`large_item` integer NOT NULL,
	`reason` text NOT NULL,
	`contact_ciphertext` text,
	`contact_hash` text,
	`status` text NOT NULL,
	`station_id` text,
	`pickup_run_id` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pickup_run_id`) REFERENCES `pickup_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "returns_value" CHECK("returns"."order_value_fen" >= 0),
	CONSTRAINT "returns_status" CHECK("returns"."status" in ('REGISTERED','AT_STATION','IN_TRANSIT','AT_HUB','INSPECTED','RESOLVED','CLOSED','CANCELLED')),
	CONSTRAINT "returns_code" CHECK(length("returns"."code") >= 10)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `returns_code_unique` ON `returns` (`code`);--> statement-breakpoint
CREATE INDEX `returns_merchant` ON `returns` (`merchant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `returns_hub_status` ON `returns` (`hub_id`,`status`);--> statement-breakpoint
CREATE INDEX `returns_station_status` ON `returns` (`station_id`,`status`);--> statement-breakpoint
CREATE INDEX `returns_run` ON `returns` (`pickup_run_id`);--> statement-breakpoint
CREATE TABLE `run_receipts` (
	`return_id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`expected` integer NOT NULL,
	`received_by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `pickup_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `run_receipts_run` ON `run_receipts` (`run_id`);