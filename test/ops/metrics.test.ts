// `/metrics` (Node): Prometheus text behind a bearer token, with request durations by route
// pattern, statement and job counts, and what is measured at scrape time. The Worker entry never
// imports it, so it is not in the Worker bundle.
import type { Client } from '@libsql/client'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { createMetrics } from '../../src/ops/metrics'
import { metricsEndpoint, metricsToken } from '../../src/ops/metrics-endpoint'
import { countStatementsOf } from '../../src/ops/statement-counter'
import { createTestApp } from '../helpers/app'

const token = 'metrics-test-token-0123456789abcdef'

async function measuredApp() {
  const metrics = createMetrics()
  const t = await createTestApp({
    deps: {
      logRequest: metrics.observeRequest,
      metrics: metricsEndpoint(metrics, token, async () => [
        { name: 'nestwork_db_size_bytes', help: 'Size of the database.', value: 4096 },
      ]),
    },
  })
  countStatementsOf(t.client as unknown as Client, metrics.countStatements)
  const scrape = (authorization?: string) =>
    t.app.request('http://localhost/metrics', {
      headers: authorization ? { authorization } : {},
    })
  return { t, metrics, scrape }
}

describe('/metrics', () => {
  it('answers 401 without the token or with another one', async () => {
    const { scrape } = await measuredApp()
    for (const auth of [undefined, 'Bearer wrong', `Basic ${token}`, `Bearer ${token}x`]) {
      const res = await scrape(auth)
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toContain('Bearer')
      expect(await res.text()).not.toContain('nestwork_')
    }
  })

  it('counts requests by route pattern, statements and job runs, in the text format', async () => {
    const { t, metrics, scrape } = await measuredApp()
    await t.app.request('http://localhost/track?code=NW-SECRET')
    await t.app.request('http://localhost/track')
    await t.app.request('http://localhost/healthz')
    metrics.observeJob({ name: 'prune-expired', changed: 3 })
    metrics.observeJob({ name: 'prune-expired', error: new Error('locked') })

    const res = await scrape(`Bearer ${token}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const text = await res.text()
    for (const line of text.trimEnd().split('\n')) {
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? [\d.e+-]+)$/)
    }
    expect(text).toContain('# TYPE nestwork_http_request_duration_seconds histogram')
    // The two /track requests, whatever each answered, under the one pattern.
    const trackCounts = [
      ...text.matchAll(/_count\{route="\/track",method="GET",status="\d+"\} (\d+)/g),
    ].map((m) => Number(m[1]))
    expect(trackCounts.reduce((a, b) => a + b, 0)).toBe(2)
    expect(text).toMatch(
      /nestwork_http_request_duration_seconds_bucket\{route="\/healthz",.*le="\+Inf"\} 1/,
    )
    expect(text).not.toContain('NW-SECRET')
    expect(Number(/nestwork_db_statements_total (\d+)/.exec(text)?.[1])).toBeGreaterThan(0)
    expect(text).toContain('nestwork_job_runs_total{job="prune-expired",outcome="ok"} 1')
    expect(text).toContain('nestwork_job_runs_total{job="prune-expired",outcome="error"} 1')
    expect(text).toContain('nestwork_job_changes_total{job="prune-expired"} 3')
    expect(text).toContain('nestwork_db_size_bytes 4096')
  })

  it('is off without METRICS_TOKEN and refuses one too short to be a secret', async () => {
    expect(metricsToken({})).toBeUndefined()
    expect(metricsToken({ METRICS_TOKEN: '' })).toBeUndefined()
    expect(metricsToken({ METRICS_TOKEN: token })).toBe(token)
    expect(() => metricsToken({ METRICS_TOKEN: 'short' })).toThrow(/at least 32 characters/)
    const t = await createTestApp({ seed: false })
    expect((await t.app.request('http://localhost/metrics')).status).toBe(404)
  })

  it('stays out of the Worker bundle', async () => {
    const result = await build({
      entryPoints: ['src/worker.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'neutral',
      packages: 'external',
      logLevel: 'silent',
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs).toContain('src/ops/log.ts')
    expect(inputs.filter((path) => /metrics|statement-counter/.test(path))).toEqual([])
  })
})
