/**
 * Reads the settlement pages need beside the service: closed months for the history, the
 * statements of a month, a merchant's or a station's statements by month, payment (who, when),
 * adjustments and the costs a statement refers to. Each checks who asks, like the service.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { adjustments, costs, settlementLines, settlements } from '../../db/schema'
import { requireActor, requireRole, requireStation, type Actor } from '../auth/roles'
import { inList, type Db } from '../db'
import { NotFound } from '../errors'
import { getMerchant, getStation } from '../network/service'

export interface ClosedMonth {
  id: string
  month: string
  totalFen: number
  costTotalFen: number
  rulesVersion: number
  closedAt: string
  closedByName: string
  statements: number
  paid: number
}

type ClosedRow = {
  id: string
  month: string
  total_fen: number
  cost_total: number
  rules_version: number
  closed_at: string
  closed_by_name: string
  n: number
  paid: number
}

const closedMonthsQuery = (allianceId: string, month?: string) => sql`
  select s.id, s.month, s.total_fen, s.rules_version, s.closed_at,
    u.display_name as closed_by_name,
    (select coalesce(sum(c.amount_fen), 0) from costs c
      where c.alliance_id = s.alliance_id and c.month = s.month and c.voided_at is null)
      as cost_total,
    (select count(*) from statements st where st.settlement_id = s.id) as n,
    (select count(*) from statements st
      where st.settlement_id = s.id and st.paid_at is not null) as paid
  from settlements s join users u on u.id = s.closed_by
  where s.alliance_id = ${allianceId} ${month ? sql`and s.month = ${month}` : sql``}
  order by s.month desc`

const toClosedMonth = (r: ClosedRow): ClosedMonth => ({
  id: r.id,
  month: r.month,
  totalFen: Number(r.total_fen),
  costTotalFen: Number(r.cost_total),
  rulesVersion: Number(r.rules_version),
  closedAt: r.closed_at,
  closedByName: r.closed_by_name,
  statements: Number(r.n),
  paid: Number(r.paid),
})

/** Every closed month of the alliance, newest first. Coordinators. */
export async function listClosedMonths(db: Db, actor: Actor | null): Promise<ClosedMonth[]> {
  const a = requireRole(actor, 'COORDINATOR')
  return (await db.all<ClosedRow>(closedMonthsQuery(a.allianceId))).map(toClosedMonth)
}

/** One closed month, or null while it is open. Coordinators. */
export async function closedMonth(
  db: Db,
  actor: Actor | null,
  month: string,
): Promise<ClosedMonth | null> {
  const a = requireRole(actor, 'COORDINATOR')
  const [row] = await db.all<ClosedRow>(closedMonthsQuery(a.allianceId, month))
  return row ? toClosedMonth(row) : null
}

/** A statement of a closed month with its payment: one merchant's or one station's. */
export interface StatementRow {
  id: string
  month: string
  merchantId: string | null
  stationId: string | null
  totalFen: number
  /** Parcels behind a station's commissions (0 for a merchant). */
  parcels: number
  paidAt: string | null
  paidByName: string | null
  /** A payment can still be undone: no later month of the alliance is closed yet. */
  paymentOpen: boolean
}

type StatementDbRow = {
  id: string
  month: string
  merchant_id: string | null
  station_id: string | null
  total_fen: number
  parcels: number | null
  paid_at: string | null
  paid_by_name: string | null
  payment_open: number
}

const statementsQuery = (allianceId: string, where: ReturnType<typeof sql>) => sql`
  select st.id, s.month, st.merchant_id, st.station_id, st.total_fen, st.paid_at,
    u.display_name as paid_by_name,
    not exists (select 1 from settlements later
      where later.alliance_id = s.alliance_id and later.month > s.month) as payment_open,
    case when st.station_id is null then 0 else (
      select coalesce(sum(json_extract(l.basis, '$.mine')), 0) from settlement_lines l
      where l.settlement_id = st.settlement_id and l.station_id = st.station_id
        and l.kind = 'COMMISSION') end as parcels
  from statements st
    join settlements s on s.id = st.settlement_id
    left join users u on u.id = st.paid_by
  where s.alliance_id = ${allianceId} and ${where}
  order by s.month desc, st.merchant_id is null, st.merchant_id, st.station_id`

const toStatementRow = (r: StatementDbRow): StatementRow => ({
  id: r.id,
  month: r.month,
  merchantId: r.merchant_id,
  stationId: r.station_id,
  totalFen: Number(r.total_fen),
  parcels: Number(r.parcels ?? 0),
  paidAt: r.paid_at,
  paidByName: r.paid_by_name,
  paymentOpen: Boolean(Number(r.payment_open)),
})

/** The statements of a closed month: merchants first, then stations. Coordinators. */
export async function settlementStatements(
  db: Db,
  actor: Actor | null,
  month: string,
): Promise<StatementRow[]> {
  const a = requireRole(actor, 'COORDINATOR')
  const rows = await db.all<StatementDbRow>(statementsQuery(a.allianceId, sql`s.month = ${month}`))
  return rows.map(toStatementRow)
}

/**
 * One statement with its payment. Coordinators; a merchant or a station operator only its own
 * (anything else is not found).
 */
export async function statementRow(db: Db, actor: Actor | null, id: string) {
  const a = requireActor(actor)
  const [row] = await db.all<StatementDbRow>(statementsQuery(a.allianceId, sql`st.id = ${id}`))
  const own =
    row &&
    (a.role === 'COORDINATOR' ||
      (a.role === 'MERCHANT' && row.merchant_id === a.merchantId) ||
      (a.role === 'STATION_OPERATOR' && row.station_id === a.stationId))
  if (!own) throw new NotFound('Statement')
  return toStatementRow(row)
}

