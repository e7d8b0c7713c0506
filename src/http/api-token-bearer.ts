import type { Context } from 'hono'
import { actorForApiToken, looksLikeApiToken } from '../api-tokens/service'
import { routeTemplateOf, tokenMayUseRoute } from '../api-tokens/scopes'
import { translator } from '../i18n'
import type { AppEnv } from './types'

/**
 * `Authorization: Bearer nwk_…` on a page route: a program fetching a download (a label, a
 * statement CSV) with an API token. Runs after `session`; an unknown or revoked token is a 401
 * (never a redirect to sign-in), anything the token's scopes do not list in `routeScopes`, and
 * every non-GET, is a 403 (the answer returned). Otherwise the route runs as the token's owner.
 */
export async function apiTokenBearer(c: Context<AppEnv>): Promise<Response | undefined> {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')
  const token = match?.[1]
  if (!token || !looksLikeApiToken(token)) return undefined
  const { db, now } = c.get('deps')
  const user = await actorForApiToken(db, token, now())
  if (!user) {
    return c.json({ error: 'UNAUTHENTICATED', message: 'Unknown or revoked API token.' }, 401, {
      'WWW-Authenticate': 'Bearer',
    })
  }
  const template = routeTemplateOf(c.req.path)
  if (!template || !tokenMayUseRoute(user, c.req.method, template)) {
    return c.json(
      {
        error: 'FORBIDDEN',
        reason: 'API_SCOPE_MISSING',
        message: 'This API token may not do that.',
      },
      403,
    )
  }
  c.set('actor', { ...user, requestId: c.get('requestId') })
  c.set('locale', user.locale)
  c.set('t', translator(user.locale))
}
