-- The placeholder table of 0005 was never written to: replaced outright, with the uploader, a
-- unique blob key and the type/size checks.
DROP TABLE `inspection_photos`;--> statement-breakpoint
CREATE TABLE `inspection_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`return_id` text NOT NULL,
	`blob_key` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`uploaded_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "inspection_photos_bytes" CHECK("inspection_photos"."bytes" > 0),
	CONSTRAINT "inspection_photos_type" CHECK("inspection_photos"."content_type" in ('image/jpeg', 'image/png', 'image/webp'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_photos_blob_key_unique` ON `inspection_photos` (`blob_key`);--> statement-breakpoint
CREATE INDEX `inspection_photos_return` ON `inspection_photos` (`return_id`,`created_at`);
