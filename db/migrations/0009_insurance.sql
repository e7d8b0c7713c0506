CREATE TABLE `claims` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`return_id` text,
	`amount_fen` integer NOT NULL,
	`loss_date` text NOT NULL,
	`description` text NOT NULL,
	`cap_fen` integer NOT NULL,
	`status` text NOT NULL,
	`approved_fen` integer,
	`paid_fen` integer DEFAULT 0 NOT NULL,
	`decision_reason` text,
	`decided_by` text,
	`decided_at` text,
	`filed_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claims_amount" CHECK("claims"."amount_fen" > 0),
	CONSTRAINT "claims_approved" CHECK("claims"."approved_fen" is null or ("claims"."approved_fen" between 0 and min("claims"."amount_fen", "claims"."cap_fen"))),
	CONSTRAINT "claims_paid" CHECK("claims"."paid_fen" between 0 and coalesce("claims"."approved_fen", 0))
);
--> statement-breakpoint
CREATE INDEX `claims_merchant` ON `claims` (`merchant_id`);--> statement-breakpoint
CREATE INDEX `claims_status` ON `claims` (`status`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `claims_open_return` ON `claims` (`return_id`) WHERE "claims"."status" not in ('REJECTED', 'PAID') and "claims"."return_id" is not null;--> statement-breakpoint
CREATE TABLE `insurance_enrolments` (
	`merchant_id` text PRIMARY KEY NOT NULL,
	`start_month` text NOT NULL,
	`enrolled_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enrolled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`transaction_id` text NOT NULL,
	`account` text NOT NULL,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`transaction_id`) REFERENCES `ledger_transactions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_entries_amount" CHECK("ledger_entries"."amount_fen" <> 0)
);
--> statement-breakpoint
CREATE INDEX `ledger_entries_account` ON `ledger_entries` (`account`);--> statement-breakpoint
CREATE INDEX `ledger_entries_transaction` ON `ledger_entries` (`transaction_id`);--> statement-breakpoint
CREATE TABLE `ledger_transactions` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`kind` text NOT NULL,
	`month` text NOT NULL,
	`memo` text NOT NULL,
	`entry_count` integer NOT NULL,
	`idempotency_key` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_transactions_idempotency_key_unique` ON `ledger_transactions` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `ledger_transactions_month` ON `ledger_transactions` (`alliance_id`,`month`);--> statement-breakpoint
CREATE TABLE `order_value_declarations` (
	`merchant_id` text NOT NULL,
	`month` text NOT NULL,
	`order_value_fen` integer NOT NULL,
	`declared_by` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`merchant_id`, `month`),
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`declared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "declarations_value" CHECK("order_value_declarations"."order_value_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE `alliance_settings` ADD `reserve_floor_fen` integer DEFAULT 0 NOT NULL;