-- The insurance ledger balances by construction: a transaction's last entry is refused unless
-- its entries sum to zero, entries beyond the declared count are refused, and nothing posted is
-- ever changed. Claims move only forward, and a decision is made once.
CREATE TRIGGER `ledger_entries_balance` AFTER INSERT ON `ledger_entries`
WHEN (SELECT count(*) FROM ledger_entries WHERE transaction_id = new.transaction_id)
  >= (SELECT entry_count FROM ledger_transactions WHERE id = new.transaction_id)
BEGIN
  SELECT RAISE(ABORT, 'ledger transaction does not balance')
  WHERE (SELECT sum(amount_fen) FROM ledger_entries WHERE transaction_id = new.transaction_id) <> 0
    OR (SELECT count(*) FROM ledger_entries WHERE transaction_id = new.transaction_id)
      > (SELECT entry_count FROM ledger_transactions WHERE id = new.transaction_id);
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_immutable_update` BEFORE UPDATE ON `ledger_entries`
BEGIN
  SELECT RAISE(ABORT, 'ledger entries are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_immutable_delete` BEFORE DELETE ON `ledger_entries`
BEGIN
  SELECT RAISE(ABORT, 'ledger entries are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_transactions_immutable_update` BEFORE UPDATE ON `ledger_transactions`
BEGIN
  SELECT RAISE(ABORT, 'ledger entries are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_transactions_immutable_delete` BEFORE DELETE ON `ledger_transactions`
BEGIN
  SELECT RAISE(ABORT, 'ledger entries are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `claims_status_flow` BEFORE UPDATE OF `status` ON `claims`
WHEN old.status <> new.status AND NOT (
  (old.status = 'SUBMITTED' AND new.status IN ('UNDER_REVIEW', 'APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'))
  OR (old.status = 'UNDER_REVIEW' AND new.status IN ('APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'))
  OR (old.status IN ('APPROVED', 'PARTIALLY_APPROVED') AND new.status = 'PAID')
)
BEGIN
  SELECT RAISE(ABORT, 'illegal claim status change');
END;
--> statement-breakpoint
CREATE TRIGGER `claims_decided_once` BEFORE UPDATE OF `approved_fen` ON `claims`
WHEN old.approved_fen IS NOT NULL AND new.approved_fen IS NOT old.approved_fen
BEGIN
  SELECT RAISE(ABORT, 'a claim is decided once');
END;
--> statement-breakpoint
CREATE TRIGGER `declarations_closed_month_insert` BEFORE INSERT ON `order_value_declarations`
WHEN EXISTS (
  SELECT 1 FROM settlements s JOIN merchants m ON m.alliance_id = s.alliance_id
  WHERE m.id = new.merchant_id AND s.month = new.month
)
BEGIN
  SELECT RAISE(ABORT, 'month is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `declarations_closed_month_update` BEFORE UPDATE ON `order_value_declarations`
WHEN EXISTS (
  SELECT 1 FROM settlements s JOIN merchants m ON m.alliance_id = s.alliance_id
  WHERE m.id = old.merchant_id AND s.month = old.month
)
BEGIN
  SELECT RAISE(ABORT, 'month is closed');
END;
