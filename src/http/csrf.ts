import { getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { newSecret } from '../auth/tokens'
import { DomainError } from '../errors'
import { cookieNames, cookieOptions } from './cookies'
import type { AppEnv } from './types'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Double-submit CSRF protection for every form and htmx request: a random token lives in a
 * cookie and must come back in the `_csrf` field or the `x-csrf-token` header. The browser's
 * Origin, when sent, must be our own. GraphQL is exempt: it accepts only bearer tokens, which a
 * cross-site page cannot attach.
 */
export const csrfProtection = () =>
  createMiddleware<AppEnv>(async function csrfProtection(c, next) {
    const cookieToken = getCookie(c, cookieNames.csrf)
    const valid = cookieToken !== undefined && cookieToken.length >= 32
    const token = valid ? cookieToken : newSecret()
    if (!valid) setCookie(c, cookieNames.csrf, token, cookieOptions(c))
    c.set('csrfToken', token)
    if (safeMethods.has(c.req.method)) return next()

    const origin = c.req.header('origin')
    if (origin && origin !== new URL(c.req.url).origin) throw csrfError()
    const sent = c.req.header('x-csrf-token') ?? (await formToken(c.req.raw.clone()))
    if (!valid || sent !== cookieToken) throw csrfError()
    await next()
  })

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
