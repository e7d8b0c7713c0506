// `/readyz` says ready only when the database has every migration this code was built with and
// takes a write; `/healthz` (liveness) does not look at migrations. On Node the migrations are
// drizzle's (`__drizzle_migrations`); test/runtime/readiness.test.ts covers D1's table.
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../helpers/app'

async function readyz(t: Awaited<ReturnType<typeof createTestApp>>) {
  const res = await t.app.request('http://localhost/readyz')
  return { status: res.status, cache: res.headers.get('cache-control'), body: await res.json() }
}

describe('/readyz', () => {
  it('is ready on a migrated database that takes writes', async () => {
    const t = await createTestApp({ seed: false })
    expect(await readyz(t)).toEqual({ status: 200, cache: 'no-store', body: { status: 'ready' } })
  })

  it('is unready, counting them, while migrations are missing; /healthz still says ok', async () => {
    const t = await createTestApp({ seed: false })
    await t.client.execute(
      'delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)',
    )
    expect(await readyz(t)).toMatchObject({
      status: 503,
      body: { status: 'unready', failed: ['migrations'], pendingMigrations: 1 },
    })
    expect((await t.app.request('http://localhost/healthz')).status).toBe(200)

    await t.client.execute('drop table __drizzle_migrations')
    const { body } = await readyz(t)
    expect(body.pendingMigrations).toBeGreaterThan(20)
  })

  it('is unready while the database refuses writes, and says which check failed', async () => {
    const logged: unknown[] = []
    const t = await createTestApp({ seed: false, deps: { logError: (e) => logged.push(e) } })
    await t.client.execute('pragma query_only = on')
    expect(await readyz(t)).toMatchObject({
      status: 503,
      body: { status: 'unready', failed: ['database-write'] },
    })
    expect(logged).toHaveLength(1)
  })
})
