/**
 * The monthly settlement: preview any open month, close it once (atomically, idempotently),
 * then statements per merchant and station. A closed month is frozen by the triggers of
 * migration 0008; corrections are adjustments carried into the next open month.
 */
import { and, asc, eq, sql } from 'drizzle-orm'
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
import { requireRole, requireStation, type Actor } from '../auth/roles'
import { localDate, nextMonth } from '../calendar/local-date'
import { changes, type Db } from '../db'
import { Conflict, InvalidInput, NotFound } from '../errors'
import { newId } from '../ids'
import { getHub, getMerchant, getStation } from '../network/service'
import { premiumCharged, premiumCollected } from '../insurance/ledger'
import { postTransaction } from '../insurance/service'
import { allocateMonth, type Allocation, type Rules } from './allocate'
import type { CostInput } from './schemas'
import { costsFor, currentRules, toCostInput, usageFor } from './usage'

export interface SettlementLine {
  merchantId: string
  kind: LineKind
  costId: string | null
  stationId: string | null
  amountFen: number
  basis: LineBasis
}

export interface SettlementView {
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
}

async function closedSettlement(db: Db, allianceId: string, month: string) {
  const [row] = await db
    .select()
    .from(settlements)
    .where(and(eq(settlements.allianceId, allianceId), eq(settlements.month, month)))
  return row ?? null
}

async function storedView(db: Db, s: typeof settlements.$inferSelect): Promise<SettlementView> {
  const lines = await db
    .select()
    .from(settlementLines)
    .where(eq(settlementLines.settlementId, s.id))
    .orderBy(asc(settlementLines.id))
  const [{ total }] = (await db.all<{ total: number }>(
    sql`select coalesce(sum(amount_fen), 0) as total from costs where alliance_id = ${s.allianceId} and month = ${s.month}`,
  )) as [{ total: number }]
  return {
    id: s.id,
    month: s.month,
    status: 'CLOSED',
    rulesVersion: s.rulesVersion,
    totalFen: s.totalFen,
    costTotalFen: Number(total),
    lines,
    closedAt: s.closedAt,
    blockedBy: [],
  }
}

async function compute(db: Db, allianceId: string, month: string, now: Date) {
  const [monthCosts, usage, rules] = await Promise.all([
    costsFor(db, allianceId, month, now),
    usageFor(db, allianceId, month),
    currentRules(db, allianceId),
  ])
  const allocation = allocateMonth(monthCosts.map(toCostInput), usage, rules)
  return { monthCosts, allocation, rules, undeclared: usage.undeclared }
}

