ALTER TABLE `stations` ADD `closed_days` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `stations` ADD `phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `stations` ADD `postcode` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `stations` ADD `romanised` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `stations_area` ON `stations` (`active`,`lat`,`lng`);