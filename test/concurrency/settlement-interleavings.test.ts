// For any interleaving of costs, adjustments and closes, what was acknowledged is exactly what
// the settlements hold. Every statement the domain sends to the database waits on fast-check's
// scheduler, so each run tries one order of all the requests' statements (and shrinks a failure
// to the shortest story).
import type { Client } from '@libsql/client'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibsql } from '../../db/libsql'
import * as schema from '../../db/schema'
import { seedDemo } from '../../db/seed/seed'
import { pbkdf2Hasher } from '../../src/auth/password'
import type { Actor } from '../../src/auth/roles'
import type { Db } from '../../src/db'
import { DomainError } from '../../src/errors'
import { addAdjustment, closeSettlement, recordCost } from '../../src/settlement/service'

let client: Client
let db: Db
let actor: Actor
let scheduler: fc.Scheduler | null = null
const now = new Date('2199-01-05T02:00:00Z')

beforeAll(async () => {
  const opened = await openLibsql(':memory:')
  client = opened.client
  await seedDemo(opened.db, pbkdf2Hasher(1000))
  // The same database, every round trip of which first waits for the scheduler's go.
  const gated = new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target)
      if (typeof value !== 'function') return value
      if (prop !== 'execute' && prop !== 'batch') return value.bind(target)
      return async (...args: unknown[]) => {
        if (scheduler) await scheduler.schedule(Promise.resolve(), String(prop))
        return value.apply(target, args)
      }
    },
  })
  db = drizzle(gated, { schema }) as unknown as Db
  const [user] = await opened.db.all<Record<string, string>>(
    sql`select id, alliance_id, display_name from users where email = 'coordinator@nestwork.demo'`,
  )
  actor = {
    userId: user!.id!,
    allianceId: user!.alliance_id!,
    email: 'coordinator@nestwork.demo',
    role: 'COORDINATOR',
    displayName: user!.display_name!,
    locale: 'en',
    merchantId: null,
    stationId: null,
    hubId: null,
  }
}, 60_000)

afterAll(() => client?.close())

const month = (index: number) => {
  const y = 2027 + Math.floor(index / 12)
  return `${y}-${String((index % 12) + 1).padStart(2, '0')}`
}

type Op =
  | { kind: 'cost'; fen: number }
  | { kind: 'adjustment'; merchant: number; fen: number }
  | { kind: 'close' }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('cost' as const), fen: fc.integer({ min: 1, max: 10_000_000 }) }),
  fc.record({
    kind: fc.constant('adjustment' as const),
    merchant: fc.integer({ min: 1, max: 20 }),
    fen: fc.integer({ min: -5_000_000, max: 5_000_000 }).filter((n) => n !== 0),
  }),
  fc.constant({ kind: 'close' as const }),
)

let run = 0

describe('costs, adjustments and a close in any interleaving', () => {
  it('settle exactly the entries that were acknowledged, each once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(op, { minLength: 1, maxLength: 8 }),
        async (s, ops) => {
          // Months of their own: the corrected one (closed first), the one the writes aim at, and
          // the one after, where adjustments land once the target month has closed.
          const index = 3 * run++
          const [corrected, target, after] = [month(index), month(index + 1), month(index + 2)]
          const tag = `interleave ${run}`
          scheduler = null
          await closeSettlement(
            db,
            actor,
            { month: corrected, idempotencyKey: `p-${corrected}` },
            now,
          )

          scheduler = s
          const outcomes = ops.map(async (o, i) => {
            try {
              if (o.kind === 'cost') {
                const row = await recordCost(
                  db,
                  actor,
                  { month: target, kind: 'SHARED', amountFen: o.fen, hubId: undefined, note: tag },
                  now,
                )
                return { op: o, id: row.id }
              }
              if (o.kind === 'adjustment') {
                const merchantId = `mer_${String(o.merchant).padStart(2, '0')}`
                const row = await addAdjustment(
                  db,
                  actor,
                  { merchantId, month: corrected, amountFen: o.fen, reason: `${tag} ${i}` },
                  now,
                )
                return { op: o, id: row.id, month: row.month, merchantId }
              }
              await closeSettlement(
                db,
                actor,
                { month: target, idempotencyKey: `p-${target}` },
                now,
              )
              return { op: o }
            } catch (error) {
              // A write or a close that lost its race says so with a CONFLICT, never anything else.
              if (!(error instanceof DomainError)) throw error
              expect(error.code).toBe('CONFLICT')
              return { op: o, refused: error }
            }
          })
          // A run that fails must not leave its scheduler gating the next one.
          const results = await s.waitFor(Promise.all(outcomes)).finally(() => (scheduler = null))

          // Settle whatever is still open: the target month (if no close got through) and the next.
          await closeSettlement(db, actor, { month: target, idempotencyKey: `p-${target}` }, now)
          await closeSettlement(db, actor, { month: after, idempotencyKey: `p-${after}` }, now)

          const costs = results.filter((r) => r.op.kind === 'cost' && !r.refused)
          const adjustments = results.filter((r) => r.op.kind === 'adjustment' && !r.refused)
          // An adjustment is never refused: its month is picked in its own insert.
          expect(results.filter((r) => r.op.kind === 'adjustment' && r.refused)).toEqual([])

          const stored = await db.all<{ id: string }>(sql`select id from costs where note = ${tag}`)
          expect(stored.map((c) => c.id).sort()).toEqual(costs.map((c) => c.id!).sort())
          const settledCosts = await db.all<{ id: string; month: string; fen: number }>(sql`
          select l.cost_id as id, s.month, sum(l.amount_fen) as fen from settlement_lines l
            join settlements s on s.id = l.settlement_id join costs c on c.id = l.cost_id
          where c.note = ${tag} group by l.cost_id, s.month`)
          expect(settledCosts.length).toBe(costs.length)
          for (const line of settledCosts) expect(line.month).toBe(target)
          const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
          expect(sum(settledCosts.map((l) => Number(l.fen)))).toBe(
            sum(costs.map((c) => (c.op as { fen: number }).fen)),
          )

          const landed = await db.all<{ id: string }>(
            sql`select id from adjustments where reason like ${`${tag} %`}`,
          )
          expect(landed.map((x) => x.id).sort()).toEqual(adjustments.map((x) => x.id!).sort())
          for (const m of [target, after]) {
            const expected = new Map<string, number>()
            for (const x of adjustments.filter((y) => y.month === m)) {
              const fen = (x.op as { fen: number }).fen
              expected.set(x.merchantId!, (expected.get(x.merchantId!) ?? 0) + fen)
            }
            const settled = await db.all<{ merchant_id: string; fen: number }>(sql`
            select l.merchant_id, sum(l.amount_fen) as fen from settlement_lines l
              join settlements s on s.id = l.settlement_id
            where s.month = ${m} and l.kind = 'ADJUSTMENT' group by l.merchant_id`)
            const got = new Map(settled.map((r) => [r.merchant_id, Number(r.fen)]))
            for (const [k, v] of [...got]) if (v === 0 && !expected.has(k)) got.delete(k)
            expect(got).toEqual(new Map([...expected].filter(([, v]) => v !== 0)))
          }
          expect(adjustments.every((x) => x.month === target || x.month === after)).toBe(true)
        },
      ),
      { numRuns: 30, timeout: 5000 },
    )
  }, 60_000)
})
