/**
 * The liability-insurance pool: enrolment, monthly order-value declarations (premiums are
 * charged on the settlement), claims decided by coordinators, and payout runs. Every movement of
 * money is a balanced ledger transaction posted in the same atomic batch as the state change.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import {
  claims,
  insuranceEnrolments,
  ledgerEntries,
  ledgerTransactions,
  orderValueDeclarations,
  returns,
  type ClaimStatus,
} from '../../db/schema'
import { settingsOn } from '../alliance/settings'
import { auditEntry } from '../audit/log'
import { claimEvent } from './events'
import { requireRole, type Actor } from '../auth/roles'
import { localDate } from '../calendar/local-date'
import { changes, type Db } from '../db'
import {
  databaseRefusal,
  isForeignKeyViolation,
  isUniqueViolation,
  refusedField,
} from '../db-refusal'
import { Conflict, Forbidden, InvalidInput, invalidInputs, NotFound } from '../errors'
import { newId } from '../ids'
import { formatFen } from '../money'
import { accounts, claimApproved, claimsPaid, type Entry } from './ledger'
import { payout, premiumFen } from './rules'
import type { ClaimInput, DecisionInput } from './schemas'

export type Claim = typeof claims.$inferSelect

/**
 * The statements that post one balanced transaction (for a `db.batch`). With a `guard`, the
 * transaction row is written only if the guard still holds when the batch runs; its entries
 * reference it, so otherwise the whole batch fails and nothing is half-posted.
 */
export function postTransaction(
  db: Db,
  tx: {
    allianceId: string
    kind: (typeof ledgerTransactions.$inferInsert)['kind']
    month: string
    memo: string
    idempotencyKey?: string
    at: string
  },
  entries: Entry[],
  guard: SQL = sql`1 = 1`,
) {
  const id = newId('ltx')
  return [
    db.run(sql`
      insert into ledger_transactions
        (id, alliance_id, kind, month, memo, entry_count, idempotency_key, created_at)
      select ${id}, ${tx.allianceId}, ${tx.kind}, ${tx.month}, ${tx.memo}, ${entries.length},
        ${tx.idempotencyKey ?? null}, ${tx.at}
      where ${guard}`),
    ...entries.map((e) => db.insert(ledgerEntries).values({ transactionId: id, ...e })),
  ]
}

/** Only one transaction may carry an idempotency key: a second posting of it is refused. */
const keyTaken = (error: unknown) => isUniqueViolation(error, 'ledger_transactions.idempotency_key')

/** True when a batch failed because its guard (see `postTransaction`) or its key refused it. */
const refused = (error: unknown) => isForeignKeyViolation(error) || keyTaken(error)

export async function enrolment(db: Db, merchantId: string) {
  const [row] = await db
    .select()
    .from(insuranceEnrolments)
    .where(eq(insuranceEnrolments.merchantId, merchantId))
  return row ?? null
}

/** Enrols the merchant from a month (default: the current one); enrolling twice is harmless. */
export async function enrolInsurance(
  db: Db,
  actor: Actor | null,
  startMonth: string | undefined,
  now: Date,
) {
  const a = requireRole(actor, 'MERCHANT')
  const current = localDate(now).slice(0, 7)
  const start = startMonth ?? current
  if (start < current) throw new InvalidInput('startMonth', 'cover cannot start in the past')
  const at = now.toISOString()
  await db.batch([
    db
      .insert(insuranceEnrolments)
      .values({ merchantId: a.merchantId!, startMonth: start, enrolledBy: a.userId, createdAt: at })
      .onConflictDoNothing(),
    auditEntry(db, a, {
      action: 'insurance.enrol',
      entity: 'merchant',
      entityId: a.merchantId!,
      at,
      after: sql`json_object('startMonth', start_month)`,
      from: sql`from insurance_enrolments where merchant_id = ${a.merchantId!}
        and created_at = ${at} and enrolled_by = ${a.userId} and changes() > 0`,
    }),
  ])
  return (await enrolment(db, a.merchantId!))!
}

