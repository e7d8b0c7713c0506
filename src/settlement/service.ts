/**
 * The monthly settlement: preview any open month, close it once (atomically, idempotently),
 * then statements per merchant and station. A closed month is frozen by the triggers of
 * migrations 0008 and 0025, and its close is serialised with every write into it (see
 * `month-lock.ts`); corrections are adjustments carried into the next open month, while an open
 * month's costs are voided or reversed, and a payment undone until a later month closes.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import {
  adjustments,
  allocationRules,
  costs,
  settlementLines,
  settlements,
  statements,
  type LineBasis,
  type LineKind,
} from '../../db/schema'
import { auditEntry } from '../audit/log'
import { outboxEvent } from '../events/outbox'
import { requireRole, requireStation, type Actor } from '../auth/roles'
import { localDate } from '../calendar/local-date'
import { changes, inList, type Db } from '../db'
import { Conflict, InvalidInput, NotFound } from '../errors'
import { newId } from '../ids'
import { getHub, getMerchant, getStation } from '../network/service'
import { premiumCharged, premiumCollected } from '../insurance/ledger'
import { postTransaction } from '../insurance/service'
import type { Allocation, Rules } from './allocate'
import { computeMonths } from './compute'
import { checkedIn, commissionsEarned, liveStationStatement } from './live-statements'
import type { CostInput } from './schemas'
import {
  justClosed,
  monthOpen,
  monthUnchanged,
  monthVersion,
  refusedAsClosed,
  refusedByKey,
} from './month-lock'
import { closedFigures, openFigures, type MonthFigures } from './projection'
import { costsFor, currentRules, parcelsReceived, postRecurringCosts } from './usage'

export interface SettlementLine {
  merchantId: string
  kind: LineKind
  costId: string | null
  stationId: string | null
  amountFen: number
  basis: LineBasis
}

export type SettlementView = {
  id: string | null
  month: string
  status: 'OPEN' | 'CLOSED'
  rulesVersion: number
  totalFen: number
  costTotalFen: number
  lines: SettlementLine[]
  closedAt: string | null
  /** Enrolled merchants who have not declared the month's order value: closing waits for them. */
  blockedBy: string[]
} & MonthFigures

async function closedSettlement(db: Db, allianceId: string, month: string) {
  const [row] = await db
    .select()
    .from(settlements)
    .where(and(eq(settlements.allianceId, allianceId), eq(settlements.month, month)))
  return row ?? null
}

async function storedView(db: Db, s: typeof settlements.$inferSelect): Promise<SettlementView> {
  const [lines, costTotal, parcels] = await Promise.all([
    db
      .select()
      .from(settlementLines)
      .where(eq(settlementLines.settlementId, s.id))
      .orderBy(asc(settlementLines.id)),
    db.all<{ total: number }>(
      sql`select coalesce(sum(amount_fen), 0) as total from costs
        where alliance_id = ${s.allianceId} and month = ${s.month} and voided_at is null`,
    ),
    parcelsReceived(db, s.allianceId, s.month),
  ])
  return {
    ...closedFigures(parcels),
    id: s.id,
    month: s.month,
    status: 'CLOSED',
    rulesVersion: s.rulesVersion,
    totalFen: s.totalFen,
    costTotalFen: Number(costTotal[0]?.total ?? 0),
    lines,
    closedAt: s.closedAt,
    blockedBy: [],
  }
}

/** The month's split from what is stored now (see `computeMonths`). */
async function compute(db: Db, allianceId: string, month: string, now: Date | null) {
  return (await computeMonths(db, allianceId, [month], now)).get(month)!
}

function previewView(
  month: string,
  rules: Rules,
  allocation: Allocation,
  costTotalFen: number,
  blockedBy: string[],
  figures: MonthFigures,
): SettlementView {
  return {
    ...figures,
    blockedBy,
    id: null,
    month,
    status: 'OPEN' as const,
    rulesVersion: rules.version,
    totalFen: allocation.totalFen,
    costTotalFen,
    lines: allocation.lines,
    closedAt: null,
  }
}

/** The month as it would close now (or as it closed). Coordinators only. */
export async function settlementPreview(
  db: Db,
  actor: Actor | null,
  month: string,
  now: Date,
): Promise<SettlementView> {
  const a = requireRole(actor, 'COORDINATOR')
  const closed = await closedSettlement(db, a.allianceId, month)
  if (closed) return storedView(db, closed)
  const split = await compute(db, a.allianceId, month, now)
  const { monthCosts, allocation, rules, undeclared } = split
  const figures = openFigures(month, now, allocation.lines, total(split.parcels))
  return previewView(month, rules, allocation, sum(monthCosts), undeclared, figures)
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)

