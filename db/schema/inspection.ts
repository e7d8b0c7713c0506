import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './auth'
import { createdAt } from './columns'
import { merchants } from './network'
import { returns } from './returns'

/** Messages to the customer on a return; the first one is the "first response" of the SLA. */
export const returnResponses = sqliteTable(
  'return_responses',
  {
    id: text('id').primaryKey(),
    returnId: text('return_id')
      .notNull()
      .references(() => returns.id),
    message: text('message').notNull(),
    actorId: text('actor_id')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('return_responses_return').on(t.returnId, t.at)],
)

export const grades = [
  'RESELLABLE',
  'DAMAGED',
  'PARTS_MISSING',
  'NEAR_EXPIRY',
  'EXPIRED',
  'SAFETY_RISK',
] as const
export type Grade = (typeof grades)[number]

/** What the hub found: one inspection per return. */
export const inspections = sqliteTable(
  'inspections',
  {
    returnId: text('return_id')
      .primaryKey()
      .references(() => returns.id),
    grade: text('grade', { enum: grades }).notNull(),
    /** Answers to the category's checklist: `{ item: value }`. */
    checklist: text('checklist', { mode: 'json' })
      .$type<Record<string, boolean | string | number>>()
      .notNull(),
    notes: text('notes').notNull().default(''),
    inspectorId: text('inspector_id')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [
    check(
      'inspections_grade',
      sql`${t.grade} in ('RESELLABLE','DAMAGED','PARTS_MISSING','NEAR_EXPIRY','EXPIRED','SAFETY_RISK')`,
    ),
  ],
)

export const resolutionKinds = ['REFUND', 'EXCHANGE', 'RESTOCK', 'DISPOSE'] as const
export type ResolutionKind = (typeof resolutionKinds)[number]

/** What the merchant decided: one resolution per return. */
export const resolutions = sqliteTable(
  'resolutions',
  {
    returnId: text('return_id')
      .primaryKey()
      .references(() => returns.id),
    resolution: text('resolution', { enum: resolutionKinds }).notNull(),
    refundFen: integer('refund_fen'),
    actorId: text('actor_id')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [
    check('resolutions_kind', sql`${t.resolution} in ('REFUND','EXCHANGE','RESTOCK','DISPOSE')`),
    check(
      'resolutions_refund',
      sql`(${t.resolution} = 'REFUND') = (${t.refundFen} is not null) and coalesce(${t.refundFen}, 0) >= 0`,
    ),
  ],
)

/** The customer's rating after resolution: once per return, keyed by the return. */
export const returnRatings = sqliteTable(
  'return_ratings',
  {
    returnId: text('return_id')
      .primaryKey()
      .references(() => returns.id),
    stars: integer('stars').notNull(),
    comment: text('comment').notNull().default(''),
    at: text('at').notNull(),
  },
  (t) => [check('return_ratings_stars', sql`${t.stars} between 1 and 5`)],
)

/** A merchant's after-sales staff and whether each holds the alliance's certification. */
export const staff = sqliteTable(
  'staff',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    name: text('name').notNull(),
    /** What the merchant says; it no longer counts for the benchmark by itself. */
    certified: integer('certified', { mode: 'boolean' }).notNull().default(false),
    certifiedOn: text('certified_on'),
    /** Removed from the team (history kept): no longer listed nor counted. */
    endedAt: text('ended_at'),
    /** The submitted certificate, waiting for (or given) a coordinator's verification. */
    certStatus: text('cert_status', { enum: ['NONE', 'PENDING', 'VERIFIED', 'REJECTED'] })
      .notNull()
      .default('NONE'),
    certNumber: text('cert_number'),
    certDate: text('cert_date'),
    certExpiresOn: text('cert_expires_on'),
    certScanKey: text('cert_scan_key'),
    certScanName: text('cert_scan_name'),
    certScanType: text('cert_scan_type'),
    certReviewedBy: text('cert_reviewed_by').references(() => users.id),
    certReviewedAt: text('cert_reviewed_at'),
    certRejectReason: text('cert_reject_reason'),
    ...createdAt,
  },
  (t) => [
    index('staff_merchant').on(t.merchantId),
    check('staff_cert_status', sql`${t.certStatus} in ('NONE', 'PENDING', 'VERIFIED', 'REJECTED')`),
    // Nothing is verified without a certificate number, its date and its expiry.
    check(
      'staff_cert_evidence',
      sql`${t.certStatus} = 'NONE' or (${t.certNumber} is not null and ${t.certDate} is not null and ${t.certExpiresOn} is not null)`,
    ),
  ],
)

/**
 * Photos hub staff take of a return while inspecting it: the bytes in the blob store under
 * `blob_key`, a row each here. Images only (the type sniffed from the bytes), at most six per
 * return (checked by the upload).
 */
export const inspectionPhotos = sqliteTable(
  'inspection_photos',
  {
    id: text('id').primaryKey(),
    returnId: text('return_id')
      .notNull()
      .references(() => returns.id),
    blobKey: text('blob_key').notNull().unique(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => users.id),
    ...createdAt,
  },
  (t) => [
    index('inspection_photos_return').on(t.returnId, t.createdAt),
    check('inspection_photos_bytes', sql`${t.bytes} > 0`),
    check(
      'inspection_photos_type',
      sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp')`,
    ),
  ],
)
