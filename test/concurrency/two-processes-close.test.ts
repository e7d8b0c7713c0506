// Two app instances on one database file, each with its own libSQL client, as two server
// processes would be: costs and adjustments race a month's close. Every write that was
// acknowledged must be in exactly one settlement; every write that was not must have answered
// CONFLICT (the month had just closed) and left nothing behind.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client } from '@libsql/client'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibsql } from '../../db/libsql'
import { seedDemo } from '../../db/seed/seed'
import { createApp } from '../../src/app'
import { pbkdf2Hasher } from '../../src/auth/password'
import { actorForSession } from '../../src/auth/service'
import { loadConfig } from '../../src/config'
import type { Db } from '../../src/db'
import { DomainError } from '../../src/errors'
import {
  addAdjustment,
  closeSettlement,
  recordCost,
  reverseCost,
  voidCost,
} from '../../src/settlement/service'
import { memoryBlobStore } from '../../src/storage'
import type { TestApp } from '../helpers/app'
import { gql, tokenFor, type GraphQLResponse } from '../helpers/http'

let dir: string
const clients: Client[] = []
let a: TestApp
let b: TestApp
let now = new Date('2026-11-05T02:00:00Z')

async function instance(url: string, seed: boolean): Promise<TestApp> {
  const { db, client } = await openLibsql(url)
  clients.push(client)
  const hasher = pbkdf2Hasher(1000)
  if (seed) await seedDemo(db, hasher)
  const app = createApp({
    db,
    config: loadConfig({ NODE_ENV: 'test' }),
    hasher,
    now: () => now,
    clientIp: () => '198.51.100.7',
    blobs: memoryBlobStore(),
  })
  return { app, db, client, setNow: (d) => (now = d) }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nestwork-race-'))
  const url = `file:${join(dir, 'nestwork.db')}`
  a = await instance(url, true)
  b = await instance(url, false)
}, 60_000)

afterAll(async () => {
  for (const client of clients) client.close()
  await rm(dir, { recursive: true, force: true })
})

const CLOSE = `mutation ($m: String!, $k: String!) { closeSettlement(month: $m, idempotencyKey: $k) { id totalFen } }`
const COST = `mutation ($m: String!, $fen: SafeInt!, $note: String) {
  recordCost(input: { month: $m, kind: SHARED, amountFen: $fen, note: $note }) { id month amountFen } }`
const ADJUST = `mutation ($merchant: ID!, $m: String!, $fen: SafeInt!) {
  addAdjustment(merchantId: $merchant, month: $m, amountFen: $fen, reason: "race") { id month amountFen } }`

/** Closes the month, trying again while entries arriving meanwhile make it refuse. */
async function closeUntilDone(t: TestApp, token: string, month: string) {
  let refusals = 0
  for (;;) {
    const res = await gql(t, CLOSE, { m: month, k: `race-close-${month}` }, token)
    if (res.data?.closeSettlement) return { refusals, settlement: res.data.closeSettlement }
    const error = res.errors![0]!
    expect(error.extensions?.code, JSON.stringify(error)).toBe('CONFLICT')
    refusals++
  }
}

interface Outcome {
  kind: 'cost' | 'adjustment'
  fen: number
  merchantId?: string
  res: GraphQLResponse<any>
}

const costInput = { month: '2026-10', kind: 'SHARED' as const, hubId: undefined }

/** A domain call answered the way GraphQL would: its data, or its error's code and details. */
async function domainCall(call: () => Promise<{ id: string; month: string }>) {
  try {
    const row = await call()
    const key = row.id.startsWith('adj') ? 'addAdjustment' : 'recordCost'
    return { data: { [key]: row } } as GraphQLResponse<any>
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    const extensions = { code: error.code, ...error.details }
    return { errors: [{ message: error.message, extensions }] } as GraphQLResponse<any>
  }
}

const monthOf = async (db: Db, id: string) =>
  (await db.all<{ month: string }>(sql`select month from settlements where id = ${id}`))[0]!.month