const sum = (xs: { amountFen: number }[]) => xs.reduce((a, b) => a + b.amountFen, 0)

/** A closed month, or null while it is open. */
export async function getSettlement(db: Db, actor: Actor | null, month: string) {
  const a = requireRole(actor, 'COORDINATOR')
  const closed = await closedSettlement(db, a.allianceId, month)
  return closed ? storedView(db, closed) : null
}

export interface CloseOptions {
  /** Told as the close moves on: computing the split, then writing it (one atomic batch). */
  onStage?: (stage: 'computing' | 'writing') => void
  /**
   * The total the coordinator confirmed: if the month no longer adds up to it (a cost or an
   * adjustment arrived meanwhile), nothing is written and a CONFLICT (reason TOTAL_CHANGED) says
   * what it totals now.
   */
  expectedTotalFen?: number
}

/**
 * Closes a finished month: stores every line and statement in one atomic batch. The settlement
 * row is written only if the month's version has not moved since before the split was computed
 * (no cost, void, reversal, adjustment, commission or declaration arrived: see `month-lock.ts`);
 * its lines reference it, so otherwise the whole batch fails. The unique month index makes a
 * concurrent second close fail whole. Repeating the call with the same key returns the same
 * settlement.
 */
export async function closeSettlement(
  db: Db,
  actor: Actor | null,
  input: { month: string; idempotencyKey: string },
  now: Date,
  options: CloseOptions = {},
): Promise<SettlementView> {
  const a = requireRole(actor, 'COORDINATOR')
  const { month, idempotencyKey } = input
  const existing = await closedSettlement(db, a.allianceId, month)
  if (existing) return replay(db, existing, idempotencyKey)
  if (month >= localDate(now).slice(0, 7)) {
    throw new InvalidInput(
      'month',
      `${month} has not ended yet; close it from the 1st of next month`,
      {
        reason: 'MONTH_NOT_ENDED',
        month,
      },
    )
  }
  options.onStage?.('computing')
  // Recurring costs first (they move the version), then the version, then what it covers.
  await postRecurringCosts(db, a.allianceId, month, now)
  const version = await monthVersion(db, a.allianceId, month)
  const split = await compute(db, a.allianceId, month, null)
  const { monthCosts, allocation, rules, undeclared } = split
  if (undeclared.length > 0) {
    throw new Conflict(
      `Waiting for ${month} order-value declarations (insurance premiums) from ${undeclared.join(', ')}.`,
      { reason: 'UNDECLARED', month, merchantIds: undeclared },
    )
  }
  const expected = options.expectedTotalFen
  if (expected !== undefined && allocation.totalFen !== expected) {
    throw new Conflict(
      `${month} now totals ${allocation.totalFen} fen, not the ${expected} fen confirmed; preview it again.`,
      { reason: 'TOTAL_CHANGED', totalFen: allocation.totalFen, expectedTotalFen: expected },
    )
  }
  options.onStage?.('writing')
  const id = newId('stl')
  const at = now.toISOString()
  const costTotal = sum(monthCosts)
  try {
    await db.batch([
      db.run(sql`
        insert into settlements (id, alliance_id, month, status, rules_version, total_fen,
          idempotency_key, closed_by, closed_at)
        select ${id}, ${a.allianceId}, ${month}, 'CLOSED', ${rules.version}, ${allocation.totalFen},
          ${idempotencyKey}, ${a.userId}, ${at}
        where ${monthUnchanged(a.allianceId, month, version)}`),
      // Every line and statement in a few INSERT … SELECT over a JSON array (one bound value
      // each: D1 binds at most 100), not thousands of row-by-row inserts; 500 lines keep each
      // value near 75 kB.
      ...chunks(allocation.lines, 500).map((rows) => insertLines(db, id, rows)),
      insertStatements(db, id, [
        ...Object.entries(allocation.totals).map(([merchantId, totalFen]) => ({
          id: newId('smt'),
          merchantId,
          stationId: null,
          totalFen,
        })),
        ...Object.entries(allocation.stationTotals).map(([stationId, totalFen]) => ({
          id: newId('smt'),
          merchantId: null,
          stationId,
          totalFen,
        })),
      ]),
      // Premiums charged on this month's statements become receivables of the pool.
      ...allocation.lines
        .filter((l) => l.kind === 'PREMIUM')
        .flatMap((l) =>
          postTransaction(
            db,
            {
              allianceId: a.allianceId,
              kind: 'PREMIUM_CHARGED',
              month,
              memo: `premium ${month} ${l.merchantId}`,
              at,
            },
            premiumCharged(l.merchantId, l.amountFen),
            sql`exists (select 1 from settlements where id = ${id})`,
          ),
        ),
      auditEntry(db, a, {
        action: 'settlement.close',
        entity: 'settlement',
        entityId: id,
        at,
        before: { month, status: 'OPEN' },
        after: sql`json_object('month', month, 'status', status, 'totalFen', total_fen,
          'costTotalFen', ${costTotal}, 'rulesVersion', rules_version)`,
        from: sql`from settlements where id = ${id}`,
      }),
      outboxEvent(db, {
        type: 'statement.ready',
        allianceId: sql`st.alliance_id`,
        merchantId: sql`s.merchant_id`,
        stationId: sql`s.station_id`,
        at,
        data: sql`json_object('statement', json_object('id', s.id, 'month', st.month,
          'settlementId', st.id, 'merchantId', s.merchant_id, 'stationId', s.station_id,
          'totalFen', s.total_fen))`,
        from: sql`from statements s join settlements st on st.id = s.settlement_id
          where s.settlement_id = ${id} order by s.id`,
      }),
    ] as unknown as Parameters<Db['batch']>[0])
  } catch (error) {
    // Refused whole by a key: either another close took the month (replayed below) or an entry
    // arrived while this one computed, so the guarded insert wrote nothing and its lines have no
    // settlement. Any other failure is not a lost race.
    if (!refusedByKey(error)) throw error
  }
  const stored = await closedSettlement(db, a.allianceId, month)
  if (stored?.id === id) {
    // What this close wrote is what it computed: no need to read thousands of lines back.
    return {
      ...previewView(month, rules, allocation, costTotal, [], closedFigures(total(split.parcels))),
      id,
      status: 'CLOSED',
      closedAt: stored.closedAt,
    }
  }
  if (stored) return replay(db, stored, idempotencyKey)
  // Not a lost race: the month changed while we computed, so the guarded insert wrote nothing.
  throw new Conflict('The month changed while it was being closed; preview it again.', {
    reason: 'CHANGED',
  })
}

