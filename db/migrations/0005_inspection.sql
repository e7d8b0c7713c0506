CREATE TABLE `inspection_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`return_id` text NOT NULL,
	`blob_key` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_photos_return` ON `inspection_photos` (`return_id`);--> statement-breakpoint
CREATE TABLE `inspections` (
	`return_id` text PRIMARY KEY NOT NULL,
	`grade` text NOT NULL,
	`checklist` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`inspector_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspector_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "inspections_grade" CHECK("inspections"."grade" in ('RESELLABLE','DAMAGED','PARTS_MISSING','NEAR_EXPIRY','EXPIRED','SAFETY_RISK'))
);
--> statement-breakpoint
CREATE TABLE `resolutions` (
	`return_id` text PRIMARY KEY NOT NULL,
	`resolution` text NOT NULL,
	`refund_fen` integer,
	`actor_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "resolutions_kind" CHECK("resolutions"."resolution" in ('REFUND','EXCHANGE','RESTOCK','DISPOSE')),
	CONSTRAINT "resolutions_refund" CHECK(("resolutions"."resolution" = 'REFUND') = ("resolutions"."refund_fen" is not null) and coalesce("resolutions"."refund_fen", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE `return_ratings` (
	`return_id` text PRIMARY KEY NOT NULL,
	`stars` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "return_ratings_stars" CHECK("return_ratings"."stars" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE `return_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`return_id` text NOT NULL,
	`message` text NOT NULL,
	`actor_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `return_responses_return` ON `return_responses` (`return_id`,`at`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`name` text NOT NULL,
	`certified` integer DEFAULT false NOT NULL,
	`certified_on` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_merchant` ON `staff` (`merchant_id`);