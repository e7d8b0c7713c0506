// The demo alliance with its past (db/seed/history), seeded into fresh in-memory databases as
// `npm start` seeds a fresh file: every invariant the app has holds over all of it, what was
// closed or published stays frozen, two seeds write the same rows, and the demo has what it
// promises. The pages it feeds are in history-pages.test.ts.
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { invariantViolations } from '../../db/seed/history/invariants'
import { shapeProblems } from '../../db/seed/history/shape'
import { publishBenchmarks } from '../../src/benchmarks/service'
import type { Db } from '../../src/db'
import { closeSettlement, recordCost } from '../../src/settlement/service'
import { createTestApp, testStart, type TestApp } from '../helpers/app'
import { actorFor } from './actors'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ history: true })
}, 120_000)

/** Every row of every table, sorted, without the columns a seed cannot repeat. */
async function everyRow(db: Db): Promise<Record<string, string[]>> {
  const tables = await db.all<{ name: string }>(sql`select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name not like '%drizzle%' order by name`)
  const out: Record<string, string[]> = {}
  for (const { name } of tables) {
    const rows = await db.all<Record<string, unknown>>(sql.raw(`select * from "${name}"`))
    // The demo password's hash has a fresh salt each time, as every password hash must; an
    // outbox event's id is random too (it is the webhook-id receivers deduplicate by).
    const fresh = { password_hash: undefined, ...(name === 'outbox_events' && { id: undefined }) }
    out[name] = rows.map((r) => JSON.stringify({ ...r, ...fresh })).sort()
  }
  return out
}

describe('the seeded history', () => {
  it('keeps every invariant the app has', async () => {
    expect(await invariantViolations(t.db)).toEqual([])
  })

  it('has what the demo promises: a past, plausible figures and work in every queue', async () => {
    expect(await shapeProblems(t.db, testStart)).toEqual([])
  })

  it('went through the domain functions: an audit entry for every change, marked as history', async () => {
    const [row] = await t.db.all<{ n: number; marked: number }>(sql`
      select count(*) as n, sum(request_id = 'demo-history') as marked from audit_log
      where actor_role <> 'PUBLIC'`)
    expect(Number(row!.n)).toBeGreaterThan(5_000)
    expect(Number(row!.marked)).toBe(Number(row!.n))
  })

  it('wrote an outbox event for its changes, leaving only the last day’s for the drain', async () => {
    const dayBefore = new Date(testStart.getTime() - 24 * 3600_000).toISOString()
    const [row] = await t.db.all<{ n: number; waiting: number; oldWaiting: number }>(sql`
      select count(*) as n, sum(fanned_out_at is null) as waiting,
        sum(fanned_out_at is null and created_at < ${dayBefore}) as oldWaiting
      from outbox_events`)
    expect(Number(row!.n)).toBeGreaterThan(1_000)
    expect(Number(row!.waiting)).toBeGreaterThan(0)
    expect(Number(row!.oldWaiting)).toBe(0)
  })

  it('keeps closed months and published benchmarks frozen', async () => {
    const month = '2026-10'
    const coordinator = await actorFor(t, 'coordinator@nestwork.demo')
    const refused = (statement: string, why: RegExp) =>
      expect(t.client.execute(statement), statement).rejects.toThrow(why)
    const frozen = /a closed settlement never changes/
    const settlement = `(select id from settlements where month = '${month}')`
    await refused(
      `update statements set total_fen = total_fen + 1 where settlement_id = ${settlement}`,
      frozen,
    )
    await refused(
      `update settlement_lines set amount_fen = amount_fen + 1 where settlement_id = ${settlement}`,
      frozen,
    )
    await refused(
      `insert into costs (id, alliance_id, month, kind, amount_fen, note, created_at)
       values ('cst_late', 'all_yrd', '${month}', 'SHARED', 100, 'late', '2026-11-20T00:00:00Z')`,
      /month is closed/,
    )
    await refused(
      `update benchmark_scores set score = 0 where month = '${month}'`,
      /published benchmarks are fixed/,
    )
    await refused(
      `update benchmark_cohorts set median = 0 where month = '${month}'`,
      /published benchmarks are fixed/,
    )
    await expect(
      recordCost(
        t.db,
        coordinator,
        { month, kind: 'SHARED', amountFen: 100, note: '', hubId: undefined },
        testStart,
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(publishBenchmarks(t.db, coordinator, month, testStart)).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    const [closed] = await t.db.all<{ id: string; total_fen: number }>(
      sql`select id, total_fen from settlements where month = ${month}`,
    )
    const again = await closeSettlement(
      t.db,
      coordinator,
      { month, idempotencyKey: `demo-close-${month}` },
      testStart,
    )
    expect(again).toMatchObject({ id: closed!.id, totalFen: Number(closed!.total_fen) })
    // Nothing of that changed anything.
    expect(await invariantViolations(t.db)).toEqual([])
  })

  it('writes the same rows from the same seed and the same now', async () => {
    const other = await createTestApp({ history: true })
    const [mine, theirs] = [await everyRow(t.db), await everyRow(other.db)]
    expect(Object.keys(theirs)).toEqual(Object.keys(mine))
    for (const table of Object.keys(mine)) {
      expect(theirs[table]!.length, table).toBe(mine[table]!.length)
      expect(theirs[table], table).toEqual(mine[table])
    }
  }, 120_000)
})