async function replay(db: Db, s: typeof settlements.$inferSelect, key: string) {
  if (s.idempotencyKey !== key) {
    throw new Conflict(`${s.month} is already closed.`, {
      reason: 'ALREADY_CLOSED',
      month: s.month,
      settlementId: s.id,
    })
  }
  return storedView(db, s)
}

/** Inserts `lines` of settlement `id` in the order given (their ids follow it). */
function insertLines(db: Db, id: string, lines: SettlementLine[]) {
  const rows = lines.map((l) => ({
    m: l.merchantId,
    k: l.kind,
    c: l.costId,
    s: l.stationId,
    a: l.amountFen,
    b: JSON.stringify(l.basis),
  }))
  return db.run(sql`
    insert into settlement_lines (settlement_id, merchant_id, kind, cost_id, station_id,
      amount_fen, basis)
    select ${id}, json_extract(value, '$.m'), json_extract(value, '$.k'),
      json_extract(value, '$.c'), json_extract(value, '$.s'), json_extract(value, '$.a'),
      json_extract(value, '$.b')
    from json_each(${JSON.stringify(rows)})
    order by key`)
}

/** Inserts the statements of settlement `id`: one per merchant and one per station. */
function insertStatements(
  db: Db,
  id: string,
  rows: { id: string; merchantId: string | null; stationId: string | null; totalFen: number }[],
) {
  return db.run(sql`
    insert into statements (id, settlement_id, merchant_id, station_id, total_fen)
    select json_extract(value, '$.id'), ${id}, json_extract(value, '$.merchantId'),
      json_extract(value, '$.stationId'), json_extract(value, '$.totalFen')
    from json_each(${JSON.stringify(rows)})
    order by key`)
}

/** D1 binds at most 100 parameters per statement: insert many rows a few at a time. */
function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

/**
 * Records a cost; refused for a closed month, here, in the insert itself (so a close that wins
 * the race meanwhile makes it a CONFLICT saying the month just closed) and by the database.
 */
export async function recordCost(db: Db, actor: Actor | null, input: CostInput, now: Date) {
  const a = requireRole(actor, 'COORDINATOR')
  if (input.hubId) await getHub(db, a, input.hubId)
  if (await closedSettlement(db, a.allianceId, input.month)) {
    throw new Conflict(`${input.month} is closed; record a correction as an adjustment instead.`, {
      reason: 'CLOSED',
      month: input.month,
    })
  }
  const id = newId('cst')
  const at = now.toISOString()
  try {
    await db.batch([
      db.run(sql`
        insert into costs (id, alliance_id, month, kind, amount_fen, hub_id, note, created_by,
          created_at)
        select ${id}, ${a.allianceId}, ${input.month}, ${input.kind}, ${input.amountFen},
          ${input.hubId ?? null}, ${input.note}, ${a.userId}, ${at}
        where ${monthOpen(a.allianceId, input.month)}`),
      auditEntry(db, a, {
        action: 'cost.record',
        entity: 'cost',
        entityId: id,
        at,
        after: {
          month: input.month,
          kind: input.kind,
          amountFen: input.amountFen,
          hubId: input.hubId,
        },
        from: sql`from costs where id = ${id}`,
      }),
    ])
  } catch (error) {
    if (refusedAsClosed(error)) throw justClosed(input.month, 'the cost was not recorded')
    throw error
  }
  const [row] = await db.select().from(costs).where(eq(costs.id, id))
  if (!row) throw justClosed(input.month, 'the cost was not recorded')
  return row
}

