import type { ExecutionContext } from '@cloudflare/workers-types'
import { afterEach, describe, expect, it, vi } from 'vitest'
import worker from '../../src/worker'

/**
 * The Worker entry in production without CONTACT_KEY: it never falls back to the development
 * key, answers 503 in the visitor's language without detail, and logs why once.
 */
afterEach(() => {
  vi.restoreAllMocks()
})

describe('a production Worker without CONTACT_KEY', () => {
  it('answers 503 in the visitor’s language and logs the reason once', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const ctx = {} as ExecutionContext
    const env = { NODE_ENV: 'production' }
    const en = await worker.fetch(
      new Request('https://nestwork.test/login', { headers: { 'accept-language': 'en' } }),
      env,
      ctx,
    )
    expect(en.status).toBe(503)
    expect(await en.text()).toContain('Nestwork is not available')
    const zh = await worker.fetch(new Request('https://nestwork.test/healthz'), env, ctx)
    expect(zh.status).toBe(503)
    const body = await zh.text()
    expect(body).toContain('暂不可用')
    expect(body).not.toContain('CONTACT_KEY')
    expect(logged).toHaveBeenCalledTimes(1)
    expect(String(logged.mock.calls[0]![0])).toContain('CONTACT_KEY is not set')
  })
})
