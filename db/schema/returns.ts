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
import { users } from './auth'
import { createdAt } from './columns'
import { categories, hubs, merchants, stations } from './network'
import { returnImports } from './return-imports'

export const returnStatuses = [
  'REGISTERED',
  'AT_STATION',
  'IN_TRANSIT',
  'AT_HUB',
  'INSPECTED',
  'RESOLVED',
  'CLOSED',
  'CANCELLED',
] as const
export type ReturnStatus = (typeof returnStatuses)[number]

/** Why a parcel is flagged for the quarantine lane as it is received. */
export const quarantineReasons = ['DAMAGED', 'SAFETY', 'NEAR_EXPIRY'] as const
export type QuarantineReason = (typeof quarantineReasons)[number]

export const pickupRuns = sqliteTable(
  'pickup_runs',
  {
    id: text('id').primaryKey(),
    stationId: text('station_id')
      .notNull()
      .references(() => stations.id),
    hubId: text('hub_id')
      .notNull()
      .references(() => hubs.id),
    /**
     * Set on a hub-to-hub transfer run: the hub that sends on parcels scanned there by mistake.
     * Such a run's `station_id` is the station its oldest parcel was checked in at (the column
     * predates transfers, and rebuilding the table would drop the triggers guarding it).
     */
    fromHubId: text('from_hub_id').references(() => hubs.id),
    status: text('status', { enum: ['OPEN', 'CLOSED'] }).notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    ...createdAt,
    closedBy: text('closed_by').references(() => users.id),
    closedAt: text('closed_at'),
  },
  (t) => [
    index('pickup_runs_station').on(t.stationId, t.createdAt),
    index('pickup_runs_hub').on(t.hubId, t.createdAt),
    check('pickup_runs_status', sql`${t.status} in ('OPEN','CLOSED')`),
  ],
)

/**
 * One customer return. `status` only moves along the flow the triggers of migration 0004 allow,
 * and every move writes a `return_events` row in the same statement.
 */