export async function listCosts(db: Db, actor: Actor | null, month: string, now: Date) {
  const a = requireRole(actor, 'COORDINATOR')
  const closed = await closedSettlement(db, a.allianceId, month)
  return costsFor(db, a.allianceId, month, closed ? null : now)
}

export async function getRules(db: Db, actor: Actor | null) {
  const a = requireRole(actor, 'COORDINATOR', 'MERCHANT')
  return currentRules(db, a.allianceId)
}

/** A new version of the rules; closed settlements keep the version they were made with. */
export async function setRules(
  db: Db,
  actor: Actor | null,
  input: { bookedShareBp: number; sharedBasis: 'EQUAL' | 'UNITS' },
  now: Date,
) {
  const a = requireRole(actor, 'COORDINATOR')
  const current = await currentRules(db, a.allianceId)
  const id = newId('rul')
  const at = now.toISOString()
  const version = current.version + 1
  await db.batch([
    db.insert(allocationRules).values({
      id,
      allianceId: a.allianceId,
      version,
      bookedShareBp: input.bookedShareBp,
      sharedBasis: input.sharedBasis,
      createdBy: a.userId,
    }),
    auditEntry(db, a, {
      action: 'allocationRules.set',
      entity: 'allocationRules',
      entityId: id,
      at,
      before: {
        version: current.version,
        bookedShareBp: current.bookedShareBp,
        sharedBasis: current.sharedBasis,
      },
      after: { version, ...input },
    }),
  ])
  return currentRules(db, a.allianceId)
}

export type Statement = {
  id: string | null
  month: string
  status: 'OPEN' | 'CLOSED'
  merchantId: string | null
  stationId: string | null
  totalFen: number
  lines: SettlementLine[]
  paidAt: string | null
} & MonthFigures

/**
 * A merchant's statement for a month: the frozen one once closed, else its part of the preview.
 */
export async function merchantStatement(
  db: Db,
  actor: Actor | null,
  month: string,
  now: Date,
  merchantId?: string,
): Promise<Statement> {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  if (a.role === 'MERCHANT' && merchantId && merchantId !== a.merchantId) {
    throw new NotFound('Merchant')
  }
  const who = a.role === 'MERCHANT' ? a.merchantId! : merchantId
  if (!who) throw new InvalidInput('merchantId', 'choose a merchant')
  await getMerchant(db, a, who)
  const closed = await closedSettlement(db, a.allianceId, month)
  if (closed) {
    const [[row], lines, parcels] = await Promise.all([
      db
        .select()
        .from(statements)
        .where(and(eq(statements.settlementId, closed.id), eq(statements.merchantId, who))),
      db
        .select()
        .from(settlementLines)
        .where(
          and(eq(settlementLines.settlementId, closed.id), eq(settlementLines.merchantId, who)),
        )
        .orderBy(asc(settlementLines.id)),
      parcelsReceived(db, a.allianceId, month, who),
    ])
    return {
      ...closedFigures(parcels),
      id: row?.id ?? null,
      month,
      status: 'CLOSED',
      merchantId: who,
      stationId: null,
      totalFen: row?.totalFen ?? 0,
      lines,
      paidAt: row?.paidAt ?? null,
    }
  }
  const { allocation, parcels } = await compute(db, a.allianceId, month, now)
  const lines = allocation.lines.filter((l) => l.merchantId === who)
  return {
    ...openFigures(month, now, lines, parcels[who] ?? 0),
    id: null,
    month,
    status: 'OPEN',
    merchantId: who,
    stationId: null,
    totalFen: sum(lines),
    lines,
    paidAt: null,
  }
}

