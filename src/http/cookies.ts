import type { Context } from 'hono'
import type { CookieOptions } from 'hono/utils/cookie'

export const cookieNames = { session: 'nw_session', csrf: 'nw_csrf', locale: 'nw_lang' } as const

/** The request's cookies by name, parsed once per request (`getCookie(c)`). */
export type Cookies = Readonly<Record<string, string | undefined>>

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

/** HttpOnly, SameSite=Lax, and Secure everywhere except plain-HTTP development on localhost. */
export function cookieOptions(c: Context, maxAgeSeconds?: number): CookieOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: !localHosts.has(new URL(c.req.url).hostname),
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  }
}
