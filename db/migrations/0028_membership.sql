CREATE TABLE `membership_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`shop_name` text NOT NULL,
	`category` text NOT NULL,
	`region` text NOT NULL,
	`contact` text NOT NULL,
	`shop_url` text NOT NULL,
	`status` text DEFAULT 'PENDING' NOT NULL,
	`merchant_id` text,
	`start_month` text,
	`decline_reason` text,
	`decided_by` text,
	`decided_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "membership_applications_decision" CHECK(("membership_applications"."status" = 'ADMITTED') = ("membership_applications"."merchant_id" is not null and "membership_applications"."start_month" is not null)
        and ("membership_applications"."status" = 'DECLINED') = ("membership_applications"."decline_reason" is not null)
        and ("membership_applications"."status" = 'PENDING') = ("membership_applications"."decided_at" is null))
);
--> statement-breakpoint
CREATE INDEX `membership_applications_alliance` ON `membership_applications` (`alliance_id`,`status`);--> statement-breakpoint
CREATE TABLE `membership_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`from_month` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "membership_changes_status" CHECK("membership_changes"."status" in ('ACTIVE','SUSPENDED','LEFT'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `membership_changes_month` ON `membership_changes` (`merchant_id`,`from_month`);