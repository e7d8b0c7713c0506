/** Sign-in, sign-out and the language switch: the pages side of authentication. */
import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import * as z from '../zod'
import { locales } from '../../db/schema'
import { SignInPage, type SignInFormProps } from '../../views/auth/sign-in'
import { RateLimited } from '../errors'
import { cookieNames, cookieOptions } from '../http/cookies'
import { form } from '../http/form'
import { attempt, refused } from '../http/respond'
import type { AppEnv } from '../http/types'
import { localeSchema, signInSchema } from './schemas'
import { revokeSession, sessionPolicy, setLocale, signIn } from './service'
import { linkRoutes } from './link-routes'
import { throttledCopy } from './throttled-copy'
import { newSecret } from './tokens'

export const authRoutes = new Hono<AppEnv>()

/** Only same-site paths may be redirect targets, so `next` cannot send people elsewhere. */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/'
}

/** Where to go afterwards: a same-site path, or home; never a reason to refuse the form. */
const next = z.pipe(z.optional(z.unknown()), z.transform(safeNext))

authRoutes.get('/login', (c) => {
  if (c.get('actor')) return c.redirect('/')
  const to = c.req.query('next')
  return c.render(<SignInPage next={to ? safeNext(to) : undefined} />, {
    title: c.get('t')('signIn.title'),
  })
})

const signInPage = (c: Context<AppEnv>, props: SignInFormProps) =>
  c.render(<SignInPage {...props} />, { title: c.get('t')('signIn.title') })

authRoutes.post(
  '/login',
  form(z.extend(signInSchema, { next }), (c, { fields, sent }) =>
    signInPage(c, { email: sent.email, next: safeNext(sent.next), errors: fields }),
  ),
  async (c) => {
    const { deps } = c.var
    const { email, password, next: to } = c.req.valid('form')
    const previous = getCookie(c, cookieNames.session)
    const outcome = await attempt(
      signIn(deps.db, deps, { email, password, ip: deps.clientIp(c), kind: 'WEB' }),
      ['UNAUTHENTICATED', 'RATE_LIMITED'],
    )
    if (!outcome.ok) {
      const { error } = outcome
      const failure =
        error instanceof RateLimited ? throttledCopy(c, error) : c.get('t')('signIn.failed')
      const props = { email, next: to, failure }
      return refused(c, error, {
        fragment: () => <SignInPage {...props} />,
        page: () => signInPage(c, props),
      })
    }
    const { token, actor } = outcome.value
    // A language picked on this device before signing in is the user's latest choice.
    const chosen = locales.find((locale) => locale === getCookie(c, cookieNames.locale))
    if (chosen && chosen !== actor.locale) await setLocale(deps.db, actor, chosen)
    // Rotation: a session (and CSRF token) from before signing in is never carried into it, so
    // one planted in this browser beforehand is worthless.
    if (previous) await revokeSession(deps.db, previous, deps.now())
    setCookie(c, cookieNames.csrf, newSecret(), cookieOptions(c))
    setCookie(c, cookieNames.session, token, cookieOptions(c, sessionPolicy.WEB.absoluteMs / 1000))
    return c.redirect(to, 303)
  },
)

authRoutes.post('/logout', async (c) => {
  const token = getCookie(c, cookieNames.session)
  if (token) await revokeSession(c.get('deps').db, token, c.get('deps').now())
  deleteCookie(c, cookieNames.session, cookieOptions(c))
  return c.redirect('/login', 303)
})

authRoutes.post('/locale', form(z.extend(localeSchema, { next })), async (c) => {
  const { locale, next: to } = c.req.valid('form')
  const actor = c.get('actor')
  if (actor) await setLocale(c.get('deps').db, actor, locale)
  setCookie(c, cookieNames.locale, locale, cookieOptions(c, 365 * 24 * 3600))
  return c.redirect(to, 303)
})

authRoutes.route('/', linkRoutes)
