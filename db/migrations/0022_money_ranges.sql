-- The ranges of src/money-ranges.ts, held by the database too so no writer (raw SQL included)
-- stores an amount the app would refuse. Each refusal raises 'BAD_USER_INPUT:<field>', the stable
-- code src/errors.ts maps to the field's InvalidInput. Data-dependent rules: a refund is more than
-- zero (at most the return's order value is resolutions_refund_cap, 0006); a declaration is at most the maximum in the alliance
-- settings in force on the month's first day; a claim is at most its cap and the return's value.
CREATE TRIGGER `resolutions_refund_positive` BEFORE INSERT ON `resolutions`
WHEN new.resolution = 'REFUND' AND new.refund_fen < 1
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:refundFen');
END;
--> statement-breakpoint
CREATE TRIGGER `declarations_maximum_insert` BEFORE INSERT ON `order_value_declarations`
WHEN new.order_value_fen > 1000000000000
  OR new.order_value_fen > (
    SELECT s.max_declaration_fen FROM alliance_settings s
    JOIN merchants m ON m.alliance_id = s.alliance_id
    WHERE m.id = new.merchant_id AND s.effective_from <= new.month || '-01'
    ORDER BY s.effective_from DESC, s.version DESC LIMIT 1)
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:orderValueFen');
END;
--> statement-breakpoint
CREATE TRIGGER `declarations_maximum_update` BEFORE UPDATE OF `order_value_fen` ON `order_value_declarations`
WHEN new.order_value_fen > 1000000000000
  OR new.order_value_fen > (
    SELECT s.max_declaration_fen FROM alliance_settings s
    JOIN merchants m ON m.alliance_id = s.alliance_id
    WHERE m.id = new.merchant_id AND s.effective_from <= new.month || '-01'
    ORDER BY s.effective_from DESC, s.version DESC LIMIT 1)
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:orderValueFen');
END;
--> statement-breakpoint
CREATE TRIGGER `alliance_settings_declaration_ceiling` BEFORE INSERT ON `alliance_settings`
WHEN new.max_declaration_fen NOT BETWEEN 0 AND 1000000000000
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:maxDeclarationFen');
END;
--> statement-breakpoint
CREATE TRIGGER `claims_amount_range` BEFORE INSERT ON `claims`
WHEN new.amount_fen > 100000000
  OR new.amount_fen > new.cap_fen
  OR new.amount_fen > coalesce((SELECT order_value_fen FROM returns WHERE id = new.return_id),
    new.amount_fen)
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:amountFen');
END;
--> statement-breakpoint
CREATE TRIGGER `returns_order_value_range` BEFORE INSERT ON `returns`
WHEN new.order_value_fen > 100000000
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:orderValueFen');
END;
--> statement-breakpoint
CREATE TRIGGER `costs_amount_range` BEFORE INSERT ON `costs`
WHEN new.amount_fen > 1000000000
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:amountFen');
END;
--> statement-breakpoint
CREATE TRIGGER `cost_templates_amount_range` BEFORE INSERT ON `cost_templates`
WHEN new.amount_fen > 1000000000
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:amountFen');
END;
--> statement-breakpoint
CREATE TRIGGER `adjustments_amount_range` BEFORE INSERT ON `adjustments`
WHEN abs(new.amount_fen) > 100000000
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:amountFen');
END;
--> statement-breakpoint
CREATE TRIGGER `stations_commission_range_insert` BEFORE INSERT ON `stations`
WHEN new.commission_fen > 1000000 OR new.large_item_commission_fen > 1000000
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:commissionFen');
END;
--> statement-breakpoint
CREATE TRIGGER `stations_commission_range_update` BEFORE UPDATE ON `stations`
WHEN new.commission_fen > 1000000 OR new.large_item_commission_fen > 1000000
BEGIN
  SELECT RAISE(ABORT, 'BAD_USER_INPUT:commissionFen');
END;
