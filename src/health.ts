/**
 * The health check behind `/healthz`: the database must answer a read and accept a write. A
 * read alone says ok on a read-only file, a full disk or a read-only replica, where every form
 * would then fail.
 */
import { sql } from 'drizzle-orm'
import { healthChecks } from '../db/schema'
import type { Db } from './db'

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
