CREATE TABLE `booking_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hub_id` text NOT NULL,
	`date` text NOT NULL,
	`booking_id` text,
	`kind` text NOT NULL,
	`units` integer NOT NULL,
	`actor_id` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `booking_events_hub_day` ON `booking_events` (`hub_id`,`date`);--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`merchant_id` text NOT NULL,
	`hub_id` text NOT NULL,
	`date` text NOT NULL,
	`units` integer NOT NULL,
	`status` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`waitlist` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bookings_units" CHECK("bookings"."units" > 0),
	CONSTRAINT "bookings_status" CHECK("bookings"."status" in ('CONFIRMED','WAITLISTED','CANCELLED'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_idempotency` ON `bookings` (`merchant_id`,`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_seq` ON `bookings` (`seq`);--> statement-breakpoint
CREATE INDEX `bookings_hub_day` ON `bookings` (`hub_id`,`date`,`status`,`seq`);--> statement-breakpoint
CREATE INDEX `bookings_merchant_date` ON `bookings` (`merchant_id`,`date`);--> statement-breakpoint
CREATE TABLE `hub_days` (
	`hub_id` text NOT NULL,
	`date` text NOT NULL,
	`capacity_units` integer NOT NULL,
	`confirmed_units` integer DEFAULT 0 NOT NULL,
	`waitlisted_units` integer DEFAULT 0 NOT NULL,
	`capacity_set_by` text,
	PRIMARY KEY(`hub_id`, `date`),
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`capacity_set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "hub_days_capacity" CHECK("hub_days"."capacity_units" >= 0),
	CONSTRAINT "hub_days_not_overbooked" CHECK("hub_days"."confirmed_units" between 0 and "hub_days"."capacity_units"),
	CONSTRAINT "hub_days_waitlist" CHECK("hub_days"."waitlisted_units" >= 0)
);