/** A declaration above the alliance maximum, with the maximum for the page to say. */
const declarationTooLarge = (maxFen: number) =>
  new InvalidInput('orderValueFen', `at most the alliance maximum, ${maxFen} fen`, { maxFen })

/** Declares (or corrects, while the month is open) the month's order value. */
export async function declareOrderValue(
  db: Db,
  actor: Actor | null,
  input: { month: string; orderValueFen: number },
  now: Date,
) {
  const a = requireRole(actor, 'MERCHANT')
  const cover = await enrolment(db, a.merchantId!)
  if (!cover) throw new Conflict('Enrol in the insurance pool first.', { reason: 'NOT_ENROLLED' })
  if (input.month < cover.startMonth) {
    throw new InvalidInput('month', `cover starts in ${cover.startMonth}`)
  }
  if (input.month > localDate(now).slice(0, 7)) {
    throw new InvalidInput('month', 'declare a month once it has started')
  }
  const { maxDeclarationFen } = await settingsOn(db, a.allianceId, `${input.month}-01`)
  if (input.orderValueFen > maxDeclarationFen) {
    throw declarationTooLarge(maxDeclarationFen)
  }
  const [previous] = await db
    .select({ orderValueFen: orderValueDeclarations.orderValueFen })
    .from(orderValueDeclarations)
    .where(
      and(
        eq(orderValueDeclarations.merchantId, a.merchantId!),
        eq(orderValueDeclarations.month, input.month),
      ),
    )
  const at = now.toISOString()
  try {
    await db.batch([
      db
        .insert(orderValueDeclarations)
        .values({
          merchantId: a.merchantId!,
          month: input.month,
          orderValueFen: input.orderValueFen,
          declaredBy: a.userId,
          createdAt: at,
        })
        .onConflictDoUpdate({
          target: [orderValueDeclarations.merchantId, orderValueDeclarations.month],
          set: { orderValueFen: input.orderValueFen, declaredBy: a.userId },
        }),
      auditEntry(db, a, {
        action: 'insurance.declare',
        entity: 'merchant',
        entityId: a.merchantId!,
        at,
        before: previous ? { month: input.month, orderValueFen: previous.orderValueFen } : null,
        after: { month: input.month, orderValueFen: input.orderValueFen },
      }),
    ])
  } catch (error) {
    // The settings may have changed since they were read; the trigger has the last word.
    if (refusedField(error) === 'orderValueFen') {
      const terms = await settingsOn(db, a.allianceId, `${input.month}-01`)
      throw declarationTooLarge(terms.maxDeclarationFen)
    }
    if (databaseRefusal(error) === 'MONTH_CLOSED') {
      throw new Conflict(`${input.month} is closed; its declaration can no longer change.`, {
        reason: 'MONTH_CLOSED',
        month: input.month,
      })
    }
    throw error
  }
  return premiumsFor(db, a.allianceId, a.merchantId!, input.month)
}

/** A merchant's premium for a month under the terms in force that month. */
export async function premiumsFor(db: Db, allianceId: string, merchantId: string, month: string) {
  const [row] = await db
    .select()
    .from(orderValueDeclarations)
    .where(
      and(
        eq(orderValueDeclarations.merchantId, merchantId),
        eq(orderValueDeclarations.month, month),
      ),
    )
  const terms = await settingsOn(db, allianceId, `${month}-01`)
  return {
    month,
    orderValueFen: row?.orderValueFen ?? null,
    rateBp: terms.premiumRateBp,
    premiumFen: row ? premiumFen(row.orderValueFen, terms.premiumRateBp) : null,
  }
}

/**
 * For the settlement: each enrolled merchant's premium for the month, and those who have not
 * declared yet (which blocks closing the month).
 */
