import type { Context } from 'hono'
import { deleteCookie } from 'hono/cookie'
import { actorForSession } from '../auth/service'
import { negotiateLocale, translator } from '../i18n'
import { cookieNames, cookieOptions, type Cookies } from './cookies'
import type { AppEnv } from './types'

/**
 * Loads the signed-in user from the session cookie and picks the page language: the first step
 * of a page request (src/http/page-request.ts).
 */
export async function readSession(c: Context<AppEnv>, cookies: Cookies): Promise<void> {
  const { db, now } = c.get('deps')
  const token = cookies[cookieNames.session]
  const user = token ? await actorForSession(db, token, 'WEB', now()) : null
  // An ended session's cookie is dropped, so the browser is plainly signed out (and its forms
  // carry the signed-out CSRF token) rather than holding a dead secret.
  if (token && !user) deleteCookie(c, cookieNames.session, cookieOptions(c))
  const actor = user && { ...user, requestId: c.get('requestId') }
  const locale = negotiateLocale(
    actor?.locale,
    cookies[cookieNames.locale],
    c.req.header('accept-language'),
  )
  c.set('actor', actor)
  c.set('locale', locale)
  c.set('t', translator(locale))
}
