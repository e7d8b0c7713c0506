import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import { alliances } from './alliance'
import { users } from './auth'
import { createdAt } from './columns'
import { merchants } from './network'
import { returns } from './returns'

export const insuranceEnrolments = sqliteTable('insurance_enrolments', {
  merchantId: text('merchant_id')
    .primaryKey()
    .references(() => merchants.id),
  startMonth: text('start_month').notNull(),
  enrolledBy: text('enrolled_by')
    .notNull()
    .references(() => users.id),
  ...createdAt,
})

/** A merchant's order value (GMV) for a month, on which its premium is charged. */
export const orderValueDeclarations = sqliteTable(
  'order_value_declarations',
  {
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    month: text('month').notNull(),
    orderValueFen: integer('order_value_fen').notNull(),
    declaredBy: text('declared_by')
      .notNull()
      .references(() => users.id),
    ...createdAt,
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.month] }),
    check('declarations_value', sql`${t.orderValueFen} >= 0`),
  ],
)

export const claimStatuses = [
  'SUBMITTED',
  'UNDER_REVIEW',
  'APPROVED',
  'PARTIALLY_APPROVED',
  'REJECTED',
  'PAID',
] as const
export type ClaimStatus = (typeof claimStatuses)[number]

export const claims = sqliteTable(
  'claims',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    returnId: text('return_id').references(() => returns.id),
    amountFen: integer('amount_fen').notNull(),
    lossDate: text('loss_date').notNull(),
    description: text('description').notNull(),
    /** The per-claim cap of the terms in force on the loss date. */
    capFen: integer('cap_fen').notNull(),
    status: text('status', { enum: claimStatuses }).notNull(),
    approvedFen: integer('approved_fen'),
    paidFen: integer('paid_fen').notNull().default(0),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    filedBy: text('filed_by')
      .notNull()
      .references(() => users.id),
    ...createdAt,
  },
  (t) => [
    index('claims_merchant').on(t.merchantId),
    index('claims_status').on(t.status, t.createdAt),
    // One open claim per return; a rejected or fully paid one frees it.
    uniqueIndex('claims_open_return')
      .on(t.returnId)
      .where(sql`${t.status} not in ('REJECTED', 'PAID') and ${t.returnId} is not null`),
    check('claims_amount', sql`${t.amountFen} > 0`),
    check(
      'claims_approved',
      sql`${t.approvedFen} is null or (${t.approvedFen} between 0 and min(${t.amountFen}, ${t.capFen}))`,
    ),
    check('claims_paid', sql`${t.paidFen} between 0 and coalesce(${t.approvedFen}, 0)`),
  ],
)

/**
 * The pool's double-entry ledger. A transaction declares how many entries it has; the last
 * entry's trigger refuses the transaction unless its entries sum to zero (migration 0010).
 */
export const ledgerTransactions = sqliteTable(
  'ledger_transactions',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    kind: text('kind', {
      enum: ['PREMIUM_CHARGED', 'PREMIUM_COLLECTED', 'CLAIM_APPROVED', 'CLAIM_PAID'],
    }).notNull(),
    month: text('month').notNull(),
    memo: text('memo').notNull(),
    entryCount: integer('entry_count').notNull(),
    /** Makes a repeated posting (e.g. the same payout run) a no-op. */
    idempotencyKey: text('idempotency_key').unique(),
    ...createdAt,
  },
  (t) => [index('ledger_transactions_month').on(t.allianceId, t.month)],
)

export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    transactionId: text('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    /** `pool:cash`, `pool:fund`, `premiums_receivable:<merchant>`, `claims_payable:<merchant>`. */
    account: text('account').notNull(),
    /** Debits positive, credits negative. */
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [
    index('ledger_entries_account').on(t.account),
    index('ledger_entries_transaction').on(t.transactionId),
    check('ledger_entries_amount', sql`${t.amountFen} <> 0`),
  ],
)

/**
 * Files a merchant attached to a claim (photos, PDFs). The bytes live in the blob store under
 * `blobKey`; the type is what the bytes are, sniffed on upload, never what the browser said.
 */
export const claimEvidence = sqliteTable(
  'claim_evidence',
  {
    id: text('id').primaryKey(),
    claimId: text('claim_id')
      .notNull()
      .references(() => claims.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    blobKey: text('blob_key').notNull().unique(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => users.id),
    ...createdAt,
  },
  (t) => [
    index('claim_evidence_claim').on(t.claimId, t.createdAt),
    check('claim_evidence_size', sql`${t.sizeBytes} > 0`),
    check(
      'claim_evidence_type',
      sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')`,
    ),
  ],
)
