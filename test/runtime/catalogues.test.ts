// The Worker's copy is not in its bundle: it reads the catalogues from its static assets
// (src/worker-shims/catalogues-from-assets.ts, swapped in for this suite by vitest.config.ts as
// wrangler.toml swaps it for the build), on an isolate's first request. The tests run in order:
// the first sees the isolate before anything has loaded them.
import { createExecutionContext, env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { catalogueOf } from '../../src/i18n'
// Imported directly, not through src/i18n, so this is the catalogue built from the sources.
import { currentCatalogues as fromSources } from '../../src/i18n/catalogues-bundled'
import worker, { type Env } from '../../src/worker'

const zh = fromSources()['zh-CN']

const loginPage = (language: string) =>
  new Request('https://nestwork.test/login', { headers: { 'accept-language': language } })

describe('the Worker’s copy, read from the ASSETS binding', () => {
  it('answers 503 while the catalogues cannot be read, and reads them again on the next request', async () => {
    const fetched: string[] = []
    let failing = true
    const assets = {
      fetch(input: RequestInfo | URL, init?: RequestInit) {
        fetched.push(new URL(input instanceof Request ? input.url : input).pathname)
        if (failing) return Promise.resolve(new Response('unavailable', { status: 503 }))
        return env.ASSETS.fetch(input, init)
      },
    }
    const bindings = { ...env, ASSETS: assets } as unknown as Env

    const down = await worker.fetch(loginPage('zh-CN'), bindings, createExecutionContext())
    expect(down.status).toBe(503)
    expect(await down.text()).toBe(zh['error.unavailable'])
    expect(fetched).toContain('/i18n/zh-CN.json')

    failing = false
    fetched.length = 0
    const up = await worker.fetch(loginPage('zh-CN'), bindings, createExecutionContext())
    expect(up.status).toBe(200)
    expect(await up.text()).toContain(zh['signIn.title'])
    expect(fetched.sort()).toEqual(['/i18n/en.json', '/i18n/zh-CN.json'])

    // Loaded once for the isolate: later requests read nothing more.
    fetched.length = 0
    const again = await worker.fetch(loginPage('en'), bindings, createExecutionContext())
    expect(await again.text()).toContain(fromSources().en['signIn.title'])
    expect(fetched).toEqual([])
  })

  it('serves a page in Chinese with the copy the sources hold', async () => {
    const res = await SELF.fetch(loginPage('zh-CN'))
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(zh['signIn.title'])
    expect(html).toContain(zh['signIn.password'])
    expect(catalogueOf('zh-CN')).toEqual(zh)
  })
})
