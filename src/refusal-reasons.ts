/**
 * The error vocabulary: every reason a refusal may give in `details.reason` (and so in GraphQL
 * `extensions.reason`), grouped by the capability that raises it, and every kind of record a
 * `NOT_FOUND` may name. Programs rely on these names; people read the catalogue copy each one
 * has under `refusal.<REASON>` / `error.notFound.<Entity>` (checked at compile time in
 * src/http/refusal-copy.ts).
 */
export const refusalReasons = {
  /** The edge itself: a form that could not be read or whose token expired. */
  edge: ['BODY', 'CSRF'],
  /** An upload refused before anything is stored (src/uploads.ts). */
  uploads: ['TOO_MANY', 'EMPTY', 'TOO_LARGE', 'TYPE'],
  /**
   * `ACCOUNT`, `ADDRESS`, `ACCOUNT_AND_ADDRESS`: which sign-in limit was reached. `LINK_…`: why
   * an invitation or reset link no longer works.
   */
  auth: [
    'COMMON',
    'PASSWORD_CHANGED',
    'ACCOUNT',
    'ADDRESS',
    'ACCOUNT_AND_ADDRESS',
    'LINK_USED',
    'LINK_EXPIRED',
    'LINK_REVOKED',
    'EMAIL_TAKEN',
    'USER_INACTIVE',
    'OWN_ACCOUNT',
  ],
  /** `BELOW_CONFIRMED`: a hub day's capacity set lower than the units already confirmed. */
  booking: ['CAPACITY', 'FAIR_SHARE', 'IDEMPOTENCY_REUSED', 'BELOW_CONFIRMED'],
  returns: [
    'CANCELLED',
    'STATION_INACTIVE',
    'OTHER_STATION',
    'LARGE_ITEM_NOT_SERVED',
    'CODE_FORMAT',
    'LARGE_ITEM_NOWHERE',
    'NOT_CANCELLABLE_RETURN',
    'WRONG_HUB',
    'RUN_CLOSED',
    'NOT_CHECKED_IN',
    'NOTHING_TO_TRANSFER',
  ],
  inspection: [
    'RETURN_STATUS',
    'ALREADY_INSPECTED',
    'ALREADY_RESOLVED',
    'ALREADY_RATED',
    'NOT_RESOLVED',
    'PHOTOS_CLOSED',
    'PHOTOS_CHANGED',
  ],
  insurance: [
    'NOT_ENROLLED',
    'NOT_COVERED',
    'CLAIM_OPEN',
    'CLAIM_DECIDED',
    'OWN_MERCHANT',
    'EVIDENCE_CLOSED',
    'POOL_CHANGED',
  ],
  settlement: [
    'MONTH_CLOSED',
    'UNDECLARED',
    'TOTAL_CHANGED',
    'CHANGED',
    'CLOSED',
    'ALREADY_CLOSED',
    'VOIDED',
    'IS_REVERSAL',
    'REVERSED',
    'COST_CHANGED',
    'ALREADY_PAID',
    'NOT_PAID',
    'LATER_MONTH_CLOSED',
    'MONTH_NOT_ENDED',
    'MONTH_OPEN',
  ],
  /**
   * `MONTH_PAST`: a membership starts this month or later; `MONTH_END`: it ends at a month end;
   * `BEFORE_JOINING`: a change before the merchant joined; `ALREADY_DECIDED`: an application.
   */
  members: ['MONTH_PAST', 'MONTH_END', 'BEFORE_JOINING', 'ALREADY_DECIDED'],
  /**
   * `STAFF_ENDED`: a removed staff member is history, not changed; `NO_CERTIFICATE`: nothing
   * waits for verification; `CERTIFICATE_EXPIRED`: a certificate whose validity already ended;
   * `REASON_REQUIRED`: a certificate is turned down only with a reason.
   */
  staff: ['STAFF_ENDED', 'NO_CERTIFICATE', 'CERTIFICATE_EXPIRED', 'REASON_REQUIRED'],
  /** `PUBLISH_TOO_EARLY`: a month may be published once it is over. */
  /** `PLAN_CHANGED`: a hub's sort plan got a new version while this one was being stored. */
  hubs: ['PLAN_CHANGED'],
  benchmarks: ['NOT_PUBLISHED', 'ALREADY_PUBLISHED', 'NOT_OPTED_IN', 'PUBLISH_TOO_EARLY'],
  /** A returns file with no data rows, or more than one upload may hold (`maxRows`). */
  returnImports: ['IMPORT_NO_ROWS', 'IMPORT_TOO_MANY_ROWS'],
  /** `TOO_MANY_LABELS`: more labels than one batch prints; `NO_LABELS`: a batch of none. */
  labels: ['TOO_MANY_LABELS', 'NO_LABELS'],
  /** `API_SCOPE_MISSING`: an API token's scopes do not cover what it tried. */
  apiTokens: ['API_SCOPE_MISSING'],
  /**
   * `WEBHOOK_TARGET`: not an HTTPS URL on the public internet (src/webhooks/target.ts);
   * `WEBHOOK_DISABLED`: the endpoint is switched off, so nothing is sent to it.
   */
  webhooks: ['WEBHOOK_TARGET', 'WEBHOOK_DISABLED'],
} as const

export type RefusalReason = (typeof refusalReasons)[keyof typeof refusalReasons][number]

export const allRefusalReasons: readonly RefusalReason[] = Object.values(refusalReasons).flat()

/** The kinds of record a `NOT_FOUND` names (`new NotFound('Return')`). */
export const notFoundEntities = [
  'Alliance',
  'Alliance settings',
  'Allocation rules',
  'Booking',
  'Claim',
  'Cost',
  'Evidence',
  'Hub',
  'Hub day',
  'Import',
  'Invitation',
  'API token',
  'Membership application',
  'Merchant',
  'Notification',
  'Photo',
  'Pickup run',
  'Return',
  'Staff member',
  'Station',
  'Statement',
  'Webhook endpoint',
  'Webhook delivery',
  'session',
  'user',
] as const

export type NotFoundEntity = (typeof notFoundEntities)[number]
