import { drizzle } from 'drizzle-orm/libsql'
import { beforeEach, describe, expect, test } from 'vitest'
import * as schema from '../db/schema'
import { openLibsql } from '../db/libsql'
import type { Db } from './db'
import { RateLimited } from './errors'
import { countInProcess, hit, hitAll, peek } from './rate-limit'

let db: Db
let client: Awaited<ReturnType<typeof openLibsql>>['client']
let writes = 0
beforeEach(async () => {
  ;({ db, client } = await openLibsql(':memory:'))
  writes = 0
  const execute = client.execute.bind(client)
  client.execute = ((stmt: string | { sql: string }) => {
    if (/^insert into "rate_limits"/.test(typeof stmt === 'string' ? stmt : stmt.sql)) writes++
    return execute(stmt as Parameters<typeof execute>[0])
  }) as typeof client.execute
  return () => client.close()
})

const start = Date.parse('2026-11-25T02:00:00Z')
/** True when `work` is let through, false when it is rate limited; other errors stand. */
const admitted = (work: Promise<unknown>) =>
  work.then(
    () => true,
    (error: unknown) => {
      if (error instanceof RateLimited) return false
      throw error
    },
  )
const allowed = (handle: Db, key: string, at = start) => admitted(hit(handle, key, 30, 60_000, at))
const stored = async (key: string) =>
  Number(
    (await client.execute({ sql: 'select hits from rate_limits where key = ?', args: [key] }))
      .rows[0]?.hits ?? 0,
  )

test('one process allows exactly the limit, writing far fewer counts than it reads', async () => {
  const answers = []
  for (let i = 0; i < 31; i++) answers.push(await allowed(db, 'track:a'))
  expect(answers.slice(0, 30).every(Boolean)).toBe(true)
  expect(answers[30]).toBe(false)
  expect(writes).toBeLessThan(20)
  expect(await stored('track:a')).toBe(31)
})

test('the first hit of a window is written at once, so other processes see the address', async () => {
  await allowed(db, 'track:b')
  expect(await stored('track:b')).toBe(1)
})

test('concurrent hits in one process are each counted once', async () => {
  const answers = await Promise.all(Array.from({ length: 40 }, () => allowed(db, 'track:c')))
  expect(answers.filter(Boolean)).toHaveLength(30)
  expect(await stored('track:c')).toBe(40)
})

test('across processes the limit holds within the hits each has not yet written', async () => {
  // Another drizzle handle on the same database stands for another process.
  const other = drizzle(client, { schema }) as unknown as Db
  let passed = 0
  for (let i = 0; i < 40; i++) if (await allowed(i % 2 ? other : db, 'track:d')) passed++
  // Each may hold up to limit / 5 - 1 = 5 hits unwritten.
  expect(passed).toBeGreaterThanOrEqual(30)
  expect(passed).toBeLessThanOrEqual(35)
})

test('a new window starts the count again', async () => {
  for (let i = 0; i < 31; i++) await allowed(db, 'track:e')
  expect(await allowed(db, 'track:e')).toBe(false)
  expect(await allowed(db, 'track:e', start + 60_000)).toBe(true)
  expect(await stored('track:e')).toBe(1)
})

test('peek refuses a key at its limit without counting, and lets it be again in a new window', async () => {
  const peeked = (at = start) => admitted(peek(db, 'miss:a', 30, 60_000, at))
  expect(await peeked()).toBe(true)
  for (let i = 0; i < 29; i++) await allowed(db, 'miss:a')
  expect(await peeked()).toBe(true)
  await allowed(db, 'miss:a')
  expect(await peeked()).toBe(false)
  expect(await peeked()).toBe(false)
  expect(await stored('miss:a')).toBe(30)
  expect(await peeked(start + 60_000)).toBe(true)
})

test('counters of one hit are written in one statement, and any past its limit refuses', async () => {
  const both = () =>
    admitted(
      hitAll(
        db,
        [
          { key: 'code:f', limit: 3 },
          { key: 'address:f', limit: 5 },
        ],
        60_000,
        start,
      ),
    )
  expect(await both()).toBe(true)
  expect(writes).toBe(1)
  expect([await stored('code:f'), await stored('address:f')]).toEqual([1, 1])
  const answers = [await both(), await both(), await both()]
  expect(answers).toEqual([true, true, false])
  // The refused hit still counts against the address.
  expect([await stored('code:f'), await stored('address:f')]).toEqual([4, 4])
})

describe('counted in process (a database one process serves alone)', () => {
  beforeEach(() => countInProcess(db))
  const peeked = (key: string, at = start) => admitted(peek(db, key, 30, 60_000, at))

  test('allows exactly the limit and writes nothing to the database', async () => {
    const answers = []
    for (let i = 0; i < 31; i++) answers.push(await allowed(db, 'track:m'))
    expect(answers.slice(0, 30).every(Boolean)).toBe(true)
    expect(answers[30]).toBe(false)
    expect(writes).toBe(0)
    expect(await stored('track:m')).toBe(0)
  })

  test('concurrent hits are each counted once', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => allowed(db, 'track:n')))
    expect(answers.filter(Boolean)).toHaveLength(30)
  })

  test('a new window starts the count again, and a clock set back does not revive an old one', async () => {
    for (let i = 0; i < 31; i++) await allowed(db, 'track:o')
    expect(await allowed(db, 'track:o')).toBe(false)
    expect(await allowed(db, 'track:o', start + 60_000)).toBe(true)
    expect(await allowed(db, 'track:o', start + 60_001)).toBe(true)
    expect(await allowed(db, 'track:o', start)).toBe(true)
  })

  test('refuses with the seconds left in the window', async () => {
    for (let i = 0; i < 30; i++) await allowed(db, 'track:p')
    await expect(hit(db, 'track:p', 30, 60_000, start + 15_500)).rejects.toMatchObject({
      details: { retryAfterSeconds: 45 },
    })
  })

  test('peek refuses a key at its limit without counting it', async () => {
    expect(await peeked('miss:m')).toBe(true)
    for (let i = 0; i < 29; i++) await allowed(db, 'miss:m')
    expect(await peeked('miss:m')).toBe(true)
    await allowed(db, 'miss:m')
    expect(await peeked('miss:m')).toBe(false)
    expect(await peeked('miss:m')).toBe(false)
    expect(await peeked('miss:m', start + 60_000)).toBe(true)
  })

  test('counts every counter of a hit, the refused hit too, per address and per code', async () => {
    const lookup = (code: string) =>
      admitted(
        hitAll(
          db,
          [
            { key: `code:${code}`, limit: 3 },
            { key: 'address:q', limit: 5 },
          ],
          60_000,
          start,
        ),
      )
    expect([await lookup('x'), await lookup('x'), await lookup('x'), await lookup('x')]).toEqual([
      true,
      true,
      true,
      false,
    ])
    // The address has had 4 hits: one more passes, then it is refused whatever the code.
    expect([await lookup('y'), await lookup('z')]).toEqual([true, false])
    expect(writes).toBe(0)
  })
})