describe('a month closing while two processes write into it', () => {
  it('puts every acknowledged cost and adjustment in exactly one settlement', async () => {
    const [tokenA, tokenB] = [
      await tokenFor(a, 'coordinator@nestwork.demo'),
      await tokenFor(b, 'coordinator@nestwork.demo'),
    ]
    // September closed: corrections to it land in the first open month after it.
    await closeUntilDone(a, tokenA, '2026-09')

    const outcomes: Outcome[] = []
    const actors = [
      (await actorForSession(a.db, tokenA, 'API', now))!,
      (await actorForSession(b.db, tokenB, 'API', now))!,
    ]
    let n = 0
    /** One write into October, alternately through each instance. */
    type Only = 'cost' | 'adjustment' | undefined
    const write = async (via: 'graphql' | 'domain', only?: Only) => {
      const i = n++
      const [t, token, actor] = i % 2 === 0 ? [a, tokenA, actors[0]!] : [b, tokenB, actors[1]!]
      const kind = only ?? (i % 3 === 0 ? 'cost' : 'adjustment')
      const fen = kind === 'cost' ? 1000 + i : (i % 2 === 0 ? 1 : -1) * (500 + i)
      const merchantId = `mer_${String((i % 20) + 1).padStart(2, '0')}`
      let res: GraphQLResponse<any>
      if (via === 'graphql') {
        res =
          kind === 'cost'
            ? await gql(t, COST, { m: '2026-10', fen, note: `race ${i}` }, token)
            : await gql(t, ADJUST, { merchant: merchantId, m: '2026-09', fen }, token)
      } else {
        // Straight into the domain, so the write's statements interleave with the close's own
        // reads (libSQL answers an embedded file without leaving the microtask queue).
        res = await domainCall(() =>
          kind === 'cost'
            ? recordCost(t.db, actor, { ...costInput, amountFen: fen, note: `race ${i}` }, now)
            : addAdjustment(
                t.db,
                actor,
                { merchantId, month: '2026-09', amountFen: fen, reason: 'race' },
                now,
              ),
        )
      }
      outcomes.push({ kind, fen, merchantId, res })
    }
    const burst = (count: number, via: 'graphql' | 'domain', only?: Only) =>
      Promise.all(Array.from({ length: count }, () => write(via, only)))
    // What each of the first attempts meets: adjustments alone (a close that re-checked only its
    // costs lost them), costs alone, then both.
    const meets: Only[] = ['adjustment', 'adjustment', 'cost', undefined]

    // A wave through both apps before the close.
    await burst(10, 'graphql')
    // The second instance closes October. The moment each of its first attempts starts
    // computing the split, both instances write into October, so writes land before, inside
    // and after the window between the close's reads and its batch; an attempt refused because
    // the month changed meanwhile is made again (the page's "preview it again").
    const bursts: Promise<unknown>[] = []
    let attempts = 0
    let closeRefusals = 0
    let late = false
    for (;;) {
      try {
        await closeSettlement(
          b.db,
          actors[1]!,
          { month: '2026-10', idempotencyKey: 'race-oct' },
          now,
          {
            onStage: (stage) => {
              if (stage === 'computing' && attempts < meets.length) {
                bursts.push(burst(12, 'domain', meets[attempts]))
              }
              // Once, as a later attempt is about to write: writes that find the month open
              // before the close commits and insert after it.
              if (stage === 'writing' && attempts >= meets.length && !late) {
                late = true
                bursts.push(burst(12, 'domain'))
              }
            },
          },
        )
        break
      } catch (error) {
        expect((error as DomainError).code).toBe('CONFLICT')
        closeRefusals++
      } finally {
        attempts++
      }
      expect(attempts).toBeLessThan(50)
    }
    await Promise.all(bursts)
    // And a wave through both apps after it.
    await burst(20, 'graphql')

    // Everything refused was a CONFLICT naming the closed month: "has just been closed" when the
    // close won inside the write's own statement, "is closed" when it had finished before.
    const refused = outcomes.filter((o) => o.res.errors)
    for (const o of refused) {
      const error = o.res.errors![0]!
      expect(error.extensions, JSON.stringify(error)).toMatchObject({
        code: 'CONFLICT',
        month: '2026-10',
      })
      expect(['MONTH_CLOSED', 'CLOSED']).toContain(error.extensions!.reason)
      expect(error.message).toMatch(
        error.extensions!.reason === 'MONTH_CLOSED' ? /has just been closed/ : /is closed/,
      )
    }
    const acknowledged = outcomes.filter((o) => !o.res.errors)
    expect(acknowledged.length + refused.length).toBe(n)

    // November closes too, so every adjustment that landed there is settled.
    now = new Date('2026-12-01T02:00:00Z')
    await closeUntilDone(b, await tokenFor(b, 'coordinator@nestwork.demo'), '2026-11')

    const db = a.db
    // Nothing refused was stored; everything acknowledged was, once.
    const storedCosts = await db.all<{ id: string; amount_fen: number; month: string }>(
      sql`select id, amount_fen, month from costs where note like 'race %'`,
    )
    const ackCosts = acknowledged.filter((o) => o.kind === 'cost')
    expect(storedCosts.map((c) => c.id).sort()).toEqual(
      ackCosts.map((o) => o.res.data!.recordCost.id).sort(),
    )
    for (const cost of storedCosts) {
      // Each acknowledged cost is split, to the fen, in October's settlement and no other.
      const lines = await db.all<{ settlement_id: string; fen: number }>(sql`
        select settlement_id, sum(amount_fen) as fen from settlement_lines
        where cost_id = ${cost.id} group by settlement_id`)
      expect(lines).toHaveLength(1)
      expect(await monthOf(db, lines[0]!.settlement_id)).toBe('2026-10')
      expect(Number(lines[0]!.fen)).toBe(cost.amount_fen)
    }

    const storedAdjustments = await db.all<{
      id: string
      month: string
      merchant_id: string
      amount_fen: number
    }>(sql`select id, month, merchant_id, amount_fen from adjustments where reason = 'race'`)
    const ackAdjustments = acknowledged.filter((o) => o.kind === 'adjustment')
    expect(storedAdjustments.map((x) => x.id).sort()).toEqual(
      ackAdjustments.map((o) => o.res.data!.addAdjustment.id).sort(),
    )
    // Each adjustment landed in October or (once October was closed) November, and each
    // settlement holds exactly the adjustments that landed in its month, merchant by merchant.
    for (const month of ['2026-10', '2026-11']) {
      const expected = new Map<string, number>()
      for (const x of storedAdjustments.filter((y) => y.month === month)) {
        expected.set(x.merchant_id, (expected.get(x.merchant_id) ?? 0) + x.amount_fen)
      }
      const settled = await db.all<{ merchant_id: string; fen: number }>(sql`
        select l.merchant_id, sum(l.amount_fen) as fen from settlement_lines l
          join settlements s on s.id = l.settlement_id
        where s.month = ${month} and l.kind = 'ADJUSTMENT' group by l.merchant_id`)
      expect(new Map(settled.map((r) => [r.merchant_id, Number(r.fen)]))).toEqual(expected)
    }
    expect(storedAdjustments.every((x) => ['2026-10', '2026-11'].includes(x.month))).toBe(true)
    const total = (xs: { amount_fen: number }[]) => xs.reduce((s, x) => s + x.amount_fen, 0)
    expect(total(storedAdjustments)).toBe(ackAdjustments.reduce((s, o) => s + o.fen, 0))

    // The race did happen: writes landed inside a close's window (it was refused and made
    // again), before the close that succeeded and after it (refused, or carried to November).
    expect(closeRefusals).toBeGreaterThan(0)
    const after = refused.length + storedAdjustments.filter((x) => x.month === '2026-11').length
    expect(after).toBeGreaterThan(0)
    const inside = refused.filter((o) => o.res.errors![0]!.extensions!.reason === 'MONTH_CLOSED')
    const early = storedCosts.length + storedAdjustments.filter((x) => x.month === '2026-10').length
    expect(early).toBeGreaterThan(0)
    console.info(
      `race: ${acknowledged.length} acknowledged, ${refused.length} refused ` +
        `(${inside.length} inside the write), ${closeRefusals} close attempts refused`,
    )
  })

  it('refuses a write whose month closes between its check and its insert, saying so', async () => {
    // The close commits exactly between a write's own check and its statement: the first
    // instance's handle runs the second instance's close just before each batch it sends.
    const [tokenA, tokenB] = [
      await tokenFor(a, 'coordinator@nestwork.demo'),
      await tokenFor(b, 'coordinator@nestwork.demo'),
    ]
    const actorA = (await actorForSession(a.db, tokenA, 'API', now))!
    const actorB = (await actorForSession(b.db, tokenB, 'API', now))!
    now = new Date('2027-04-05T02:00:00Z')
    let closing: string | null = null
    const racing = new Proxy(a.db, {
      get(target, prop, receiver) {
        if (prop !== 'batch') return Reflect.get(target, prop, receiver)
        return async (items: Parameters<Db['batch']>[0]) => {
          if (closing) {
            const month = closing
            closing = null
            await closeSettlement(b.db, actorB, { month, idempotencyKey: `late-${month}` }, now)
          }
          return target.batch(items)
        }
      },
    }) as Db
    const code = async (call: Promise<unknown>) =>
      call.then(
        () => 'OK',
        (error: DomainError) => {
          expect(error.details).toMatchObject({ reason: 'MONTH_CLOSED' })
          expect(error.message).toMatch(/has just been closed/)
          return error.code
        },
      )
    const cost = (month: string, note: string) =>
      recordCost(a.db, actorA, { ...costInput, month, amountFen: 4321, note }, now)
    const toVoid = await cost('2027-02', 'late void')
    const toReverse = await cost('2027-03', 'late reverse')

    // An adjustment never loses: its month is chosen in its insert, past December closing.
    closing = '2026-12'
    const adjustment = await addAdjustment(
      racing,
      actorA,
      { merchantId: 'mer_05', month: '2026-11', amountFen: 777, reason: 'late' },
      now,
    )
    expect(adjustment.month).toBe('2027-01')

    closing = '2027-01'
    expect(
      await code(
        recordCost(
          racing,
          actorA,
          { ...costInput, month: '2027-01', amountFen: 99, note: 'late cost' },
          now,
        ),
      ),
    ).toBe('CONFLICT')
    closing = '2027-02'
    expect(await code(voidCost(racing, actorA, { id: toVoid.id, reason: 'late' }, now))).toBe(
      'CONFLICT',
    )
    closing = '2027-03'
    expect(await code(reverseCost(racing, actorA, { id: toReverse.id, reason: 'late' }, now))).toBe(
      'CONFLICT',
    )

    // Nothing of the refused writes is stored; the settlements hold what was there before.
    const db = a.db
    expect(await db.all(sql`select id from costs where note = 'late cost'`)).toEqual([])
    const [voided] = await db.all<{ voided_at: string | null }>(
      sql`select voided_at from costs where id = ${toVoid.id}`,
    )
    expect(voided!.voided_at).toBeNull()
    expect(
      await db.all(sql`select id from costs where reverses_cost_id = ${toReverse.id}`),
    ).toEqual([])
    for (const [id, month] of [
      [toVoid.id, '2027-02'],
      [toReverse.id, '2027-03'],
    ]) {
      const [line] = await db.all<{ month: string; fen: number }>(sql`
        select s.month, sum(l.amount_fen) as fen from settlement_lines l
          join settlements s on s.id = l.settlement_id where l.cost_id = ${id} group by s.month`)
      expect(line).toEqual({ month, fen: 4321 })
    }
    const [carried] = await db.all<{ fen: number }>(sql`
      select sum(l.amount_fen) as fen from settlement_lines l
        join settlements s on s.id = l.settlement_id
      where s.month = '2027-01' and l.kind = 'ADJUSTMENT' and l.merchant_id = 'mer_05'`)
    expect(Number(carried!.fen)).toBe(777)
  })
})