/** A station's commissions for a month, as settled (or so far, while open). */
export async function stationStatement(
  db: Db,
  actor: Actor | null,
  stationId: string,
  month: string,
): Promise<Statement> {
  const a = requireStation(actor, stationId)
  const station = await getStation(db, a, stationId)
  const closed = await closedSettlement(db, a.allianceId, month)
  if (closed) {
    const [row] = await db
      .select()
      .from(statements)
      .where(and(eq(statements.settlementId, closed.id), eq(statements.stationId, station.id)))
    const lines = await db
      .select()
      .from(settlementLines)
      .where(
        and(eq(settlementLines.settlementId, closed.id), eq(settlementLines.stationId, station.id)),
      )
      .orderBy(asc(settlementLines.id))
    return {
      ...closedFigures(checkedIn(lines)),
      id: row?.id ?? null,
      month,
      status: 'CLOSED',
      merchantId: null,
      stationId: station.id,
      totalFen: row?.totalFen ?? 0,
      lines,
      paidAt: row?.paidAt ?? null,
    }
  }
  const lines = (await commissionsEarned(db, station.id, [month])).get(month)!
  return liveStationStatement(station.id, month, lines)
}

/** A cost of the actor's alliance (members may read what their statements are made of). */
export async function getCost(db: Db, actor: Actor | null, id: string) {
  const [row] = await costsByIds(db, actor, [id])
  if (!row) throw new NotFound('Cost')
  return row
}

/** The costs among `ids` the caller may read (members read their own alliance's), in any order. */
export function costsByIds(db: Db, actor: Actor | null, ids: readonly string[]) {
  const a = requireRole(actor, 'COORDINATOR', 'MERCHANT', 'STATION_OPERATOR', 'HUB_OPERATOR')
  return db
    .select()
    .from(costs)
    .where(and(inList(costs.id, ids), eq(costs.allianceId, a.allianceId)))
}

/** Marks a closed statement paid (who, when); paying twice is refused. */
export async function markStatementPaid(db: Db, actor: Actor | null, id: string, now: Date) {
  const a = requireRole(actor, 'COORDINATOR')
  const [row] = await db
    .select({ statement: statements, allianceId: settlements.allianceId, month: settlements.month })
    .from(statements)
    .innerJoin(settlements, eq(settlements.id, statements.settlementId))
    .where(eq(statements.id, id))
  if (!row || row.allianceId !== a.allianceId) throw new NotFound('Statement')
  const alreadyPaid = () =>
    new Conflict('This statement is already marked paid.', {
      reason: 'ALREADY_PAID',
      statementId: id,
    })
  if (row.statement.paidAt) throw alreadyPaid()
  const at = now.toISOString()
  const { merchantId, stationId } = row.statement
  const [premium] = merchantId
    ? await db.all<{ fen: number }>(sql`
        select coalesce(sum(amount_fen), 0) as fen from settlement_lines
        where settlement_id = ${row.statement.settlementId} and merchant_id = ${merchantId}
          and kind = 'PREMIUM'`)
    : []
  const premiumFen = Number(premium?.fen ?? 0)
  // A payment undone and made again posts again, under a key of its own.
  const undone = premiumFen > 0 ? await paymentsUndone(db, id) : 0
  const markPaid = db.run(sql`
    update statements set paid_at = ${at}, paid_by = ${a.userId}
    where id = ${id} and paid_at is null`)
  const audit = auditEntry(db, a, {
    action: 'statement.paid',
    entity: 'statement',
    entityId: id,
    at,
    before: { paidAt: null, totalFen: row.statement.totalFen },
    after: sql`json_object('paidAt', paid_at, 'totalFen', total_fen, 'premiumCollectedFen',
      ${premiumFen})`,
    from: sql`from statements where id = ${id} and paid_at = ${at} and paid_by = ${a.userId}
      and changes() > 0`,
  })
  if (premiumFen > 0 && merchantId) {
    // The premium part of a paid statement is now cash in the insurance pool, posted only by
    // the request that actually marked it paid.
    await db
      .batch([
        markPaid,
        audit,
        ...postTransaction(
          db,
          {
            allianceId: a.allianceId,
            kind: 'PREMIUM_COLLECTED',
            month: row.month,
            memo: `premium ${row.month} ${merchantId} paid`,
            idempotencyKey: undone === 0 ? `collect:${id}` : `collect:${id}:${undone}`,
            at,
          },
          premiumCollected(merchantId, premiumFen),
          sql`exists (select 1 from statements where id = ${id} and paid_at = ${at} and paid_by = ${a.userId})`,
        ),
      ] as unknown as Parameters<Db['batch']>[0])
      .catch((error: unknown) => {
        // Another request marked it paid first: its guard found nothing, so the ledger entries
        // had no transaction (or the collection key was taken). Anything else is a real error.
        throw refusedByKey(error) ? alreadyPaid() : error
      })
  } else if (changes((await db.batch([markPaid, audit]))[0]) === 0) {
    throw alreadyPaid()
  }
  return merchantId
    ? merchantStatement(db, a, row.month, now, merchantId)
    : stationStatement(db, a, stationId!, row.month)
}

