/**
 * The checks behind `/healthz` and `/readyz`. Liveness (`/healthz`): the database must answer a
 * read and accept a write; a read alone says ok on a read-only file, a full disk or a read-only
 * replica, where every form would then fail. Readiness (`/readyz`) adds that the database has
 * every migration this code expects.
 */
import { sql } from 'drizzle-orm'
import { healthChecks } from '../db/schema'
import type { Db } from './db'
import { pendingMigrations } from './ops/migrations-state'

export type HealthProbe = 'database-read' | 'database-write'

export type Health = { status: 'ok' } | { status: 'degraded'; failed: HealthProbe[] }

/**
 * Reads, then rewrites the one `health_checks` row with `now` (a changed value, so the write
 * really reaches the file). Failures are passed to `log` and named in the answer, never thrown.
 * @example const health = await checkHealth(db, new Date(), console.error)
 */
export async function checkHealth(
  db: Db,
  now: Date,
  log?: (error: unknown) => void,
): Promise<Health> {
  const probes: [HealthProbe, () => Promise<unknown>][] = [
    ['database-read', () => db.run(sql`select 1`)],
    [
      'database-write',
      () =>
        db
          .insert(healthChecks)
          .values({ id: 1, checkedAt: now.toISOString() })
          .onConflictDoUpdate({ target: healthChecks.id, set: { checkedAt: now.toISOString() } }),
    ],
  ]
  const failed: HealthProbe[] = []
  for (const [name, probe] of probes) {
    try {
      await probe()
    } catch (error) {
      log?.(error)
      failed.push(name)
    }
  }
  return failed.length === 0 ? { status: 'ok' } : { status: 'degraded', failed }
}

export type ReadinessCheck = HealthProbe | 'migrations'

export type Readiness =
  { status: 'ready' } | { status: 'unready'; failed: ReadinessCheck[]; pendingMigrations?: number }

/**
 * The readiness check behind `/readyz`: every migration this code was built with is applied,
 * and the database takes a write (`checkHealth`). A database that is reachable but behind — a
 * D1 nobody ran `wrangler d1 migrations apply` on, a restore of an older snapshot on a Worker —
 * serves `/healthz` but fails pages; this keeps traffic away from it until it has caught up.
 * @example const readiness = await checkReadiness(db, new Date(), console.error)
 */
export async function checkReadiness(
  db: Db,
  now: Date,
  log?: (error: unknown) => void,
): Promise<Readiness> {
  const failed: ReadinessCheck[] = []
  let pending: number | undefined
  try {
    pending = (await pendingMigrations(db)).length
    if (pending > 0) failed.push('migrations')
  } catch (error) {
    log?.(error)
    failed.push('migrations')
  }
  const health = await checkHealth(db, now, log)
  if (health.status !== 'ok') failed.push(...health.failed)
  if (failed.length === 0) return { status: 'ready' }
  return pending
    ? { status: 'unready', failed, pendingMigrations: pending }
    : { status: 'unready', failed }
}
