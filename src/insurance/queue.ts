/**
 * What the claim pages need beyond the GraphQL operations: the coordinators' queue order, taking
 * a claim into review (SUBMITTED → UNDER_REVIEW), and which declaration months are still open.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import { returns, type ClaimStatus } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import { localDate } from '../calendar/local-date'
import { changes, type Db } from '../db'
import { Conflict } from '../errors'
import { inAlliance, type Return } from '../returns/service'
import { enrolment, getClaim, premiumsFor, type Claim } from './service'

/** Claims waiting for a decision. */
export const openStatuses: readonly ClaimStatus[] = ['SUBMITTED', 'UNDER_REVIEW']

/**
 * The queue: claims waiting for a decision first, then the rest; oldest first within each
 * (ties by id, so the order is stable).
 */
export function queueOrder(claims: readonly Claim[]): Claim[] {
  const open = (c: Claim) => (openStatuses.includes(c.status) ? 0 : 1)
  return [...claims].sort(
    (a, b) =>
      open(a) - open(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  )
}

/**
 * A coordinator takes a submitted claim into review, so others see someone is on it. Taking one
 * already under review is harmless; a decided claim is a CONFLICT.
 */
export async function startClaimReview(db: Db, actor: Actor | null, id: string): Promise<Claim> {
  const a = requireRole(actor, 'COORDINATOR')
  const claim = await getClaim(db, a, id)
  if (claim.status === 'UNDER_REVIEW') return claim
  const result = await db.run(sql`
    update claims set status = 'UNDER_REVIEW' where id = ${claim.id} and status = 'SUBMITTED'`)
  const after = await getClaim(db, a, id)
  if (changes(result) === 0 && after.status !== 'UNDER_REVIEW') {
    throw new Conflict('This claim was already decided.', {
      reason: 'CLAIM_DECIDED',
      status: after.status,
    })
  }
  return after
}

/** The returns these claims are about, by id, as far as the actor may see them. */
export async function linkedReturns(
  db: Db,
  actor: Actor | null,
  claims: readonly Claim[],
): Promise<Map<string, Return>> {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const ids = [...new Set(claims.flatMap((c) => (c.returnId ? [c.returnId] : [])))]
  if (ids.length === 0) return new Map()
  const rows = await db
    .select()
    .from(returns)
    .where(
      and(
        inArray(returns.id, ids),
        a.role === 'MERCHANT' ? eq(returns.merchantId, a.merchantId!) : inAlliance(a),
      ),
    )
  return new Map(rows.map((r) => [r.id, r]))
}

export interface DeclarationMonth {
  month: string
  orderValueFen: number | null
  premiumFen: number | null
  rateBp: number
  /** The month's settlement is closed: its declaration can no longer change. */
  closed: boolean
}

/**
 * The months a merchant may declare on its page: last month and this one, from the month its
 * cover starts, each with what is declared, the premium and whether the month is closed.
 */
export async function declarationMonths(
  db: Db,
  actor: Actor | null,
  now: Date,
): Promise<DeclarationMonth[]> {
  const a = requireRole(actor, 'MERCHANT')
  const cover = await enrolment(db, a.merchantId!)
  if (!cover) return []
  const current = localDate(now).slice(0, 7)
  const months = [previousMonth(current), current].filter((m) => m >= cover.startMonth)
  if (months.length === 0) return []
  const closed = await db.all<{ month: string }>(sql`
    select month from settlements
    where alliance_id = ${a.allianceId} and month in (${sql.join(months, sql`, `)})`)
  return Promise.all(
    months.map(async (month) => ({
      ...(await premiumsFor(db, a.allianceId, a.merchantId!, month)),
      closed: closed.some((r) => r.month === month),
    })),
  )
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}