/**
 * A correction to a closed month: it becomes a line in the first open month after it, linked to
 * the original settlement. That month is chosen inside the insert itself (the months after the
 * original walked until one has no settlement), so a close finishing meanwhile cannot leave the
 * adjustment in a month that has just closed: it lands in the next one.
 */
export async function addAdjustment(
  db: Db,
  actor: Actor | null,
  input: { merchantId: string; month: string; amountFen: number; reason: string },
  now: Date,
) {
  const a = requireRole(actor, 'COORDINATOR')
  await getMerchant(db, a, input.merchantId)
  const original = await closedSettlement(db, a.allianceId, input.month)
  if (!original) {
    throw new InvalidInput('month', `${input.month} is still open; correct its costs directly`, {
      reason: 'MONTH_OPEN',
      month: input.month,
    })
  }
  const id = newId('adj')
  const at = now.toISOString()
  const next = (month: SQL) => sql`strftime('%Y-%m', ${month} || '-01', '+1 month')`
  try {
    await db.batch([
      db.run(sql`
        insert into adjustments (id, alliance_id, merchant_id, month, amount_fen, reason,
          original_settlement_id, created_by, created_at)
        with recursive later(month) as (
          select ${next(sql`${input.month}`)}
          union all
          select ${next(sql`later.month`)} from later
          where exists (select 1 from settlements
            where alliance_id = ${a.allianceId} and month = later.month)
        )
        select ${id}, ${a.allianceId}, ${input.merchantId},
          (select max(month) from later), ${input.amountFen}, ${input.reason}, ${original.id},
          ${a.userId}, ${at}`),
      auditEntry(db, a, {
        action: 'adjustment.add',
        entity: 'adjustment',
        entityId: id,
        at,
        after: sql`json_object('merchantId', merchant_id, 'correctsMonth', ${input.month},
          'month', month, 'amountFen', amount_fen)`,
        from: sql`from adjustments where id = ${id}`,
      }),
      outboxEvent(db, {
        type: 'adjustment.created',
        allianceId: sql`alliance_id`,
        merchantId: sql`merchant_id`,
        at,
        data: sql`json_object('adjustment', json_object('id', id, 'merchantId', merchant_id,
          'month', month, 'correctsMonth', ${input.month}, 'amountFen', amount_fen))`,
        from: sql`from adjustments where id = ${id}`,
      }),
    ])
  } catch (error) {
    // The insert picks an open month, so only a close committing within it could trip this.
    if (refusedAsClosed(error)) throw justClosed(input.month, 'the adjustment was not recorded')
    throw error
  }
  const [row] = await db.select().from(adjustments).where(eq(adjustments.id, id))
  return row!
}

// ---------------------------------------------------------------------------------------------
// Corrections the accountant's way: a cost of an open month is voided (kept, marked with who,
// when and why, left out of the split) or reversed by a negative entry that references it; a
// payment marked by mistake is undone, with a reason, until a later month closes. Every one is
// audited in the same batch; the database refuses each of them in a closed month (0008, 0025).

export type Cost = typeof costs.$inferSelect

/** A cost of the coordinator's alliance, or NOT_FOUND. */
async function costOf(db: Db, a: Actor, id: string): Promise<Cost> {
  const [row] = await db
    .select()
    .from(costs)
    .where(and(eq(costs.id, id), eq(costs.allianceId, a.allianceId)))
  if (!row) throw new NotFound('Cost')
  return row
}

async function reversalOf(db: Db, id: string): Promise<Cost | null> {
  const [row] = await db.select().from(costs).where(eq(costs.reversesCostId, id))
  return row ?? null
}

/** The reversal of a cost, if it has one (read as `getCost` allows). */
export async function costReversal(db: Db, actor: Actor | null, id: string) {
  const cost = await getCost(db, actor, id)
  return reversalOf(db, cost.id)
}

/** Why a cost cannot be corrected now, as a CONFLICT (closed month, already corrected…). */
async function assertCorrectable(db: Db, a: Actor, cost: Cost, what: 'void' | 'reverse') {
  if (await closedSettlement(db, a.allianceId, cost.month)) {
    throw new Conflict(
      `${cost.month} is closed: its costs are frozen; record a correction as an adjustment instead.`,
      { reason: 'CLOSED', month: cost.month },
    )
  }
  if (cost.voidedAt) {
    throw new Conflict('This cost is already void.', { reason: 'VOIDED', costId: cost.id })
  }
  if (cost.reversesCostId) {
    throw new Conflict(`This cost is itself a reversal; it cannot be ${what}ed.`, {
      reason: 'IS_REVERSAL',
      costId: cost.id,
    })
  }
  const reversal = await reversalOf(db, cost.id)
  if (reversal) {
    throw new Conflict('This cost is already reversed.', {
      reason: 'REVERSED',
      costId: cost.id,
      reversalId: reversal.id,
    })
  }
}