function previewView(
  month: string,
  rules: Rules,
  allocation: Allocation,
  costTotalFen: number,
  blockedBy: string[],
): SettlementView {
  return {
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
  const { monthCosts, allocation, rules, undeclared } = await compute(db, a.allianceId, month, now)
  return previewView(month, rules, allocation, sum(monthCosts), undeclared)
}

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
 * row is written only if the month's costs are still exactly those the split was computed from
 * (its lines reference it, so otherwise the whole batch fails); the unique month index makes a
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
    )
  }
  options.onStage?.('computing')
  const { monthCosts, allocation, rules, undeclared } = await compute(db, a.allianceId, month, now)
  if (undeclared.length > 0) {
    throw new Conflict(
      `Waiting for ${month} order-value declarations (insurance premiums) from ${undeclared.join(', ')}.`,
      { reason: 'UNDECLARED', merchantIds: undeclared },
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
        where (select count(*) from costs where alliance_id = ${a.allianceId} and month = ${month}) = ${monthCosts.length}
          and (select coalesce(sum(amount_fen), 0) from costs where alliance_id = ${a.allianceId} and month = ${month}) = ${costTotal}`),
      ...chunks(
        allocation.lines.map((l) => ({ ...l, settlementId: id })),
        10,
      ).map((rows) => db.insert(settlementLines).values(rows)),
      ...chunks(
        [
          ...Object.entries(allocation.totals).map(([merchantId, totalFen]) => ({
            id: newId('smt'),
            settlementId: id,
            merchantId,
            totalFen,
          })),
          ...Object.entries(allocation.stationTotals).map(([stationId, totalFen]) => ({
            id: newId('smt'),
            settlementId: id,
            stationId,
            totalFen,
          })),
        ],
        20,
      ).map((rows) => db.insert(statements).values(rows)),
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
    ] as unknown as Parameters<Db['batch']>[0])
  } catch {
    const winner = await closedSettlement(db, a.allianceId, month)
    if (winner) return replay(db, winner, idempotencyKey)
    // Not a lost race: the costs changed while we computed, so the guarded insert wrote nothing.
    throw new Conflict('The month changed while it was being closed; preview it again.')
  }
  return storedView(db, (await closedSettlement(db, a.allianceId, month))!)
}

async function replay(db: Db, s: typeof settlements.$inferSelect, key: string) {
  if (s.idempotencyKey !== key) {
    throw new Conflict(`${s.month} is already closed.`, { settlementId: s.id })
  }
  return storedView(db, s)
}

/** D1 binds at most 100 parameters per statement: insert many rows a few at a time. */
function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

/** Records a cost; refused for a closed month (here and by the database). */
export async function recordCost(db: Db, actor: Actor | null, input: CostInput, now: Date) {
  const a = requireRole(actor, 'COORDINATOR')
  if (input.hubId) await getHub(db, a, input.hubId)
  if (await closedSettlement(db, a.allianceId, input.month)) {
    throw new Conflict(`${input.month} is closed; record a correction as an adjustment instead.`)
  }
  const id = newId('cst')
  const at = now.toISOString()
  const [[row]] = await db.batch([
    db
      .insert(costs)
      .values({
        id,
        allianceId: a.allianceId,
        month: input.month,
        kind: input.kind,
        amountFen: input.amountFen,
        hubId: input.hubId ?? null,
        note: input.note,
        createdBy: a.userId,
        createdAt: at,
      })
      .returning(),
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
    }),
  ])
  return row!
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

export interface Statement {
  id: string | null
  month: string
  status: 'OPEN' | 'CLOSED'
  merchantId: string | null
  stationId: string | null
  totalFen: number
  lines: SettlementLine[]
  paidAt: string | null
}

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
    const [row] = await db
      .select()
      .from(statements)
      .where(and(eq(statements.settlementId, closed.id), eq(statements.merchantId, who)))
    const lines = await db
      .select()
      .from(settlementLines)
      .where(and(eq(settlementLines.settlementId, closed.id), eq(settlementLines.merchantId, who)))
      .orderBy(asc(settlementLines.id))
    return {
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
  const { allocation } = await compute(db, a.allianceId, month, now)
  const lines = allocation.lines.filter((l) => l.merchantId === who)
  return {
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
  const usage = await usageFor(db, a.allianceId, month)
  const lines = allocateMonth([], usage, await currentRules(db, a.allianceId)).lines.filter(
    (l) => l.stationId === station.id,
  )
  return {
    id: null,
    month,
    status: 'OPEN',
    merchantId: null,
    stationId: station.id,
    totalFen: sum(lines),
    lines,
    paidAt: null,
  }
}

/** A cost of the actor's alliance (members may read what their statements are made of). */
export async function getCost(db: Db, actor: Actor | null, id: string) {
  const a = requireRole(actor, 'COORDINATOR', 'MERCHANT', 'STATION_OPERATOR', 'HUB_OPERATOR')
  const [row] = await db
    .select()
    .from(costs)
    .where(and(eq(costs.id, id), eq(costs.allianceId, a.allianceId)))
  if (!row) throw new NotFound('Cost')
  return row
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
  if (row.statement.paidAt) throw new Conflict('This statement is already marked paid.')
  const at = now.toISOString()
  const { merchantId, stationId } = row.statement
  const [premium] = merchantId
    ? await db.all<{ fen: number }>(sql`
        select coalesce(sum(amount_fen), 0) as fen from settlement_lines
        where settlement_id = ${row.statement.settlementId} and merchant_id = ${merchantId}
          and kind = 'PREMIUM'`)
    : []
  const premiumFen = Number(premium?.fen ?? 0)
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
            idempotencyKey: `collect:${id}`,
            at,
          },
          premiumCollected(merchantId, premiumFen),
          sql`exists (select 1 from statements where id = ${id} and paid_at = ${at} and paid_by = ${a.userId})`,
        ),
      ] as unknown as Parameters<Db['batch']>[0])
      .catch(() => {
        throw new Conflict('This statement is already marked paid.')
      })
  } else if (changes((await db.batch([markPaid, audit]))[0]) === 0) {
    throw new Conflict('This statement is already marked paid.')
  }
  return merchantId
    ? merchantStatement(db, a, row.month, now, merchantId)
    : stationStatement(db, a, stationId!, row.month)
}

/**
 * A correction to a closed month: it becomes a line in the first open month after it, linked to
 * the original settlement.
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
    throw new InvalidInput('month', `${input.month} is still open; correct its costs directly`)
  }
  let target = nextMonth(input.month)
  while (await closedSettlement(db, a.allianceId, target)) target = nextMonth(target)
  const id = newId('adj')
  const at = now.toISOString()
  const [[row]] = await db.batch([
    db
      .insert(adjustments)
      .values({
        id,
        allianceId: a.allianceId,
        merchantId: input.merchantId,
        month: target,
        amountFen: input.amountFen,
        reason: input.reason,
        originalSettlementId: original.id,
        createdBy: a.userId,
      })
      .returning(),
    auditEntry(db, a, {
      action: 'adjustment.add',
      entity: 'adjustment',
      entityId: id,
      at,
      after: {
        merchantId: input.merchantId,
        correctsMonth: input.month,
        month: target,
        amountFen: input.amountFen,
      },
    }),
  ])
  return row!
}