export async function monthPremiums(db: Db, allianceId: string, month: string) {
  return (await premiumsByMonth(db, allianceId, [month])).get(month)!
}

/** `monthPremiums` of each of `months`, in one statement. */
export async function premiumsByMonth(db: Db, allianceId: string, months: readonly string[]) {
  // The premium rate in force on the month's first day rides along (settingsOn's choice, as a
  // subquery): one statement, where a month's preview has many.
  const rows = await db.all<{
    month: string
    merchant_id: string
    order_value_fen: number | null
    premium_rate_bp: number | null
  }>(sql`
    select m.value as month, e.merchant_id, d.order_value_fen, (
        select premium_rate_bp from alliance_settings
        where alliance_id = ${allianceId} and effective_from <= m.value || '-01'
        order by effective_from desc, version desc limit 1) as premium_rate_bp
    from json_each(${JSON.stringify(months)}) m
      join insurance_enrolments e on e.start_month <= m.value
      join merchants on merchants.id = e.merchant_id
      left join order_value_declarations d on d.merchant_id = e.merchant_id and d.month = m.value
    where merchants.alliance_id = ${allianceId}
    order by m.value, e.merchant_id`)
  const byMonth = new Map<string, { premiums: MonthPremium[]; undeclared: string[] }>()
  for (const month of months) {
    const inMonth = rows.filter((r) => r.month === month)
    const rateBp = inMonth[0]?.premium_rate_bp
    if (inMonth.length > 0 && (rateBp === null || rateBp === undefined)) {
      throw new NotFound('Alliance settings')
    }
    byMonth.set(month, {
      premiums: inMonth
        .filter((r) => r.order_value_fen !== null)
        .map((r) => ({
          merchantId: r.merchant_id,
          orderValueFen: Number(r.order_value_fen),
          amountFen: premiumFen(Number(r.order_value_fen), Number(rateBp)),
        })),
      undeclared: inMonth.filter((r) => r.order_value_fen === null).map((r) => r.merchant_id),
    })
  }
  return byMonth
}

interface MonthPremium {
  merchantId: string
  orderValueFen: number
  amountFen: number
}

/**
 * Files a claim under the terms in force on the loss date. Over the cap is refused naming it; a
 * claim on a return is for at most its order value, one open claim per return.
 */
export async function fileClaim(db: Db, actor: Actor | null, input: ClaimInput, now: Date) {
  const a = requireRole(actor, 'MERCHANT')
  const cover = await enrolment(db, a.merchantId!)
  if (!cover || input.lossDate.slice(0, 7) < cover.startMonth) {
    throw new Conflict('The loss date is not covered: enrol in the insurance pool first.', {
      reason: 'NOT_COVERED',
    })
  }
  const problems: InvalidInput[] = []
  const today = localDate(now)
  if (input.lossDate > today) {
    problems.push(new InvalidInput('lossDate', 'cannot be in the future'))
  }
  const terms = await settingsOn(db, a.allianceId, input.lossDate > today ? today : input.lossDate)
  if (input.amountFen > terms.claimCapFen) {
    problems.push(
      new InvalidInput(
        'amountFen',
        `a claim pays at most ${formatFen(terms.claimCapFen, 'en')} (${terms.claimCapFen} fen)`,
        { capFen: terms.claimCapFen },
      ),
    )
  }
  if (input.returnId) {
    const [r] = await db
      .select()
      .from(returns)
      .where(and(eq(returns.id, input.returnId), eq(returns.merchantId, a.merchantId!)))
    if (!r) throw new NotFound('Return')
    if (input.amountFen > r.orderValueFen) {
      problems.push(
        new InvalidInput('amountFen', `at most the return's order value, ${r.orderValueFen} fen`, {
          orderValueFen: r.orderValueFen,
        }),
      )
    }
  }
  const refusal = invalidInputs(problems)
  if (refusal) throw refusal
  const id = newId('clm')
  const at = now.toISOString()
  const [inserted] = await db.batch([
    db
      .insert(claims)
      .values({
        id,
        merchantId: a.merchantId!,
        returnId: input.returnId ?? null,
        amountFen: input.amountFen,
        lossDate: input.lossDate,
        description: input.description,
        capFen: terms.claimCapFen,
        status: 'SUBMITTED',
        filedBy: a.userId,
        createdAt: at,
      })
      .onConflictDoNothing()
      .returning(),
    auditEntry(db, a, {
      action: 'claim.file',
      entity: 'claim',
      entityId: id,
      at,
      after: sql`json_object('status', status, 'amountFen', amount_fen, 'capFen', cap_fen,
        'returnId', return_id)`,
      from: sql`from claims where id = ${id}`,
    }),
  ])
  if (inserted.length === 0) {
    throw new Conflict('This return already has an open claim.', { reason: 'CLAIM_OPEN' })
  }
  return inserted[0]!
}

