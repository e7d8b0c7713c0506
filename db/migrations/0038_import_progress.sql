ALTER TABLE `return_imports` ADD `lines_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `return_imports` ADD `lines_done` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `return_imports` ADD `finished_at` text;--> statement-breakpoint
-- Imports written before progress was recorded had finished: they ran in the request that made them.
UPDATE `return_imports` SET `finished_at` = `created_at`, `lines_total` = `created_count`, `lines_done` = `created_count`;