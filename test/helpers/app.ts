import { expect } from 'vitest'
import { seedDemo } from '../../db/seed/seed'
import { createApp, type AppDeps } from '../../src/app'
import { pbkdf2Hasher, type PasswordHasher } from '../../src/auth/password'
import { loadConfig } from '../../src/config'
import type { Db } from '../../src/db'
import type { SqlClient } from './sql-client'
import { openTestStorage } from './test-storage'

export interface TestApp {
  app: ReturnType<typeof createApp>
  db: Db
  /** Raw SQL on the same database, bypassing the app. */
  client: SqlClient
  /** Moves the test clock. */
  setNow(date: Date): void
}

const open: { close(): void; test: boolean }[] = []

/**
 * Closes the test apps opened during the test that just ended (`test`), or all of them at the end
 * of a file. `test/helpers/close-test-apps.ts` calls it for every suite, so no test file has to:
 * one unclosed seeded database per test grew a worker past 4 GB.
 */
export function closeTestApps(scope: 'test' | 'file'): void {
  for (let i = open.length - 1; i >= 0; i--) {
    if (scope === 'file' || open[i]!.test) open.splice(i, 1)[0]!.close()
  }
}

/** The test clock's first reading: what every test app's `now()` says until `setNow`. */
export const testStart = new Date('2026-11-25T02:00:00Z')

/**
 * A fresh, migrated and seeded database behind a fresh app (libSQL and memory blobs on Node, D1
 * and R2 under workerd: see `test-storage.ts`). The seed is the empty demo alliance, unless
 * `history` asks for its six months of history ending at the test clock (about ten seconds).
 * Password hashes use few
 * PBKDF2 iterations so seeding 72 accounts stays fast; the KDF itself is tested at full strength.
 * (`hasher` replaces it, e.g. to count or slow verifications.)
 * The caller's IP comes from `x-test-ip` so throttling can be tested per address. One opened in
 * a test is closed after it, one opened in `beforeAll` after the file.
 */
export async function createTestApp(
  options: {
    seed?: boolean
    /** Seed the demo alliance with its history (db/seed/history) instead of empty. */
    history?: boolean
    env?: Record<string, string>
    hasher?: PasswordHasher
    /** Dependencies to add or replace, e.g. `logError` to see what the app logs as an error. */
    deps?: Partial<AppDeps>
  } = {},
): Promise<TestApp> {
  const { db, client, blobs, close } = await openTestStorage()
  open.push({ close, test: expect.getState().currentTestName !== undefined })
  const hasher = options.hasher ?? pbkdf2Hasher(1000)
  const config = loadConfig({ NODE_ENV: 'test', ...options.env })
  let now = testStart
  if (options.seed ?? true) {
    const history = options.history ? { now, contactKey: config.contactKey } : undefined
    await seedDemo(db, hasher, { history })
  }
  const app = createApp({
    db,
    config,
    hasher,
    now: () => now,
    clientIp: (c) => c.req.header('x-test-ip') ?? '198.51.100.7',
    blobs,
    ...options.deps,
  })
  return { app, db, client, setNow: (d) => (now = d) }
}