/** A merchant's own claims; a coordinator's queue (all, or by status). */
export async function listClaims(db: Db, actor: Actor | null, status?: ClaimStatus) {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  return db
    .select({ claim: claims })
    .from(claims)
    .innerJoin(sql`merchants m`, sql`m.id = ${claims.merchantId}`)
    .where(
      and(
        sql`m.alliance_id = ${a.allianceId}`,
        a.role === 'MERCHANT' ? eq(claims.merchantId, a.merchantId!) : undefined,
        status ? eq(claims.status, status) : undefined,
      ),
    )
    .orderBy(asc(claims.createdAt), asc(claims.id))
    .then((rows) => rows.map((r) => r.claim))
}

export async function getClaim(db: Db, actor: Actor | null, id: string): Promise<Claim> {
  const found = (await listClaims(db, actor)).find((c) => c.id === id)
  if (!found) throw new NotFound('Claim')
  return found
}

const alreadyDecided = () =>
  new Conflict('This claim was already decided.', { reason: 'CLAIM_DECIDED' })

/**
 * A coordinator decides a claim once: approved ≤ min(claimed, cap). Approval posts what the
 * pool now owes the merchant, in the same batch as the decision.
 */
export async function decideClaim(db: Db, actor: Actor | null, input: DecisionInput, now: Date) {
  const a = requireRole(actor, 'COORDINATOR')
  const claim = await getClaim(db, a, input.claimId)
  if (a.merchantId && a.merchantId === claim.merchantId) {
    throw new Forbidden('You cannot decide a claim of your own merchant.', {
      reason: 'OWN_MERCHANT',
    })
  }
  const limit = Math.min(claim.amountFen, claim.capFen)
  const approved =
    input.decision === 'REJECTED'
      ? 0
      : input.decision === 'APPROVED'
        ? (input.approvedFen ?? limit)
        : input.approvedFen
  if (approved === undefined) throw new InvalidInput('approvedFen', 'enter the approved amount')
  if (input.decision === 'APPROVED' && approved !== limit) {
    throw new InvalidInput(
      'approvedFen',
      `an approval pays ${limit} fen; use PARTIALLY_APPROVED for less`,
    )
  }
  if (input.decision === 'PARTIALLY_APPROVED' && !(approved > 0 && approved < limit)) {
    throw new InvalidInput('approvedFen', `a partial approval is between 1 and ${limit - 1} fen`)
  }
  const at = now.toISOString()
  const decide = db.run(sql`
    update claims set status = ${input.decision}, approved_fen = ${approved},
      decision_reason = ${input.reason}, decided_by = ${a.userId}, decided_at = ${at}
    where id = ${claim.id} and status in ('SUBMITTED', 'UNDER_REVIEW')`)
  const audit = auditEntry(db, a, {
    action: 'claim.decide',
    entity: 'claim',
    entityId: claim.id,
    at,
    before: { status: claim.status, amountFen: claim.amountFen, approvedFen: claim.approvedFen },
    after: sql`json_object('status', status, 'amountFen', amount_fen, 'approvedFen', approved_fen)`,
    from: sql`from claims where id = ${claim.id} and decided_at = ${at} and decided_by = ${a.userId}
      and changes() > 0`,
  })
  // Right after the audit entry, which exists only when this decision happened.
  const event = claimEvent(db, 'claim.decided', claim.id, at, sql`changes() > 0`)
  if (approved === 0) {
    const [result] = await db.batch([decide, audit, event])
    if (changes(result) === 0) throw alreadyDecided()
  } else {
    const [result] = await db
      .batch([
        decide,
        audit,
        event,
        // Posted only if this decision was the one that happened (the claim now carries it).
        ...postTransaction(
          db,
          {
            allianceId: a.allianceId,
            kind: 'CLAIM_APPROVED',
            month: at.slice(0, 7),
            memo: `claim ${claim.id}`,
            idempotencyKey: `approve:${claim.id}`,
            at,
          },
          claimApproved(claim.merchantId, approved),
        ),
      ] as unknown as Parameters<Db['batch']>[0])
      .catch((error) => {
        // Another approval of the claim posted its transaction first.
        if (keyTaken(error)) throw alreadyDecided()
        throw error
      })
    if (changes(result) === 0) throw alreadyDecided()
  }
  return getClaim(db, a, claim.id)
}

