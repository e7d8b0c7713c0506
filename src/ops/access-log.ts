/**
 * The access log: one record per request, written after the answer is ready. It names the
 * route pattern (`/returns/:id`), never the path or query, which can hold return codes, tokens or
 * a customer's search; and the signed-in user's id, never their email.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { AppEnv } from '../http/types'

export interface RequestRecord {
  requestId: string
  method: string
  /** The pattern of the route that answered, or `unmatched` (a 404 no route claimed). */
  route: string
  status: number
  /** From the request's arrival to its answer (on Workers the clock moves only across I/O). */
  durationMs: number
  /** The signed-in user behind a page request; null for visitors and bearer-token calls. */
  userId: string | null
}

/**
 * Calls `record` once per request with what it was and how it went.
 * @example app.use(accessLog((r) => log.info('request', r)))
 */
export function accessLog(record: (r: RequestRecord) => void): MiddlewareHandler<AppEnv> {
  return async function accessLog(c, next) {
    const started = performance.now()
    try {
      await next()
    } finally {
      record({
        requestId: c.get('requestId'),
        method: c.req.method,
        route: routeOf(c),
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        userId: c.get('actor')?.userId ?? null,
      })
    }
  }
}

/**
 * The route that answered, or, when a middleware for every path answered (a sign-in redirect, a
 * CSRF refusal), the route the request was for: the first one after it. No such route means no
 * route wanted the request; the raw path must not stand in for it.
 */
function routeOf(c: Context): string {
  const routes = matchedRoutes(c)
  const route = routes.slice(c.req.routeIndex).find((r) => !catchAll.has(r.path))
  return route?.path ?? 'unmatched'
}

const catchAll = new Set(['*', '/*'])
