/**
 * `GET /metrics` on Node: the Prometheus text, only to a scraper presenting METRICS_TOKEN as a
 * bearer token. Without METRICS_TOKEN the route does not exist: request counts by route and the
 * database size are not for the public.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Handler } from 'hono'
import * as z from '../zod'
import type { Gauge, Metrics } from './metrics'

const tokenSchema = z.optional(
  z.string().check(
    z.minLength(32, {
      error: 'METRICS_TOKEN must be at least 32 characters, e.g. $(openssl rand -hex 32)',
    }),
  ),
)

/**
 * METRICS_TOKEN from the environment: undefined when unset (no /metrics), an error when too short
 * to be a secret.
 * @example const token = metricsToken(process.env)
 */
export function metricsToken(env: Record<string, string | undefined>): string | undefined {
  const parsed = tokenSchema.safeParse(env.METRICS_TOKEN || undefined)
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message)
  return parsed.data
}

/**
 * The handler: 401 without the right token, else the metrics with `gauges()` measured now.
 * @example app.get('/metrics', metricsEndpoint(metrics, token, async () => [dbSize]))
 */
export function metricsEndpoint(
  metrics: Metrics,
  token: string,
  gauges: () => Promise<Gauge[]>,
): Handler {
  const expected = digest(token)
  return async (c) => {
    c.header('Cache-Control', 'no-store')
    const presented = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1]
    // Digests have one length, so the comparison takes the same time whatever was sent.
    if (!presented || !timingSafeEqual(digest(presented), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"')
      return c.text('Unauthorized', 401)
    }
    const body = metrics.render(await gauges())
    return c.body(body, 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' })
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest()
