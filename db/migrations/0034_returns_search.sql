CREATE INDEX `returns_order_ref` ON `returns` (`order_ref`);--> statement-breakpoint
CREATE INDEX `returns_contact` ON `returns` (`contact_hash`);