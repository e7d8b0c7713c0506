import type { Context } from 'hono'
import { setCookie } from 'hono/cookie'
import { newSecret } from '../auth/tokens'
import { sha256Text } from '../auth/sha256'
import { toBase64Url } from '../encoding'
import { DomainError } from '../errors'
import { cookieNames, cookieOptions, type Cookies } from './cookies'
import type { AppEnv } from './types'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF protection for every form and htmx request: a token must come back in the `_csrf` field or
 * the `x-csrf-token` header. Signed in, the token is derived from the session secret, so it is
 * bound to that session: a token from another session, or from before signing in, is refused.
 * Signed out (the sign-in form, the language switch), it is a random token double-submitted
 * from a cookie. The browser's Origin, when sent, must be our own. GraphQL is exempt: it accepts
 * only bearer tokens, which a cross-site page cannot attach; its multipart and form bodies have
 * their own check (graphql-csrf.ts).
 */
export async function csrfProtection(c: Context<AppEnv>, cookies: Cookies): Promise<void> {
  const sessionToken = c.get('actor') ? cookies[cookieNames.session] : undefined
  const cookieToken = cookies[cookieNames.csrf]
  const validCookie = cookieToken !== undefined && cookieToken.length >= 32
  // A token minted now was never handed out, so nothing sent with this request can match it.
  const minted = !sessionToken && !validCookie
  const token = sessionToken
    ? await sessionCsrfToken(sessionToken)
    : validCookie
      ? cookieToken
      : newSecret()
  if (minted) setCookie(c, cookieNames.csrf, token, cookieOptions(c))
  c.set('csrfToken', token)
  if (safeMethods.has(c.req.method)) return

  const origin = c.req.header('origin')
  if (origin && origin !== new URL(c.req.url).origin) throw csrfError()
  const sent = c.req.header('x-csrf-token') ?? (await formToken(c.req.raw.clone()))
  if (minted || sent !== token) throw csrfError()
}

/**
 * The CSRF token of the signed-in session whose secret is `sessionToken`: a one-way function of
 * it (kept apart from the stored session hash by its prefix), so a page that shows the token
 * reveals nothing about the session.
 */
export async function sessionCsrfToken(sessionToken: string): Promise<string> {
  return toBase64Url(sha256Text(`csrf:${sessionToken}`))
}

async function formToken(request: Request): Promise<string | undefined> {
  const type = request.headers.get('content-type') ?? ''
  if (!type.includes('form')) return undefined
  const value = (await request.formData().catch(() => null))?.get('_csrf')
  return typeof value === 'string' ? value : undefined
}

const csrfError = () =>
  new DomainError('FORBIDDEN', 'The form expired or came from another site. Reload the page.', {
    reason: 'CSRF',
  })
