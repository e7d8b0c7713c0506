CREATE TABLE `import_mappings` (
	`merchant_id` text PRIMARY KEY NOT NULL,
	`mapping_json` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `return_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`created_count` integer NOT NULL,
	`skipped_count` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `returns` ADD `import_id` text REFERENCES return_imports(id);--> statement-breakpoint
CREATE UNIQUE INDEX `returns_imported_line` ON `returns` (`merchant_id`,`order_ref`,`item_description`) WHERE "returns"."import_id" is not null;--> statement-breakpoint
CREATE INDEX `returns_import` ON `returns` (`import_id`);