/** After a correction wrote nothing: the month closed or the cost was corrected meanwhile. */
async function lostCorrection(db: Db, a: Actor, id: string, what: 'void' | 'reverse') {
  const cost = await costOf(db, a, id)
  if (await closedSettlement(db, a.allianceId, cost.month)) {
    return justClosed(cost.month, `the cost was not ${what === 'void' ? 'voided' : 'reversed'}`)
  }
  try {
    await assertCorrectable(db, a, cost, what)
  } catch (error) {
    return error
  }
  return new Conflict('The cost changed meanwhile; reload and try again.', {
    reason: 'COST_CHANGED',
    costId: id,
  })
}

/**
 * Voids a cost of an open month: the row stays, marked void with who, when and why, and no
 * longer counts in the preview, the split or the close. A void is final; a reversal or a cost
 * already reversed cannot be voided (the reversal is the correction).
 */
export async function voidCost(
  db: Db,
  actor: Actor | null,
  input: { id: string; reason: string },
  now: Date,
): Promise<Cost> {
  const a = requireRole(actor, 'COORDINATOR')
  const cost = await costOf(db, a, input.id)
  await assertCorrectable(db, a, cost, 'void')
  const at = now.toISOString()
  let result
  try {
    ;[result] = await db.batch([
      db.run(sql`
        update costs set voided_at = ${at}, voided_by = ${a.userId}, void_reason = ${input.reason}
        where id = ${cost.id} and voided_at is null and reverses_cost_id is null
          and not exists (select 1 from costs r where r.reverses_cost_id = costs.id)
          and ${monthOpen(sql`costs.alliance_id`, sql`costs.month`)}`),
      auditEntry(db, a, {
        action: 'cost.void',
        entity: 'cost',
        entityId: cost.id,
        at,
        before: { month: cost.month, kind: cost.kind, amountFen: cost.amountFen, voided: false },
        after: sql`json_object('month', month, 'kind', kind, 'amountFen', amount_fen,
          'voided', json('true'), 'reason', void_reason)`,
        from: sql`from costs where id = ${cost.id} and voided_at = ${at}
          and voided_by = ${a.userId} and changes() > 0`,
      }),
    ])
  } catch (error) {
    if (refusedAsClosed(error)) throw justClosed(cost.month, 'the cost was not voided')
    if (/void|revers/.test(`${String(error)} ${String((error as Error).cause)}`)) {
      throw await lostCorrection(db, a, cost.id, 'void')
    }
    throw error
  }
  if (changes(result) === 0) throw await lostCorrection(db, a, cost.id, 'void')
  return costOf(db, a, cost.id)
}

/**
 * Reverses a cost of an open month by a negative entry of the same kind, hub and month that
 * references it: both stay on the books and net to exactly nothing, merchant by merchant. A
 * cost is reversed once; a void cost or a reversal cannot be.
 * @returns the reversal
 */
export async function reverseCost(
  db: Db,
  actor: Actor | null,
  input: { id: string; reason: string },
  now: Date,
): Promise<Cost> {
  const a = requireRole(actor, 'COORDINATOR')
  const cost = await costOf(db, a, input.id)
  await assertCorrectable(db, a, cost, 'reverse')
  const id = newId('cst')
  const at = now.toISOString()
  try {
    await db.batch([
      db.run(sql`
        insert into costs (id, alliance_id, month, kind, amount_fen, hub_id, note,
          reverses_cost_id, created_by, created_at)
        select ${id}, alliance_id, month, kind, -amount_fen, hub_id, ${input.reason}, id,
          ${a.userId}, ${at}
        from costs
        where id = ${cost.id} and voided_at is null and reverses_cost_id is null
          and ${monthOpen(sql`costs.alliance_id`, sql`costs.month`)}
        on conflict do nothing`),
      auditEntry(db, a, {
        action: 'cost.reverse',
        entity: 'cost',
        entityId: id,
        at,
        before: { reverses: cost.id, amountFen: cost.amountFen },
        after: sql`json_object('reverses', reverses_cost_id, 'month', month, 'kind', kind,
          'amountFen', amount_fen, 'reason', note)`,
        from: sql`from costs where id = ${id}`,
      }),
    ])
  } catch (error) {
    if (refusedAsClosed(error)) throw justClosed(cost.month, 'the cost was not reversed')
    throw error
  }
  const [reversal] = await db.select().from(costs).where(eq(costs.id, id))
  if (!reversal) throw await lostCorrection(db, a, cost.id, 'reverse')
  return reversal
}

/** How many times a statement's payment was undone (each posts under its own ledger key). */
async function paymentsUndone(db: Db, statementId: string): Promise<number> {
  const prefix = `uncollect:${statementId}:`
  const [row] = await db.all<{ n: number }>(sql`
    select count(*) as n from ledger_transactions
    where substr(idempotency_key, 1, ${prefix.length}) = ${prefix}`)
  return Number(row?.n ?? 0)
}

