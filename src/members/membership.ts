/**
 * A merchant's membership by month: a member from the month of `joined_on`, then as the latest
 * membership change at or before the month says (ACTIVE, SUSPENDED, or LEFT). Changes take effect
 * from the current month or later, and leaving only from a later month (at a month end), so a
 * month's membership never changes once it has begun to be used, and history stays as it was.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import { merchants, type MembershipStatus } from '../../db/schema'
import { auditEntry } from '../audit/log'
import { requireRole, type Actor } from '../auth/roles'
import { monthBounds } from '../calendar/local-date'
import type { Db } from '../db'
import { InvalidInput, NotFound } from '../errors'
import { newId } from '../ids'
import type { Merchant } from '../network/service'
import { currentMonth, refusePastMonth } from './service'

/** SQL: the membership status of the merchant whose id is `merchantId` in `month`. */
export function statusInMonth(merchantId: SQL, month: string): SQL<MembershipStatus> {
  return sql<MembershipStatus>`coalesce((select c.status from membership_changes c
    where c.merchant_id = ${merchantId} and c.from_month <= ${month}
    order by c.from_month desc limit 1), 'ACTIVE')`
}

/**
 * SQL: whether the `merchants` row is a member in `month` (joined by its end, not left). A
 * suspended member stays one: it still shares the month's costs.
 */
export function memberInMonth(month: string): SQL {
  const { to } = monthBounds(month)
  return sql`(${merchants.joinedOn} <= ${to} and ${statusInMonth(sql`${merchants.id}`, month)} <> 'LEFT')`
}

export interface MerchantMembership {
  merchant: Merchant
  month: string
  status: MembershipStatus
  /** Whether the merchant has joined by the end of `month`. */
  joined: boolean
}

/** Coordinators: every merchant of the alliance with its membership in `month`. */
export async function listMemberships(
  db: Db,
  actor: Actor | null,
  month: string,
): Promise<MerchantMembership[]> {
  const a = requireRole(actor, 'COORDINATOR')
  const { to } = monthBounds(month)
  const rows = await db
    .select({ merchant: merchants, status: statusInMonth(sql`${merchants.id}`, month) })
    .from(merchants)
    .where(eq(merchants.allianceId, a.allianceId))
    .orderBy(asc(merchants.id))
  return rows.map((r) => ({ ...r, month, joined: r.merchant.joinedOn <= to }))
}

/**
 * Sets a merchant's membership from `fromMonth` on (replacing a change already planned for that
 * month). Leaving or suspending takes effect at a month end, so from next month at the earliest;
 * (re)activating may start this month.
 */
export async function setMerchantMembership(
  db: Db,
  actor: Actor | null,
  input: { merchantId: string; status: MembershipStatus; fromMonth: string },
  now: Date,
): Promise<MerchantMembership> {
  const a = requireRole(actor, 'COORDINATOR')
  const [merchant] = await db
    .select()
    .from(merchants)
    .where(and(eq(merchants.id, input.merchantId), eq(merchants.allianceId, a.allianceId)))
  if (!merchant) throw new NotFound('Merchant')
  refusePastMonth('fromMonth', input.fromMonth, now)
  if (input.status !== 'ACTIVE' && input.fromMonth <= currentMonth(now)) {
    throw new InvalidInput('fromMonth', 'a membership ends at a month end: choose a later month', {
      reason: 'MONTH_END',
    })
  }
  if (input.fromMonth < merchant.joinedOn.slice(0, 7)) {
    throw new InvalidInput('fromMonth', 'choose a month from the one the merchant joined', {
      reason: 'BEFORE_JOINING',
    })
  }
  const at = now.toISOString()
  const before = statusInMonth(sql`${input.merchantId}`, input.fromMonth)
  await db.batch([
    auditEntry(db, a, {
      action: 'membership.set',
      entity: 'merchant',
      entityId: input.merchantId,
      at,
      before: sql`json_object('status', ${before}, 'fromMonth', ${input.fromMonth})`,
      after: { status: input.status, fromMonth: input.fromMonth },
    }),
    db.run(sql`
      insert into membership_changes (id, merchant_id, from_month, status, created_by, created_at)
      values (${newId('msh')}, ${input.merchantId}, ${input.fromMonth}, ${input.status}, ${a.userId}, ${at})
      on conflict (merchant_id, from_month) do update set status = excluded.status,
        created_by = excluded.created_by, created_at = excluded.created_at`),
  ])
  return { merchant, month: input.fromMonth, status: input.status, joined: true }
}
