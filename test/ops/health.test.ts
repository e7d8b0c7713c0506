import { describe, expect, it } from 'vitest'
import { createTestApp } from '../helpers/app'

/**
 * `/healthz` proves the database takes writes, not just reads: a read-only database (here made
 * so with `pragma query_only`, as a read-only file or a full disk would be) is reported
 * `degraded` with 503, so a load balancer stops sending it forms it cannot store.
 */
describe('/healthz', () => {
  it('says ok once a write has reached the database', async () => {
    const t = await createTestApp({ seed: false })
    t.setNow(new Date('2026-11-25T03:04:05.678Z'))
    const res = await t.app.request('http://localhost/healthz')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({ status: 'ok' })
    const row = (await t.client.execute('select id, checked_at from health_checks')) as {
      rows: { id: number; checked_at: string }[]
    }
    expect(row.rows.map((r) => ({ ...r }))).toEqual([
      { id: 1, checked_at: '2026-11-25T03:04:05.678Z' },
    ])
  })

  it('answers 503 degraded, naming the write, while the database is read-only', async () => {
    const logged: unknown[] = []
    const t = await createTestApp({
      seed: false,
      deps: { logError: (error) => logged.push(error) },
    })
    await t.client.execute('pragma query_only = on')
    const res = await t.app.request('http://localhost/healthz')
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ status: 'degraded', failed: ['database-write'] })
    expect(logged).toHaveLength(1)
    // drizzle wraps the driver's error: the cause says what the database refused.
    expect(String((logged[0] as Error).cause)).toMatch(/readonly/i)

    await t.client.execute('pragma query_only = off')
    expect((await t.app.request('http://localhost/healthz')).status).toBe(200)
  })
})
