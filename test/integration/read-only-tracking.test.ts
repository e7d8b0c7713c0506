import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'

// Runs on Node (libSQL) and under workerd (D1). Triggers stand in for a read-only or full disk:
// every write to the counters is refused, as `PRAGMA query_only` or a full volume would.
let t: TestApp
let code: string
let warn: ReturnType<typeof vi.spyOn>
beforeEach(async () => {
  t = await createTestApp()
  code = (await registerReturnFor(t, 1)).code
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => warn.mockRestore())

async function refuseCounterWrites() {
  for (const event of ['insert', 'update']) {
    await t.client.execute(
      `create trigger rate_limits_read_only_${event} before ${event} on rate_limits
       begin select raise(abort, 'attempt to write a readonly database'); end`,
    )
  }
}

const track = (ip = '198.51.100.7') =>
  t.app.request(`http://localhost/track?code=${code}`, { headers: { 'x-test-ip': ip } })

describe('public tracking on a database that refuses writes', () => {
  it('still answers the tracking page and returnByCode, and says why in the log', async () => {
    await refuseCounterWrites()
    const page = await track()
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('已登记')
    const api = await gql(t, 'query ($c: String!) { returnByCode(code: $c) { status } }', {
      c: code,
    })
    expect(api.errors).toBeUndefined()
    expect(api.data).toEqual({ returnByCode: { status: 'REGISTERED' } })
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/rate-limit/i), expect.anything())
  })

  it('still refuses an address whose stored count is already past the limit', async () => {
    for (let i = 0; i < 30; i++) expect((await track('203.0.113.5')).status).toBe(200)
    await refuseCounterWrites()
    expect((await track('203.0.113.5')).status).toBe(429)
    expect((await track('203.0.113.6')).status).toBe(200)
  })
})
