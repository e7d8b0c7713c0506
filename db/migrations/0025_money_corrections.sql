-- Corrections the accountant's way, and a close that nothing can slip past.
--
-- costs gains a void (kept, with who, when and why) and reversals (a negative entry naming the
-- cost it cancels), which its amount CHECK must allow: SQLite changes a CHECK only by rebuilding
-- the table. settlement_lines references costs, so it is rebuilt around it, in an order that
-- keeps every foreign key satisfied at every step (D1 enforces them inside migrations too):
-- plain copies first, the child dropped before its parent, the parent filled before its child.
CREATE TABLE `_costs_copy` AS SELECT * FROM `costs`;
--> statement-breakpoint
CREATE TABLE `_settlement_lines_copy` AS SELECT * FROM `settlement_lines`;
--> statement-breakpoint
DROP TABLE `settlement_lines`;
--> statement-breakpoint
DROP TABLE `costs`;
--> statement-breakpoint
CREATE TABLE `costs` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`hub_id` text,
	`note` text DEFAULT '' NOT NULL,
	`template_id` text,
	`created_by` text,
	`created_at` text NOT NULL,
	`reverses_cost_id` text,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `cost_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reverses_cost_id`) REFERENCES `costs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "costs_amount" CHECK((`reverses_cost_id` is null and `amount_fen` > 0) or (`reverses_cost_id` is not null and `amount_fen` < 0)),
	CONSTRAINT "costs_kind" CHECK(`kind` in ('HUB_OPERATIONS','TRANSPORT','SHARED')),
	CONSTRAINT "costs_void" CHECK((`voided_at` is null and `voided_by` is null and `void_reason` is null) or (`voided_at` is not null and `voided_by` is not null and `void_reason` is not null))
);
--> statement-breakpoint
INSERT INTO `costs` (`id`, `alliance_id`, `month`, `kind`, `amount_fen`, `hub_id`, `note`, `template_id`, `created_by`, `created_at`)
  SELECT `id`, `alliance_id`, `month`, `kind`, `amount_fen`, `hub_id`, `note`, `template_id`, `created_by`, `created_at` FROM `_costs_copy`;
--> statement-breakpoint
CREATE INDEX `costs_month` ON `costs` (`alliance_id`,`month`);
--> statement-breakpoint
CREATE UNIQUE INDEX `costs_template_month` ON `costs` (`template_id`,`month`);
--> statement-breakpoint
CREATE UNIQUE INDEX `costs_reverses` ON `costs` (`reverses_cost_id`);
--> statement-breakpoint
CREATE TABLE `settlement_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`settlement_id` text NOT NULL,
	`merchant_id` text NOT NULL,
	`kind` text NOT NULL,
	`cost_id` text,
	`station_id` text,
	`amount_fen` integer NOT NULL,
	`basis` text NOT NULL,
	FOREIGN KEY (`settlement_id`) REFERENCES `settlements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cost_id`) REFERENCES `costs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `settlement_lines` (`id`, `settlement_id`, `merchant_id`, `kind`, `cost_id`, `station_id`, `amount_fen`, `basis`)
  SELECT `id`, `settlement_id`, `merchant_id`, `kind`, `cost_id`, `station_id`, `amount_fen`, `basis` FROM `_settlement_lines_copy`;
--> statement-breakpoint
CREATE INDEX `settlement_lines_settlement` ON `settlement_lines` (`settlement_id`,`merchant_id`);
--> statement-breakpoint
DROP TABLE `_settlement_lines_copy`;
--> statement-breakpoint
DROP TABLE `_costs_copy`;
--> statement-breakpoint
-- The frozen-month triggers of 0008 went with the tables; the same again.
CREATE TRIGGER `costs_closed_month_insert` BEFORE INSERT ON `costs`
WHEN EXISTS (SELECT 1 FROM settlements WHERE alliance_id = new.alliance_id AND month = new.month)
BEGIN
  SELECT RAISE(ABORT, 'month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_closed_month_update` BEFORE UPDATE ON `costs`