/** Cash in the pool, the reserve kept back, and approved claims not yet paid. */
export async function insurancePool(db: Db, actor: Actor | null, now: Date) {
  const a = requireRole(actor, 'COORDINATOR', 'MERCHANT')
  const balances = await db.all<{ account: string; fen: number }>(sql`
    select e.account, sum(e.amount_fen) as fen
    from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
    where t.alliance_id = ${a.allianceId} and (e.account = ${accounts.cash} or e.account like 'claims_payable:%')
    group by e.account`)
  const terms = await settingsOn(db, a.allianceId, localDate(now))
  return {
    balanceFen: Number(balances.find((b) => b.account === accounts.cash)?.fen ?? 0),
    reserveFen: terms.reserveFloorFen,
    pendingFen: -balances
      .filter((b) => b.account.startsWith('claims_payable:'))
      .reduce((s, b) => s + Number(b.fen), 0),
  }
}

/** What a payout run would pay each approved claim now (oldest decision first). */
export async function payoutPreview(db: Db, actor: Actor | null, now: Date) {
  const a = requireRole(actor, 'COORDINATOR')
  const pool = await insurancePool(db, a, now)
  const open = (await listClaims(db, a))
    .filter((c) => c.status === 'APPROVED' || c.status === 'PARTIALLY_APPROVED')
    .sort(
      (x, y) => (x.decidedAt ?? '').localeCompare(y.decidedAt ?? '') || x.id.localeCompare(y.id),
    )
  const available = Math.max(0, pool.balanceFen - pool.reserveFen)
  const parts = payout(
    available,
    open.map((c) => ({ claimId: c.id, outstandingFen: (c.approvedFen ?? 0) - c.paidFen })),
  )
  return {
    ...pool,
    availableFen: available,
    payments: open.map((c, i) => ({
      claim: c,
      outstandingFen: (c.approvedFen ?? 0) - c.paidFen,
      payFen: parts[i]!,
    })),
  }
}

/**
 * Pays approved claims from the pool's cash above the reserve: in full when it can, else pro
 * rata, the rest staying payable for the next run. Idempotent by key.
 */
