import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { cookieNames, cookieOptions } from '../http/cookies'
import type { AppEnv } from '../http/types'
import { revokeSession, sessionPolicy } from './service'
import { newSecret } from './tokens'

/**
 * Hands a browser the session just opened for it. Rotation: a session (and CSRF token) from
 * before is never carried into it, so one planted in this browser beforehand is worthless.
 */
export async function startBrowserSession(c: Context<AppEnv>, token: string) {
  const { db, now } = c.get('deps')
  const previous = getCookie(c, cookieNames.session)
  if (previous) await revokeSession(db, previous, now())
  setCookie(c, cookieNames.csrf, newSecret(), cookieOptions(c))
  setCookie(c, cookieNames.session, token, cookieOptions(c, sessionPolicy.WEB.absoluteMs / 1000))
}
