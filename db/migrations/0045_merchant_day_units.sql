DROP INDEX `bookings_merchant_date`;--> statement-breakpoint
CREATE INDEX `bookings_merchant_day_units` ON `bookings` (`merchant_id`,`date`,`hub_id`,`status`,`units`);