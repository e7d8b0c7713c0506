/** Sign-in, sign-out and the language switch: the pages side of authentication. */
import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { SignInPage } from '../../views/auth/sign-in'
import { DomainError, InvalidInput, RateLimited } from '../errors'
import { cookieNames, cookieOptions } from '../http/cookies'
import type { AppEnv } from '../http/types'
import { localeSchema, signInSchema } from './schemas'
import { revokeSession, sessionPolicy, setLocale, signIn } from './service'
import { newSecret } from './tokens'

export const authRoutes = new Hono<AppEnv>()

/**
 * What a throttled attempt is told on a page: which limit, and when to retry (also as
 * `Retry-After`).
 */
export function throttledCopy(c: Context<AppEnv>, error: RateLimited): string {
  c.header('Retry-After', String(error.retryAfterSeconds))
  const reason = error.details.reason
  const key =
    reason === 'ADDRESS' || reason === 'ACCOUNT'
      ? (`signIn.throttled.${reason}` as const)
      : 'signIn.throttled.ACCOUNT_AND_ADDRESS'
  return c.var.t(key, { seconds: error.retryAfterSeconds })
}

/** Only same-site paths may be redirect targets, so `next` cannot send people elsewhere. */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/'
}

authRoutes.get('/login', (c) => {
  if (c.var.actor) return c.redirect('/')
  const next = c.req.query('next')
  return c.render(<SignInPage next={next ? safeNext(next) : undefined} />, {
    title: c.var.t('signIn.title'),
  })
})

authRoutes.post('/login', async (c) => {
  const t = c.var.t
  const form = await c.req.parseBody()
  const next = safeNext(form.next)
  const title = t('signIn.title')
  const email = typeof form.email === 'string' ? form.email : ''
  const parsed = signInSchema.safeParse(form)
  if (!parsed.success) {
    const errors: Record<string, string> = {}
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message
    c.status(400)
    return c.render(<SignInPage email={email} next={next} errors={errors} />, { title })
  }
  try {
    const { deps } = c.var
    const previous = getCookie(c, cookieNames.session)
    const { token, actor } = await signIn(deps.db, deps, {
      ...parsed.data,
      ip: deps.clientIp(c),
      kind: 'WEB',
    })
    // A language picked on this device before signing in is the user's latest choice.
    const chosen = localeSchema.safeParse({ locale: getCookie(c, cookieNames.locale) })
    if (chosen.success && chosen.data.locale !== actor.locale) {
      await setLocale(deps.db, actor, chosen.data.locale)
    }
    // Rotation: a session (and CSRF token) from before signing in is never carried into it, so
    // one planted in this browser beforehand is worthless.
    if (previous) await revokeSession(deps.db, previous, deps.now())
    setCookie(c, cookieNames.csrf, newSecret(), cookieOptions(c))
    setCookie(c, cookieNames.session, token, cookieOptions(c, sessionPolicy.WEB.absoluteMs / 1000))
    return c.redirect(next, 303)
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    const failure = error instanceof RateLimited ? throttledCopy(c, error) : t('signIn.failed')
    c.status(error.status as 401)
    return c.render(<SignInPage email={email} next={next} failure={failure} />, { title })
  }
})

authRoutes.post('/logout', async (c) => {
  const token = getCookie(c, cookieNames.session)
  if (token) await revokeSession(c.var.deps.db, token, c.var.deps.now())
  deleteCookie(c, cookieNames.session, cookieOptions(c))
  return c.redirect('/login', 303)
})

authRoutes.post('/locale', async (c) => {
  const form = await c.req.parseBody()
  const parsed = localeSchema.safeParse(form)
  if (!parsed.success) throw new InvalidInput('locale', 'choose en or zh-CN')
  const { locale } = parsed.data
  if (c.var.actor) await setLocale(c.var.deps.db, c.var.actor, locale)
  setCookie(c, cookieNames.locale, locale, cookieOptions(c, 365 * 24 * 3600))
  return c.redirect(safeNext(form.next), 303)
})
