/**
 * The pool's cash month by month, read from the ledger: what each month's premiums brought into
 * `pool:cash`, what its payout runs took out, and the cash at the end of the month. Months are
 * the ledger transactions' accounting months (a premium collected in November for October's
 * statement counts in October), so the figures agree with the statements.
 */
import { sql } from 'drizzle-orm'
import { requireRole, type Actor } from '../auth/roles'
import { localDate, nextMonth } from '../calendar/local-date'
import type { Db } from '../db'
import { accounts } from './ledger'

/** The sum of one kind of transaction's `pool:cash` entries in one month. */
export interface CashRow {
  month: string
  kind: string
  fen: number
}

export interface CashMonth {
  month: string
  /** Premiums that became cash (PREMIUM_COLLECTED). */
  premiumsFen: number
  /** Claims paid out (CLAIM_PAID), as a positive amount. */
  payoutsFen: number
  /** Every movement of cash in the month (premiums − payouts, and anything else). */
  netFen: number
  /** Cash held at the end of the month. */
  balanceFen: number
}

/**
 * One entry per month from the first month with a cash movement to `untilMonth` (or the last
 * month with one, if later), gaps filled with no movement, balances carried forward.
 * @example cashByMonth([{ month: '2026-10', kind: 'PREMIUM_COLLECTED', fen: 500 }], '2026-11')
 *   // [{ month: '2026-10', …, balanceFen: 500 }, { month: '2026-11', …, balanceFen: 500 }]
 */
export function cashByMonth(rows: readonly CashRow[], untilMonth: string): CashMonth[] {
  if (rows.length === 0) return []
  const months = rows.map((r) => r.month).sort()
  const last = months.at(-1)! > untilMonth ? months.at(-1)! : untilMonth
  const out: CashMonth[] = []
  let balance = 0
  for (let m = months[0]!; m <= last; m = nextMonth(m)) {
    const inMonth = rows.filter((r) => r.month === m)
    const sum = (kind: string) =>
      inMonth.filter((r) => r.kind === kind).reduce((s, r) => s + r.fen, 0)
    const netFen = inMonth.reduce((s, r) => s + r.fen, 0)
    balance += netFen
    out.push({
      month: m,
      premiumsFen: sum('PREMIUM_COLLECTED'),
      payoutsFen: 0 - sum('CLAIM_PAID'),
      netFen,
      balanceFen: balance,
    })
  }
  return out
}

/** Coordinators: the pool's cash by month up to the current one (see `cashByMonth`). */
export async function poolHistory(db: Db, actor: Actor | null, now: Date): Promise<CashMonth[]> {
  const a = requireRole(actor, 'COORDINATOR')
  const rows = await db.all<{ month: string; kind: string; fen: number }>(sql`
    select t.month, t.kind, sum(e.amount_fen) as fen
    from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
    where t.alliance_id = ${a.allianceId} and e.account = ${accounts.cash}
    group by t.month, t.kind`)
  return cashByMonth(
    rows.map((r) => ({ month: r.month, kind: r.kind, fen: Number(r.fen) })),
    localDate(now).slice(0, 7),
  )
}

/**
 * Coordinators: what the payout run posted under `idempotencyKey` paid, or null when no run
 * has that key (so a result page can be shown from the ledger, not from the address).
 */
export async function payoutRun(db: Db, actor: Actor | null, idempotencyKey: string) {
  const a = requireRole(actor, 'COORDINATOR')
  const [row] = await db.all<{ month: string; fen: number; claims: number }>(sql`
    select t.month,
      -sum(case when e.account = ${accounts.cash} then e.amount_fen else 0 end) as fen,
      sum(case when e.account like 'claims_payable:%' then 1 else 0 end) as claims
    from ledger_transactions t join ledger_entries e on e.transaction_id = t.id
    where t.alliance_id = ${a.allianceId} and t.kind = 'CLAIM_PAID'
      and t.idempotency_key = ${`payout:${idempotencyKey}`}
    group by t.id`)
  return row ? { month: row.month, paidFen: Number(row.fen), claims: Number(row.claims) } : null
}
