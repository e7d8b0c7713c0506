import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { actorForSession } from '../auth/service'
import { negotiateLocale, translator } from '../i18n'
import { cookieNames } from './cookies'
import type { AppEnv } from './types'

/** Loads the signed-in user from the session cookie and picks the page language. */
export const session = () =>
  createMiddleware<AppEnv>(async function session(c, next) {
    const { db, now } = c.var.deps
    const token = getCookie(c, cookieNames.session)
    const user = token ? await actorForSession(db, token, 'WEB', now()) : null
    const actor = user && { ...user, requestId: c.var.requestId }
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
