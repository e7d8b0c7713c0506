CREATE TABLE `claim_evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`blob_key` text NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claim_evidence_size" CHECK("claim_evidence"."size_bytes" > 0),
	CONSTRAINT "claim_evidence_type" CHECK("claim_evidence"."content_type" in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claim_evidence_blob_key_unique` ON `claim_evidence` (`blob_key`);--> statement-breakpoint
CREATE INDEX `claim_evidence_claim` ON `claim_evidence` (`claim_id`,`created_at`);