export async function runClaimPayout(
  db: Db,
  actor: Actor | null,
  input: { month: string; idempotencyKey: string },
  now: Date,
) {
  const a = requireRole(actor, 'COORDINATOR')
  const [previous] = await db
    .select()
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.idempotencyKey, `payout:${input.idempotencyKey}`))
  if (previous) return { ...(await insurancePool(db, a, now)), paidFen: 0, replayed: true }
  const preview = await payoutPreview(db, a, now)
  const paying = preview.payments.filter((p) => p.payFen > 0)
  if (paying.length === 0) return { ...preview, paidFen: 0, replayed: false }
  const at = now.toISOString()
  const paidBefore = preview.payments.reduce((s, p) => s + p.claim.paidFen, 0)
  // The run is posted only if no other payout or approval changed the pool since the preview.
  const unchanged = sql`
    (select coalesce(sum(c.paid_fen), 0) from claims c join merchants m on m.id = c.merchant_id
      where m.alliance_id = ${a.allianceId} and c.status in ('APPROVED', 'PARTIALLY_APPROVED'))
      = ${paidBefore}
    and (select coalesce(sum(e.amount_fen), 0) from ledger_entries e
      join ledger_transactions t on t.id = e.transaction_id
      where t.alliance_id = ${a.allianceId} and e.account = ${accounts.cash}) = ${preview.balanceFen}`
  await db
    .batch([
      ...postTransaction(
        db,
        {
          allianceId: a.allianceId,
          kind: 'CLAIM_PAID',
          month: input.month,
          memo: `payout ${input.month}`,
          idempotencyKey: `payout:${input.idempotencyKey}`,
          at,
        },
        claimsPaid(paying.map((p) => ({ merchantId: p.claim.merchantId, fen: p.payFen }))),
        unchanged,
      ),
      ...paying.map((p) =>
        db.run(sql`
          update claims set paid_fen = paid_fen + ${p.payFen},
            status = case when paid_fen + ${p.payFen} = approved_fen then 'PAID' else status end
          where id = ${p.claim.id}`),
      ),
      // The batch commits whole or not at all, so each payment's event needs no condition.
      ...paying.map((p) =>
        claimEvent(
          db,
          'claim.paid',
          p.claim.id,
          at,
          sql`true`,
          sql`, 'payment', json_object('payFen', ${p.payFen}, 'month', ${input.month})`,
        ),
      ),
      auditEntry(db, a, {
        action: 'payout.run',
        entity: 'payout',
        entityId: input.idempotencyKey,
        at,
        before: { balanceFen: preview.balanceFen, pendingFen: preview.pendingFen },
        after: {
          month: input.month,
          payments: paying.map((p) => ({ claimId: p.claim.id, payFen: p.payFen })),
        },
        from: sql`from ledger_transactions
          where idempotency_key = ${`payout:${input.idempotencyKey}`}`,
      }),
    ] as unknown as Parameters<Db['batch']>[0])
    .catch(async (error) => {
      if (!refused(error)) throw error
      const [winner] = await db
        .select()
        .from(ledgerTransactions)
        .where(eq(ledgerTransactions.idempotencyKey, `payout:${input.idempotencyKey}`))
      if (!winner) {
        throw new Conflict('The pool changed since the preview; run it again.', {
          reason: 'POOL_CHANGED',
        })
      }
    })
  return {
    ...(await insurancePool(db, a, now)),
    paidFen: paying.reduce((s, p) => s + p.payFen, 0),
    replayed: false,
  }
}

/** The merchant's cover: enrolment, premiums per declared month, claims. */
export async function myInsurance(db: Db, actor: Actor | null) {
  const a = requireRole(actor, 'MERCHANT')
  const cover = await enrolment(db, a.merchantId!)
  const declared = await db
    .select()
    .from(orderValueDeclarations)
    .where(eq(orderValueDeclarations.merchantId, a.merchantId!))
    .orderBy(asc(orderValueDeclarations.month))
  const premiums = await Promise.all(
    declared.map((d) => premiumsFor(db, a.allianceId, a.merchantId!, d.month)),
  )
  return { enrolment: cover, premiums, claims: await listClaims(db, a) }
}
