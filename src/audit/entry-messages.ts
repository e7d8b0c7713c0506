/**
 * How the audit log reads each field's value: money in yuan, instants on the Shanghai clock, enums
 * in their existing copy. The words themselves are in entry-copy.ts, in the catalogues.
 */
import { hasMessage, type MessageKey } from '../i18n'

/** How a field's value reads: the formatting the readable diff applies. */
export type AuditFieldKind =
  | 'money'
  | 'instant'
  | 'date'
  | 'month'
  | 'count'
  | 'number'
  | 'percentBp'
  | 'boolean'
  | 'enum'
  | 'weekdays'
  | 'id'
  | 'text'

export interface AuditFieldSpec {
  kind: AuditFieldKind
  label: MessageKey
  /**
   * For an enum, the catalogue prefix of its values' copy (`booking.status.` + `CONFIRMED`),
   * which may depend on the kind of thing changed; none when no copy exists.
   */
  values?: (entityType: string) => string | undefined
  /** For a list, how each element reads (`services`: each a service's copy). */
  each?: AuditFieldKind
}

/** The status copy of each kind of thing that has a status. */
const statusCopy: Record<string, string> = {
  booking: 'booking.status.',
  return: 'returns.status.',
  settlement: 'settlement.status.',
  claim: 'insurance.status.',
  pickupRun: 'runs.status.',
  merchant: 'merchants.status.',
  membershipApplication: 'audit.value.application.',
}

const kinds: Record<AuditFieldKind, string[]> = {
  money: [
    'amountFen',
    'approvedFen',
    'balanceFen',
    'capFen',
    'commissionFen',
    'costTotalFen',
    'largeItemCommissionFen',
    'orderValueFen',
    'payFen',
    'pendingFen',
    'premiumCollectedFen',
    'premiumReturnedFen',
    'refundFen',
    'totalFen',
  ],
  instant: ['endedAt', 'expiresAt', 'paidAt', 'revokedAt'],
  date: ['certDate', 'certifiedOn', 'date', 'expiresOn'],
  month: ['correctsMonth', 'fromMonth', 'month', 'startMonth'],
  count: [
    'capacityUnits',
    'confirmedUnits',
    'parcels',
    'rulesVersion',
    'stars',
    'units',
    'version',
  ],
  number: ['lat', 'lng'],
  percentBp: ['bookedShareBp'],
  boolean: ['active', 'certified', 'voided'],
  enum: ['certStatus', 'grade', 'kind', 'resolution', 'role', 'services', 'sharedBasis', 'status'],
  weekdays: ['closedDays'],
  id: [
    'boundForHubId',
    'claimId',
    'fromHubId',
    'hubId',
    'invitationId',
    'linkId',
    'merchantId',
    'paidBy',
    'pickupRunId',
    'returnId',
    'reverses',
    'runId',
    'scannedAtHubId',
    'stationId',
    'toHubId',
  ],
  text: [
    'address',
    'category',
    'certNumber',
    'city',
    'email',
    'laneCode',
    'largeItemOverride',
    'name',
    'openingHours',
    'payments',
    'phone',
    'postcode',
    'province',
    'reason',
    'region',
    'romanised',
    'shopName',
    'storeName',
  ],
}

const enumCopy: Record<string, (entityType: string) => string | undefined> = {
  status: (entityType) => statusCopy[entityType],
  certStatus: () => 'staff.cert.',
  grade: () => 'inspection.grade.',
  kind: () => 'settlement.costKind.',
  resolution: () => 'inspection.resolution.',
  role: () => 'role.',
  services: () => 'service.',
  sharedBasis: () => 'settlement.rules.sharedBasis.',
}

const specs = new Map<string, AuditFieldSpec>(
  (Object.entries(kinds) as [AuditFieldKind, string[]][]).flatMap(([kind, fields]) =>
    fields.map((field): [string, AuditFieldSpec] => [
      field,
      { kind, label: `audit.field.${field}` as MessageKey, values: enumCopy[field] },
    ]),
  ),
)

/**
 * How the audit log reads `field`; undefined for a field it does not know (shown raw).
 * @example auditFieldSpec('amountFen') // { kind: 'money', label: 'audit.field.amountFen' }
 */
export function auditFieldSpec(field: string): AuditFieldSpec | undefined {
  const spec = specs.get(field)
  return spec && hasMessage(spec.label) ? spec : undefined
}

/**
 * The key of a recorded action's words; undefined for an action without copy (shown raw).
 * @example auditActionKey('cost.record') // 'audit.action.cost.record'
 */
export function auditActionKey(action: string): MessageKey | undefined {
  const key = `audit.action.${action}`
  return hasMessage(key) ? key : undefined
}
