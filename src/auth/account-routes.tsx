/** The account page (own sessions, password change); the user access page is users-routes. */
import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie } from 'hono/cookie'
import { AccountPage } from '../../views/auth/account-page'
import { cookieNames, cookieOptions } from '../http/cookies'
import type { AppEnv } from '../http/types'
import { parseInput } from '../parse-input'
import { PasswordForm, type PasswordFormErrors } from '../../views/auth/password-form'
import { RateLimited, type DomainError } from '../errors'
import { form, type FormRefusal } from '../http/form'
import { refusalText } from '../http/refusal-copy'
import { accepted, attempt, refused } from '../http/respond'
import { changePassword } from './password-change'
import { requireActor } from './roles'
import { passwordFormSchema, passwordPolicy, sessionIdSchema } from './schemas'
import { throttledCopy } from './throttled-copy'
import { teamRoutes } from './team-routes'
import { usersRoutes } from './users-routes'
import { listOwnSessions, revokeAllOwnSessions, revokeOwnSession } from './sessions'

export const accountRoutes = new Hono<AppEnv>()
type Ctx = Context<AppEnv>

accountRoutes.get('/account', async (c) => {
  const { db, now } = c.get('deps')
  const sessions = await listOwnSessions(
    db,
    c.get('actor'),
    getCookie(c, cookieNames.session) ?? null,
    now(),
  )
  const done = c.req.query('done')
  const notice =
    done === 'revoked'
      ? c.get('t')('account.revoked')
      : done === 'password'
        ? c.get('t')('account.password.changed')
        : undefined
  return c.render(<AccountPage sessions={sessions} notice={notice} />, {
    title: c.get('t')('account.title'),
  })
})

/** The form again, saying what is wrong: the fragment for htmx, the whole page without. */
function refusePasswordForm(c: Ctx, error: DomainError, errors: PasswordFormErrors) {
  return refused(c, error, {
    fragment: () => <PasswordForm errors={errors} />,
    page: async () => {
      const { db, now } = c.get('deps')
      const token = getCookie(c, cookieNames.session) ?? null
      const sessions = await listOwnSessions(db, c.get('actor'), token, now())
      return c.render(<AccountPage sessions={sessions} passwordErrors={errors} />, {
        title: c.get('t')('account.title'),
      })
    },
  })
}

/** Each wrong field of the form, in the page's words for a new password outside the policy. */
function formErrors(c: Ctx, { fields, sent }: FormRefusal): PasswordFormErrors {
  const t = c.get('t')
  const errors: PasswordFormErrors = {}
  if (fields.currentPassword) errors.currentPassword = t('account.password.error.current')
  if (fields.newPassword) {
    const length = sent.newPassword?.length ?? 0
    errors.newPassword =
      length < passwordPolicy.minLength
        ? t('account.password.error.short', { min: passwordPolicy.minLength })
        : length > passwordPolicy.maxLength
          ? t('account.password.error.long', { max: passwordPolicy.maxLength })
          : fields.newPassword
  }
  if (fields.repeatPassword) errors.repeatPassword = t('account.password.error.repeat')
  return errors
}

/** The change's refusals at the field they concern. */
function refusalErrors(c: Ctx, error: DomainError): PasswordFormErrors {
  const t = c.get('t')
  if (error instanceof RateLimited) return { currentPassword: throttledCopy(c, error) }
  if (error.details.field === 'currentPassword') {
    return { currentPassword: t('account.password.error.wrong') }
  }
  if (error.details.field === 'newPassword') {
    return { newPassword: t('account.password.error.same') }
  }
  return { currentPassword: refusalText({ t, locale: c.get('locale') }, error) }
}

accountRoutes.post(
  '/account/password',
  form(passwordFormSchema, (c, refusal) => {
    requireActor(c.get('actor'))
    return refusePasswordForm(c, refusal.error, formErrors(c, refusal))
  }),
  async (c) => {
    const { deps } = c.var
    const actor = requireActor(c.get('actor'))
    const { currentPassword, newPassword } = c.req.valid('form')
    const context = {
      ip: deps.clientIp(c),
      currentToken: getCookie(c, cookieNames.session) ?? null,
    }
    const outcome = await attempt(
      changePassword(deps.db, deps, actor, { currentPassword, newPassword }, context),
      ['BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED'],
    )
    if (!outcome.ok) return refusePasswordForm(c, outcome.error, refusalErrors(c, outcome.error))
    return accepted(c, {
      redirect: '/account?done=password',
      fragment: () => <PasswordForm notice={c.get('t')('account.password.changed')} />,
    })
  },
)

accountRoutes.post('/account/sessions/:id/revoke', async (c) => {
  const { id } = parseInput(sessionIdSchema, { id: c.req.param('id') })
  await revokeOwnSession(c.get('deps').db, c.get('actor'), id, c.get('deps').now())
  return c.redirect('/account?done=revoked', 303)
})

accountRoutes.post('/account/sign-out-everywhere', async (c) => {
  await revokeAllOwnSessions(c.get('deps').db, c.get('actor'), c.get('deps').now())
  deleteCookie(c, cookieNames.session, cookieOptions(c))
  return c.redirect('/login', 303)
})

accountRoutes.route('/', usersRoutes)
accountRoutes.route('/', teamRoutes)
