import type { Context, MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from './types'

/** The response headers every page (and the GraphQL endpoint) sends. */
function securityOptions(mapTileUrl: string) {
  return {
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // 'wasm-unsafe-eval' lets the station's camera scanner compile its self-hosted
      // WebAssembly barcode reader; it allows no JavaScript eval.
      scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', tileOrigin(mapTileUrl)],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
    // Hono's default (no-referrer) makes Chromium send `Origin: null` on same-site form posts,
    // which the CSRF check must refuse.
    referrerPolicy: 'strict-origin-when-cross-origin',
  }
}

/**
 * The pages' security headers (CSP, HSTS, nosniff, frame and referrer policies…).
 * @example app.use(pageSecurityHeaders(config.mapTileUrl))
 */
export const pageSecurityHeaders = (mapTileUrl: string): MiddlewareHandler =>
  secureHeaders(securityOptions(mapTileUrl))

/**
 * The same headers for `/graphql`, except that with GraphiQL (development only) there is no
 * CSP: its page needs inline scripts the pages' policy forbids. Answers are never stored: they
 * are one caller's data.
 */
export function graphqlSecurityHeaders(mapTileUrl: string, graphiql: boolean): MiddlewareHandler {
  const options = securityOptions(mapTileUrl)
  const headers = secureHeaders(
    graphiql ? { ...options, contentSecurityPolicy: undefined } : options,
  )
  return createMiddleware(async function graphqlSecurityHeaders(c, next) {
    await headers(c, next)
    // In place, as hono's secureHeaders does: `c.header` on a finished answer builds a new
    // Response, every header and the body copied (so privatePages below does the same).
    const answer = c.res.headers
    answer.set('Cache-Control', 'no-store')
    // Whether an answer may be read cross-origin depends on the Origin it was asked from.
    answer.append('Vary', 'Origin')
  })
}

/**
 * A signed-in page is one person's data: no cache, shared or private, may keep it. Every page
 * depends on the cookies (session, language, CSRF token), so caches are told so. Static files
 * are served before this and keep their own caching.
 */
export function markPrivate(c: Context<AppEnv>): void {
  const answer = c.res.headers
  answer.append('Vary', 'Cookie')
  const set = answer.get('Cache-Control') ?? ''
  if (c.get('actor') && !set.includes('no-store')) answer.set('Cache-Control', 'no-store')
}

/** Map tiles are the only images from elsewhere: allow exactly their origin. */
function tileOrigin(template: string): string {
  const origin = /^(https?:\/\/[^/]+)/.exec(template)?.[1]
  // A CSP wildcard stands for a whole leftmost label: webrd0{s}.is.autonavi.com → *.is.autonavi.com
  return origin ? origin.replace(/[^/.]*\{s\}[^.]*/, '*') : "'self'"
}
