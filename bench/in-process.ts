// The app in process for the request-level benchmarks: a fresh, seeded libSQL file database in a
// temp dir behind createApp, its rate limits counted in process as the Node server counts those
// of its embedded file, with the caller's IP taken from `x-bench-ip` so each simulated customer
// has an address of its own (as behind a real proxy), and a few returns registered.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { openLibsql } from '../db/libsql'
import { demoHubs } from '../db/seed/demo-data'
import { demoPassword, seedDemo } from '../db/seed/seed'
import { createApp } from '../src/app'
import { pbkdf2Hasher } from '../src/auth/password'
import type { Actor } from '../src/auth/roles'
import { signIn } from '../src/auth/service'
import { loadConfig } from '../src/config'
import type { Db } from '../src/db'
import { registerReturn } from '../src/returns/service'
import { countInProcess } from '../src/rate-limit'
import { memoryBlobStore } from '../src/storage'

export interface BenchApp {
  app: ReturnType<typeof createApp>
  db: Db
  client: Client
  /**
   * A stock libSQL client on the same file, for the bare peers and baselines: as shipped, it
   * prepares every statement on each call, where the app's client keeps them
   * (db/statement-cache.ts).
   */
  stock: Client
  config: ReturnType<typeof loadConfig>
  /** Signs a demo account in (few PBKDF2 iterations) and returns its actor and session token. */
  signIn(email: string, kind: 'WEB' | 'API'): Promise<{ actor: Actor; token: string }>
  close(): Promise<void>
}

export async function benchApp(): Promise<BenchApp> {
  const dir = await mkdtemp(join(tmpdir(), 'nestwork-bench-'))
  const url = `file:${join(dir, 'bench.db')}`
  const { db, client } = await openLibsql(url)
  const stock = createClient({ url, concurrency: 1, timeout: 5000 })
  await stock.execute('pragma synchronous = normal')
  await stock.execute('pragma foreign_keys = on')
  // As the Node server does with its embedded file (src/node.ts).
  countInProcess(db)
  const hasher = pbkdf2Hasher(1000)
  await seedDemo(db, hasher)
  const config = loadConfig({ NODE_ENV: 'production' })
  const app = createApp({
    db,
    config,
    hasher,
    now: () => new Date(),
    clientIp: (c) => c.req.header('x-bench-ip') ?? '127.0.0.1',
    blobs: memoryBlobStore(),
  })
  return {
    app,
    db,
    client,
    stock,
    config,
    signIn: async (email, kind) => {
      const deps = { hasher, now: () => new Date() }
      const input = { email, password: demoPassword, ip: '127.0.0.1', kind }
      const { actor, token } = await signIn(db, deps, input)
      return { actor, token }
    },
    close: async () => {
      stock.close()
      client.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Registers `count` returns as `merchant` and returns their codes, in order. */
export async function registerReturns(b: BenchApp, merchant: Actor, count: number) {
  const codes: string[] = []
  for (let i = 0; i < count; i++) {
    const input = {
      orderRef: `BENCH-${i}`,
      category: 'TOYS' as const,
      itemDescription: 'Stacking rings',
      orderValueFen: 5_900 + i,
      largeItem: false,
      reason: 'Arrived damaged',
      hubId: demoHubs[i % demoHubs.length]!.id,
      customerContact: undefined,
    }
    const r = await registerReturn(b.db, merchant, input, new Date(), b.config.contactKey)
    codes.push(r.code)
  }
  return codes
}

/** An IPv4 address of its own for the i-th simulated customer (10.0.0.0/8). */
export const customerIp = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`

/** Runs `body` `count` times in sequence and returns the seconds it took. */
export async function timedLoop(count: number, body: (i: number) => Promise<void>) {
  const started = performance.now()
  for (let i = 0; i < count; i++) await body(i)
  return (performance.now() - started) / 1000
}
