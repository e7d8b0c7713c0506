import { deleteCookie, getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { actorForSession } from '../auth/service'
import { negotiateLocale, translator } from '../i18n'
import { cookieNames, cookieOptions } from './cookies'
import type { AppEnv } from './types'

/** Loads the signed-in user from the session cookie and picks the page language. */
export const session = () =>
  createMiddleware<AppEnv>(async function session(c, next) {
    const { db, now } = c.get('deps')
    const token = getCookie(c, cookieNames.session)
    const user = token ? await actorForSession(db, token, 'WEB', now()) : null
    // An ended session's cookie is dropped, so the browser is plainly signed out (and its forms
    // carry the signed-out CSRF token) rather than holding a dead secret.
    if (token && !user) deleteCookie(c, cookieNames.session, cookieOptions(c))
    const actor = user && { ...user, requestId: c.get('requestId') }
    const locale = negotiateLocale(
      actor?.locale,
      getCookie(c, cookieNames.locale),
      c.req.header('accept-language'),
    )
    c.set('actor', actor)
    c.set('locale', locale)
    c.set('t', translator(locale))
    await next()
  })