WHEN EXISTS (SELECT 1 FROM settlements WHERE alliance_id = old.alliance_id AND month IN (old.month, new.month))
BEGIN
  SELECT RAISE(ABORT, 'month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_closed_month_delete` BEFORE DELETE ON `costs`
WHEN EXISTS (SELECT 1 FROM settlements WHERE alliance_id = old.alliance_id AND month = old.month)
BEGIN
  SELECT RAISE(ABORT, 'month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_lines_frozen_update` BEFORE UPDATE ON `settlement_lines`
BEGIN
  SELECT RAISE(ABORT, 'a closed settlement never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_lines_frozen_delete` BEFORE DELETE ON `settlement_lines`
BEGIN
  SELECT RAISE(ABORT, 'a closed settlement never changes');
END;
--> statement-breakpoint
-- A cost is never edited or deleted, open month or not: it is voided or reversed instead.
CREATE TRIGGER `costs_immutable` BEFORE UPDATE OF `id`, `alliance_id`, `month`, `kind`, `amount_fen`, `hub_id`, `note`, `template_id`, `created_by`, `created_at`, `reverses_cost_id` ON `costs`
BEGIN
  SELECT RAISE(ABORT, 'a cost never changes once recorded: void or reverse it');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_no_delete` BEFORE DELETE ON `costs`
BEGIN
  SELECT RAISE(ABORT, 'a cost never changes once recorded: void or reverse it');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_void_once` BEFORE UPDATE OF `voided_at`, `voided_by`, `void_reason` ON `costs`
WHEN old.voided_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a voided cost stays void');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_void_not_reversed` BEFORE UPDATE OF `voided_at` ON `costs`
WHEN new.voided_at IS NOT NULL AND (
  old.reverses_cost_id IS NOT NULL OR EXISTS (SELECT 1 FROM costs WHERE reverses_cost_id = old.id)
)
BEGIN
  SELECT RAISE(ABORT, 'a reversal, or a cost already reversed, cannot be voided');
END;
--> statement-breakpoint
-- A reversal mirrors exactly one live cost of its own month: same kind and hub, amount negated.
CREATE TRIGGER `costs_reversal_mirrors` BEFORE INSERT ON `costs`
WHEN new.reverses_cost_id IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM costs o
  WHERE o.id = new.reverses_cost_id AND o.alliance_id = new.alliance_id AND o.month = new.month
    AND o.kind = new.kind AND o.hub_id IS new.hub_id AND o.amount_fen = -new.amount_fen
    AND o.reverses_cost_id IS NULL AND o.voided_at IS NULL AND new.template_id IS NULL
)
BEGIN
  SELECT RAISE(ABORT, 'a reversal mirrors one live cost of its month');
END;
--> statement-breakpoint
-- Adjustments are never edited or deleted either: a correction of one is another adjustment.
CREATE TRIGGER `adjustments_immutable_update` BEFORE UPDATE ON `adjustments`
BEGIN
  SELECT RAISE(ABORT, 'an adjustment never changes once recorded');
END;
--> statement-breakpoint
CREATE TRIGGER `adjustments_immutable_delete` BEFORE DELETE ON `adjustments`
BEGIN
  SELECT RAISE(ABORT, 'an adjustment never changes once recorded');
END;
--> statement-breakpoint
-- Paid can be undone until a later month of the alliance has closed.
CREATE TRIGGER `statements_unpaid_until_next_close` BEFORE UPDATE OF `paid_at` ON `statements`
WHEN old.paid_at IS NOT NULL AND new.paid_at IS NULL AND EXISTS (
  SELECT 1 FROM settlements own
    JOIN settlements later ON later.alliance_id = own.alliance_id AND later.month > own.month
  WHERE own.id = old.settlement_id
)
BEGIN
  SELECT RAISE(ABORT, 'payment can no longer be undone: a later month is closed');
END;
--> statement-breakpoint
-- Every write of money into a month moves its version, in the statement that writes it. A close
-- reads the version before it computes and writes the settlement only if it has not moved.
CREATE TABLE `month_versions` (
	`alliance_id` text NOT NULL,
	`month` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`alliance_id`, `month`),
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TRIGGER `costs_month_version_insert` AFTER INSERT ON `costs`
BEGIN
  INSERT INTO month_versions (alliance_id, month, version) VALUES (new.alliance_id, new.month, 1)
    ON CONFLICT (alliance_id, month) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `costs_month_version_update` AFTER UPDATE ON `costs`
BEGIN
  INSERT INTO month_versions (alliance_id, month, version) VALUES (new.alliance_id, new.month, 1)
    ON CONFLICT (alliance_id, month) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `adjustments_month_version` AFTER INSERT ON `adjustments`
BEGIN
  INSERT INTO month_versions (alliance_id, month, version) VALUES (new.alliance_id, new.month, 1)
    ON CONFLICT (alliance_id, month) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `commissions_month_version_insert` AFTER INSERT ON `commissions`
BEGIN
  INSERT INTO month_versions (alliance_id, month, version)
    SELECT alliance_id, new.month, 1 FROM stations WHERE id = new.station_id
    ON CONFLICT (alliance_id, month) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `commissions_month_version_update` AFTER UPDATE ON `commissions`
BEGIN
  INSERT INTO month_versions (alliance_id, month, version)
    SELECT alliance_id, new.month, 1 FROM stations WHERE id = new.station_id
    ON CONFLICT (alliance_id, month) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `declarations_month_version_insert` AFTER INSERT ON `order_value_declarations`
BEGIN
  INSERT INTO month_versions (alliance_id, month, version)
    SELECT alliance_id, new.month, 1 FROM merchants WHERE id = new.merchant_id
    ON CONFLICT (alliance_id, month) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `declarations_month_version_update` AFTER UPDATE ON `order_value_declarations`
BEGIN
  INSERT INTO month_versions (alliance_id, month, version)
    SELECT alliance_id, new.month, 1 FROM merchants WHERE id = new.merchant_id
    ON CONFLICT (alliance_id, month) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
INSERT INTO `month_versions` (`alliance_id`, `month`, `version`)
  SELECT `alliance_id`, `month`, 1 FROM (
    SELECT `alliance_id`, `month` FROM `costs`
    UNION SELECT `alliance_id`, `month` FROM `adjustments`
    UNION SELECT s.`alliance_id`, c.`month` FROM `commissions` c JOIN `stations` s ON s.`id` = c.`station_id`
    UNION SELECT m.`alliance_id`, d.`month` FROM `order_value_declarations` d JOIN `merchants` m ON m.`id` = d.`merchant_id`
  );
--> statement-breakpoint
-- Rebuilding `costs` dropped its range trigger (0022); a reversal is bounded by its original.
CREATE TRIGGER `costs_amount_range` BEFORE INSERT ON `costs`
WHEN new.amount_fen > 1000000000
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:amountFen');
END;
