PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_staff` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`name` text NOT NULL,
	`certified` integer DEFAULT false NOT NULL,
	`certified_on` text,
	`ended_at` text,
	`cert_status` text DEFAULT 'NONE' NOT NULL,
	`cert_number` text,
	`cert_date` text,
	`cert_expires_on` text,
	`cert_scan_key` text,
	`cert_scan_name` text,
	`cert_scan_type` text,
	`cert_reviewed_by` text,
	`cert_reviewed_at` text,
	`cert_reject_reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cert_reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "staff_cert_status" CHECK("__new_staff"."cert_status" in ('NONE', 'PENDING', 'VERIFIED', 'REJECTED')),
	CONSTRAINT "staff_cert_evidence" CHECK("__new_staff"."cert_status" = 'NONE' or ("__new_staff"."cert_number" is not null and "__new_staff"."cert_date" is not null and "__new_staff"."cert_expires_on" is not null))
);
--> statement-breakpoint
INSERT INTO `__new_staff`("id", "merchant_id", "name", "certified", "certified_on", "created_at") SELECT "id", "merchant_id", "name", "certified", "certified_on", "created_at" FROM `staff`;--> statement-breakpoint
DROP TABLE `staff`;--> statement-breakpoint
ALTER TABLE `__new_staff` RENAME TO `staff`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `staff_merchant` ON `staff` (`merchant_id`);