/** A merchant's statements of closed months, newest first: its own, or any for coordinators. */
export async function merchantStatements(
  db: Db,
  actor: Actor | null,
  merchantId?: string,
): Promise<StatementRow[]> {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  if (a.role === 'MERCHANT' && merchantId && merchantId !== a.merchantId) {
    throw new NotFound('Merchant')
  }
  const who = a.role === 'MERCHANT' ? a.merchantId! : merchantId
  if (!who) throw new NotFound('Merchant')
  await getMerchant(db, a, who)
  const rows = await db.all<StatementDbRow>(
    statementsQuery(a.allianceId, sql`st.merchant_id = ${who}`),
  )
  return rows.map(toStatementRow)
}

/** A station's statements (commissions earned) of closed months, newest first. */
export async function stationStatements(
  db: Db,
  actor: Actor | null,
  stationId: string,
): Promise<StatementRow[]> {
  const a = requireStation(requireRole(actor, 'STATION_OPERATOR', 'COORDINATOR'), stationId)
  await getStation(db, a, stationId)
  const rows = await db.all<StatementDbRow>(
    statementsQuery(a.allianceId, sql`st.station_id = ${stationId}`),
  )
  return rows.map(toStatementRow)
}

/**
 * A station's lines of each closed month among `months`, in one statement (a page lists up to a
 * year of them), in the order a month's statement lists them.
 */
export async function stationLinesByMonth(
  db: Db,
  actor: Actor | null,
  stationId: string,
  months: string[],
): Promise<Map<string, (typeof settlementLines.$inferSelect)[]>> {
  const a = requireStation(requireRole(actor, 'STATION_OPERATOR', 'COORDINATOR'), stationId)
  const byMonth = new Map<string, (typeof settlementLines.$inferSelect)[]>()
  if (months.length === 0) return byMonth
  const rows = await db
    .select({ month: settlements.month, line: settlementLines })
    .from(settlementLines)
    .innerJoin(settlements, eq(settlements.id, settlementLines.settlementId))
    .where(
      and(
        eq(settlements.allianceId, a.allianceId),
        eq(settlementLines.stationId, stationId),
        inList(settlements.month, months),
      ),
    )
    .orderBy(asc(settlementLines.id))
  for (const { month, line } of rows) {
    const list = byMonth.get(month) ?? []
    list.push(line)
    byMonth.set(month, list)
  }
  return byMonth
}

export type AdjustmentRow = typeof adjustments.$inferSelect & { originalMonth: string | null }

type AdjustmentDbRow = {
  id: string
  alliance_id: string
  merchant_id: string
  month: string
  amount_fen: number
  reason: string
  original_settlement_id: string | null
  created_by: string
  created_at: string
  original_month: string | null
}

// Same-millisecond adjustments keep the order they were recorded in (rowid), not their random ids.
const adjustmentsQuery = (allianceId: string, where: ReturnType<typeof sql>) => sql`
  select a.*, s.month as original_month from adjustments a
    left join settlements s on s.id = a.original_settlement_id
  where a.alliance_id = ${allianceId} and ${where}
  order by a.created_at, a.rowid`

const toAdjustment = (r: AdjustmentDbRow): AdjustmentRow => ({
  id: r.id,
  allianceId: r.alliance_id,
  merchantId: r.merchant_id,
  month: r.month,
  amountFen: Number(r.amount_fen),
  reason: r.reason,
  originalSettlementId: r.original_settlement_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  originalMonth: r.original_month,
})

/**
 * The adjustments that land in `month`, in the order the settlement lists them (so the n-th
 * ADJUSTMENT line of a merchant is its n-th adjustment here). Coordinators, or a merchant for its
 * own.
 */
export async function adjustmentsLandingIn(
  db: Db,
  actor: Actor | null,
  month: string,
  merchantId?: string,
): Promise<AdjustmentRow[]> {
  const a = requireRole(actor, 'COORDINATOR', 'MERCHANT')
  if (a.role === 'MERCHANT' && merchantId !== a.merchantId) throw new NotFound('Merchant')
  const rows = await db.all<AdjustmentDbRow>(
    adjustmentsQuery(
      a.allianceId,
      merchantId
        ? sql`a.month = ${month} and a.merchant_id = ${merchantId}`
        : sql`a.month = ${month}`,
    ),
  )
  return rows.map(toAdjustment)
}

/** The corrections made to a closed month, wherever they landed. Coordinators. */
export async function adjustmentsAgainst(
  db: Db,
  actor: Actor | null,
  month: string,
): Promise<AdjustmentRow[]> {
  const a = requireRole(actor, 'COORDINATOR')
  const rows = await db.all<AdjustmentDbRow>(
    adjustmentsQuery(a.allianceId, sql`s.month = ${month}`),
  )
  return rows.map(toAdjustment)
}

/**
 * The costs a statement's lines refer to, by id; members may read what their statements are
 * made of (as `getCost` allows).
 */
export async function costsByIds(db: Db, actor: Actor | null, ids: readonly string[]) {
  const a = requireActor(actor)
  const unique = [...new Set(ids)]
  const out = new Map<string, typeof costs.$inferSelect>()
  // D1 binds at most 100 parameters per statement.
  for (let i = 0; i < unique.length; i += 90) {
    const rows = await db
      .select()
      .from(costs)
      .where(and(eq(costs.allianceId, a.allianceId), inArray(costs.id, unique.slice(i, i + 90))))
      .orderBy(asc(costs.createdAt))
    for (const row of rows) out.set(row.id, row)
  }
  return out
}
