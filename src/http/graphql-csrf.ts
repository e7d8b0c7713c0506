/**
 * CSRF protection for /graphql. The API reads no cookie (a bearer token or nobody), but yoga
 * parses multipart and urlencoded bodies too, and those a cross-site page can post with the
 * browser's cookies and no preflight. So a POST with cookies that is not JSON or GraphQL text
 * must carry a header such a page cannot set: `Authorization: Bearer …`, or the pages' own
 * `x-csrf-token` holding this browser's token (both are refused in a preflight by the CORS policy
 * of yoga.ts). This is the rule of yoga's CSRF prevention plugin and Apollo's `csrfPrevention`,
 * with the header checked against the session as src/http/csrf.ts checks it. A request without
 * cookies carries no one's authority to borrow: it goes on, and is anonymous unless it has a token.
 */
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { cookieNames } from './cookies'
import { sessionCsrfToken } from './csrf'
import type { AppEnv } from './types'

/** Bodies only a same-origin script (or a program) can send: a browser preflights them. */
const preflighted = new Set(['application/json', 'application/graphql'])

export const graphqlCsrf = () =>
  createMiddleware<AppEnv>(async function graphqlCsrf(c, next) {
    if (c.req.method !== 'POST') return next()
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (preflighted.has(mediaType) || !c.req.header('cookie')) return next()
    if (/^Bearer\s+\S+$/i.test(c.req.header('authorization') ?? '')) return next()
    const sent = c.req.header('x-csrf-token')
    if (sent && (await expectedTokens(c)).includes(sent)) return next()
    return c.json(
      {
        errors: [
          {
            message:
              'A multipart or form request to /graphql needs an Authorization: Bearer header or the page’s x-csrf-token header.',
            extensions: { code: 'FORBIDDEN', reason: 'CSRF' },
          },
        ],
      },
      403,
    )
  })

/** The tokens pages hand this browser: its session's, and the signed-out double-submit cookie. */
async function expectedTokens(c: Context<AppEnv>) {
  const session = getCookie(c, cookieNames.session)
  const cookie = getCookie(c, cookieNames.csrf)
  return [
    ...(session ? [await sessionCsrfToken(session)] : []),
    ...(cookie && cookie.length >= 32 ? [cookie] : []),
  ]
}
