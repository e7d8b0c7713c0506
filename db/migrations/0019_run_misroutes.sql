CREATE TABLE `run_misroutes` (
	`run_id` text NOT NULL,
	`return_id` text NOT NULL,
	`scanned_by` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`run_id`, `return_id`),
	FOREIGN KEY (`run_id`) REFERENCES `pickup_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scanned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `run_misroutes_return` ON `run_misroutes` (`return_id`);