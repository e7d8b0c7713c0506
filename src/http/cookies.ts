import type { Context } from 'hono'
import type { CookieOptions } from 'hono/utils/cookie'

export const cookieNames = { session: 'nw_session', csrf: 'nw_csrf', locale: 'nw_lang' } as const

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

/** HttpOnly, SameSite=Lax, and Secure everywhere except plain-HTTP development on localhost. */
export function cookieOptions(c: Context, maxAgeSeconds?: number): CookieOptions {
  const url = new URL(c.req.url)
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: !localHosts.has(url.hostname),
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  }
}
