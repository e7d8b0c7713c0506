// `/readyz` through the Worker entry on D1, whose migrations wrangler records in `d1_migrations`
// (file names): ready once all are applied, 503 while one is missing, as on an unmigrated D1.
import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'

describe('/readyz on workerd with D1', () => {
  it('is ready with every migration applied, and unready while one is missing', async () => {
    const ready = await SELF.fetch('https://nestwork.test/readyz')
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })

    const last = await env.DB.prepare('select max(name) as name from d1_migrations').first<{
      name: string
    }>()
    await env.DB.prepare('delete from d1_migrations where name = ?').bind(last!.name).run()
    try {
      const behind = await SELF.fetch('https://nestwork.test/readyz')
      expect(behind.status).toBe(503)
      expect(await behind.json()).toEqual({
        status: 'unready',
        failed: ['migrations'],
        pendingMigrations: 1,
      })
    } finally {
      // The schema is still there: put its record back so no later setup re-applies it.
      await env.DB.prepare('insert into d1_migrations (name) values (?)').bind(last!.name).run()
    }
  })
})