/**
 * Undoes "paid" on a statement, with a reason, while no later month of the alliance is closed
 * (the database refuses it after that too). The premium part the payment had turned into pool
 * cash goes back to a receivable, by a reversing ledger transaction in the same batch.
 */
export async function unmarkStatementPaid(
  db: Db,
  actor: Actor | null,
  input: { id: string; reason: string },
  now: Date,
): Promise<Statement> {
  const a = requireRole(actor, 'COORDINATOR')
  const [row] = await db
    .select({ statement: statements, allianceId: settlements.allianceId, month: settlements.month })
    .from(statements)
    .innerJoin(settlements, eq(settlements.id, statements.settlementId))
    .where(eq(statements.id, input.id))
  if (!row || row.allianceId !== a.allianceId) throw new NotFound('Statement')
  const { merchantId, stationId, settlementId, paidAt, paidBy } = row.statement
  const notPaid = () =>
    new Conflict('This statement is not marked paid.', {
      reason: 'NOT_PAID',
      statementId: input.id,
    })
  const tooLate = () =>
    new Conflict(
      `A month after ${row.month} is closed: the payment of its statements can no longer be undone.`,
      { reason: 'LATER_MONTH_CLOSED', month: row.month },
    )
  const laterClosed = sql`exists (select 1 from settlements
    where alliance_id = ${a.allianceId} and month > ${row.month})`
  const isLate = async () =>
    Number((await db.all<{ n: number }>(sql`select ${laterClosed} as n`))[0]?.n) > 0
  /** Why nothing was undone: a later month closed meanwhile, or it is not paid (any more). */
  const whyNotUndone = async () => {
    if (await isLate()) return tooLate()
    const [current] = await db.select().from(statements).where(eq(statements.id, input.id))
    if (!current?.paidAt) return notPaid()
    return new Conflict('The payment changed meanwhile; reload and try again.', {
      reason: 'CHANGED',
    })
  }
  if (!paidAt) throw notPaid()
  if (await isLate()) throw tooLate()
  const at = now.toISOString()
  const [premium] = merchantId
    ? await db.all<{ fen: number }>(sql`
        select coalesce(sum(amount_fen), 0) as fen from settlement_lines
        where settlement_id = ${settlementId} and merchant_id = ${merchantId} and kind = 'PREMIUM'`)
    : []
  const premiumFen = Number(premium?.fen ?? 0)
  const unmark = db.run(sql`
    update statements set paid_at = null, paid_by = null
    where id = ${input.id} and paid_at = ${paidAt} and not ${laterClosed}`)
  const audit = (onlyIfChanged: boolean) =>
    auditEntry(db, a, {
      action: 'statement.unpaid',
      entity: 'statement',
      entityId: input.id,
      at,
      before: { paidAt, paidBy, totalFen: row.statement.totalFen },
      after: sql`json_object('paidAt', paid_at, 'totalFen', total_fen, 'reason', ${input.reason},
        'premiumReturnedFen', ${premiumFen})`,
      from: sql`from statements where id = ${input.id} and paid_at is null
        ${onlyIfChanged ? sql`and changes() > 0` : sql``}`,
    })
  try {
    if (premiumFen > 0 && merchantId) {
      const undone = await paymentsUndone(db, input.id)
      // The reversal is posted only by the request whose update undid the payment: its guard
      // reads that update's row count, and without the transaction row its entries fail the
      // batch whole.
      await db.batch([
        unmark,
        ...postTransaction(
          db,
          {
            allianceId: a.allianceId,
            kind: 'PREMIUM_COLLECTED',
            month: row.month,
            memo: `premium ${row.month} ${merchantId} payment undone`,
            idempotencyKey: `uncollect:${input.id}:${undone + 1}`,
            at,
          },
          premiumCollected(merchantId, -premiumFen),
          sql`changes() > 0`,
        ),
        audit(false),
      ] as unknown as Parameters<Db['batch']>[0])
    } else if (changes((await db.batch([unmark, audit(true)]))[0]) === 0) {
      throw await whyNotUndone()
    }
  } catch (error) {
    if (error instanceof Conflict) throw error
    // A guard or the trigger refused it (entries without their transaction row, a later month
    // closed): say why; anything else is a real error.
    if (/FOREIGN KEY|UNIQUE|later month is closed/.test(`${error} ${(error as Error).cause}`)) {
      throw await whyNotUndone()
    }
    throw error
  }
  return merchantId
    ? merchantStatement(db, a, row.month, now, merchantId)
    : stationStatement(db, a, stationId!, row.month)
}