export const returns = sqliteTable(
  'returns',
  {
    id: text('id').primaryKey(),
    /** What customers type: 12 Crockford base32 characters from a CSPRNG. */
    code: text('code').notNull().unique(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    hubId: text('hub_id')
      .notNull()
      .references(() => hubs.id),
    orderRef: text('order_ref').notNull(),
    category: text('category', { enum: categories }).notNull(),
    itemDescription: text('item_description').notNull(),
    orderValueFen: integer('order_value_fen').notNull(),
    largeItem: integer('large_item', { mode: 'boolean' }).notNull(),
    reason: text('reason').notNull(),
    /** AES-GCM ciphertext of the customer's contact; only the owning merchant can read it. */
    contactCiphertext: text('contact_ciphertext'),
    /** Keyed hash of the normalised contact, to recognise a returner without storing it. */
    contactHash: text('contact_hash'),
    status: text('status', { enum: returnStatuses }).notNull(),
    stationId: text('station_id').references(() => stations.id),
    pickupRunId: text('pickup_run_id').references(() => pickupRuns.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    ...createdAt,
    updatedBy: text('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    /** The upload that created it; null when registered by hand. */
    importId: text('import_id').references(() => returnImports.id),
  },
  (t) => [
    // Re-importing a file creates nothing twice: one imported return per order line.
    uniqueIndex('returns_imported_line')
      .on(t.merchantId, t.orderRef, t.itemDescription)
      .where(sql`${t.importId} is not null`),
    index('returns_import').on(t.importId),
    // Each list pages newest first by (created_at, id): one index per way of seeing returns, so
    // a page is read in order and never sorted, however many returns there are.
    index('returns_merchant').on(t.merchantId, t.createdAt, t.id),
    index('returns_newest').on(t.createdAt, t.id),
    index('returns_hub_newest').on(t.hubId, t.createdAt, t.id),
    index('returns_station_newest').on(t.stationId, t.createdAt, t.id),
    index('returns_hub_status').on(t.hubId, t.status),
    index('returns_station_status').on(t.stationId, t.status),
    index('returns_run').on(t.pickupRunId),
    // Covers the parcels each merchant had carried on a month's runs (the settlement's CARRIED).
    index('returns_run_merchant').on(t.pickupRunId, t.merchantId),
    // The search box: an order reference or a contact's keyed hash, each one equality lookup.
    index('returns_order_ref').on(t.orderRef),
    index('returns_contact').on(t.contactHash),
    check('returns_value', sql`${t.orderValueFen} >= 0`),
    check(
      'returns_status',
      sql`${t.status} in ('REGISTERED','AT_STATION','IN_TRANSIT','AT_HUB','INSPECTED','RESOLVED','CLOSED','CANCELLED')`,
    ),
    check('returns_code', sql`length(${t.code}) >= 10`),
  ],
)

/** The history of a return: append-only, one row per status change. */
export const returnEvents = sqliteTable(
  'return_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnId: text('return_id')
      .notNull()
      .references(() => returns.id),
    status: text('status', { enum: returnStatuses }).notNull(),
    actorId: text('actor_id').references(() => users.id),
    stationId: text('station_id'),
    pickupRunId: text('pickup_run_id'),
    at: text('at').notNull(),
    /**
     * Set on the entry a mis-routed scan adds (status unchanged): the hub it was scanned at and
     * the hub it is being transferred to.
     */
    transferFromHubId: text('transfer_from_hub_id'),
    transferToHubId: text('transfer_to_hub_id'),
  },
  (t) => [index('return_events_return').on(t.returnId, t.id)],
)

/** A station's commission for one checked-in parcel: at most one per return, ever. */
export const commissions = sqliteTable(
  'commissions',
  {
    returnId: text('return_id')
      .primaryKey()
      .references(() => returns.id),
    stationId: text('station_id')
      .notNull()
      .references(() => stations.id),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    amountFen: integer('amount_fen').notNull(),
    largeItem: integer('large_item', { mode: 'boolean' }).notNull(),
    /** Local (Asia/Shanghai) month of the check-in, YYYY-MM, for the monthly settlement. */
    month: text('month').notNull(),
    at: text('at').notNull(),
  },
  (t) => [
    index('commissions_station_month').on(t.stationId, t.month),
    index('commissions_merchant_month').on(t.merchantId, t.month),
    // Covers the month's split (GROUP BY merchant and station, summing amounts) without a row read.
    index('commissions_month_split').on(t.month, t.merchantId, t.stationId, t.amountFen),
    check('commissions_amount', sql`${t.amountFen} >= 0`),
  ],
)

/** Parcels scanned in at a hub, once each, against the run they arrived with. */
export const runReceipts = sqliteTable(
  'run_receipts',
  {
    returnId: text('return_id')
      .primaryKey()
      .references(() => returns.id),
    runId: text('run_id')
      .notNull()
      .references(() => pickupRuns.id),
    /** False when the parcel was not on this run's manifest. */
    expected: integer('expected', { mode: 'boolean' }).notNull(),
    receivedBy: text('received_by')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
    /** The lane the hub's sort plan put the parcel in, and that plan's version (null: none). */
    laneCode: text('lane_code'),
    sortPlanVersion: integer('sort_plan_version'),
    /** Why the receiving operator sent the parcel to quarantine; null when not flagged. */
    quarantineReason: text('quarantine_reason', { enum: quarantineReasons }),
    /**
     * The run's hub and the return's merchant, copied onto the receipt so the month's count of
     * parcels received (the settlement's UNITS) reads one index and no other table. The insert
     * writes them; triggers fill them when an insert leaves them out and refuse any other value.
     */
    hubId: text('hub_id').references(() => hubs.id),
    merchantId: text('merchant_id').references(() => merchants.id),
  },
  (t) => [
    index('run_receipts_run').on(t.runId),
    index('run_receipts_at').on(t.at),
    // The parcels a merchant had received at a hub in a month: one range of this index each,
    // counted without a row read or a sort.
    index('run_receipts_hub_merchant').on(t.hubId, t.merchantId, t.at),
  ],
)

/**
 * Parcels scanned at a hub they are not bound for: refused there (never received, never moved)
 * and listed on that run's reconciliation as mis-routed, to be sent on to their own hub.
 */
export const runMisroutes = sqliteTable(
  'run_misroutes',
  {
    runId: text('run_id')
      .notNull()
      .references(() => pickupRuns.id),
    returnId: text('return_id')
      .notNull()
      .references(() => returns.id),
    scannedBy: text('scanned_by')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.returnId] }),
    index('run_misroutes_return').on(t.returnId),
  ],
)

/**
 * Parcels scanned at a hub of the alliance they are not bound for: put on that hub's transfer
 * lane, waiting until a transfer run (`pickup_runs.from_hub_id`) takes them to their own hub.
 * Migration triggers refuse a row whose parcel is not bound for `to_hub_id` or a scan by another
 * hub's operator (NOT_MISROUTED).
 */
export const hubTransfers = sqliteTable(
  'hub_transfers',
  {
    returnId: text('return_id')
      .notNull()
      .references(() => returns.id),
    fromHubId: text('from_hub_id')
      .notNull()
      .references(() => hubs.id),
    toHubId: text('to_hub_id')
      .notNull()
      .references(() => hubs.id),
    /** The transfer lane the sending hub's plan put it in, and that plan's version. */
    laneCode: text('lane_code'),
    sortPlanVersion: integer('sort_plan_version'),
    scannedBy: text('scanned_by')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
    /** The transfer run that took it; null while it waits on the lane. */
    runId: text('run_id').references(() => pickupRuns.id),
  },
  (t) => [
    primaryKey({ columns: [t.returnId, t.fromHubId] }),
    index('hub_transfers_waiting').on(t.fromHubId, t.toHubId, t.runId),
    index('hub_transfers_at').on(t.fromHubId, t.at),
  ],
)
