/** The account page (own sessions, password change) and the coordinators' user access page. */
import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie } from 'hono/cookie'
import { AccountPage } from '../../views/auth/account-page'
import { UsersPage } from '../../views/auth/users-page'
import { cookieNames, cookieOptions } from '../http/cookies'
import type { AppEnv } from '../http/types'
import { parseInput } from '../parse-input'
import { PasswordForm, type PasswordFormErrors } from '../../views/auth/password-form'
import { Conflict, InvalidInput, RateLimited } from '../errors'
import { formText, fragment, isHtmx } from '../http/fragments'
import { changePassword } from './password-change'
import { requireActor } from './roles'
import { throttledCopy } from './routes'
import { changePasswordSchema, passwordPolicy, sessionIdSchema, userIdSchema } from './schemas'
import {
  listOwnSessions,
  listUsersWithSessions,
  revokeAllOwnSessions,
  revokeOwnSession,
  revokeUserSessions,
} from './sessions'

export const accountRoutes = new Hono<AppEnv>()
type Ctx = Context<AppEnv>

accountRoutes.get('/account', async (c) => {
  const { db, now } = c.var.deps
  const sessions = await listOwnSessions(
    db,
    c.var.actor,
    getCookie(c, cookieNames.session) ?? null,
    now(),
  )
  const done = c.req.query('done')
  const notice =
    done === 'revoked'
      ? c.var.t('account.revoked')
      : done === 'password'
        ? c.var.t('account.password.changed')
        : undefined
  return c.render(<AccountPage sessions={sessions} notice={notice} />, {
    title: c.var.t('account.title'),
  })
})

accountRoutes.post('/account/password', async (c) => {
  const { deps } = c.var
  const actor = requireActor(c.var.actor)
  const form = await c.req.parseBody()
  const errors = passwordFormErrors(c, form)
  if (!errors) {
    try {
      const token = getCookie(c, cookieNames.session) ?? null
      const input = changePasswordSchema.parse(form)
      await changePassword(deps.db, deps, actor, input, {
        ip: deps.clientIp(c),
        currentToken: token,
      })
      if (isHtmx(c))
        return fragment(c, <PasswordForm notice={c.var.t('account.password.changed')} />)
      return c.redirect('/account?done=password', 303)
    } catch (error) {
      const refused = refusalErrors(c, error)
      if (!refused) throw error
      return answerPasswordForm(c, refused.errors, refused.status)
    }
  }
  return answerPasswordForm(c, errors, 400)
})

/** A refused change: the form again (the fragment for htmx, the whole page without). */
async function answerPasswordForm(c: Ctx, errors: PasswordFormErrors, status: 400 | 409 | 429) {
  c.status(status)
  if (isHtmx(c)) return fragment(c, <PasswordForm errors={errors} />)
  const { db, now } = c.var.deps
  const token = getCookie(c, cookieNames.session) ?? null
  const sessions = await listOwnSessions(db, c.var.actor, token, now())
  return c.render(<AccountPage sessions={sessions} passwordErrors={errors} />, {
    title: c.var.t('account.title'),
  })
}

/** Each wrong field of the form, in the page's language; null when the form is well-formed. */
function passwordFormErrors(c: Ctx, form: Record<string, unknown>): PasswordFormErrors | null {
  const t = c.var.t
  const errors: PasswordFormErrors = {}
  const parsed = changePasswordSchema.safeParse(form)
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0])
    if (field === 'currentPassword') errors.currentPassword ??= t('account.password.error.current')
    else if (field === 'newPassword') {
      errors.newPassword ??=
        issue.code === 'too_small'
          ? t('account.password.error.short', { min: passwordPolicy.minLength })
          : issue.code === 'too_big'
            ? t('account.password.error.long', { max: passwordPolicy.maxLength })
            : t('account.password.error.common')
    }
  }
  if (!errors.newPassword && formText(form.repeatPassword) !== formText(form.newPassword)) {
    errors.repeatPassword = t('account.password.error.repeat')
  }
  return Object.keys(errors).length > 0 ? errors : null
}

/** The domain's refusals as form errors, or null for anything unexpected. */
function refusalErrors(c: Ctx, error: unknown) {
  const t = c.var.t
  if (error instanceof RateLimited) {
    return { status: 429 as const, errors: { currentPassword: throttledCopy(c, error) } }
  }
  if (error instanceof Conflict) {
    return {
      status: 409 as const,
      errors: { currentPassword: t('account.password.error.conflict') },
    }
  }
  if (error instanceof InvalidInput && error.field === 'currentPassword') {
    return { status: 400 as const, errors: { currentPassword: t('account.password.error.wrong') } }
  }
  if (error instanceof InvalidInput && error.field === 'newPassword') {
    return { status: 400 as const, errors: { newPassword: t('account.password.error.same') } }
  }
  return null
}

accountRoutes.post('/account/sessions/:id/revoke', async (c) => {
  const { id } = parseInput(sessionIdSchema, { id: c.req.param('id') })
  await revokeOwnSession(c.var.deps.db, c.var.actor, id, c.var.deps.now())
  return c.redirect('/account?done=revoked', 303)
})

accountRoutes.post('/account/sign-out-everywhere', async (c) => {
  await revokeAllOwnSessions(c.var.deps.db, c.var.actor, c.var.deps.now())
  deleteCookie(c, cookieNames.session, cookieOptions(c))
  return c.redirect('/login', 303)
})

accountRoutes.get('/admin/users', async (c) => {
  const { db, now } = c.var.deps
  const users = await listUsersWithSessions(db, c.var.actor, now())
  const ended = users.find((u) => u.id === c.req.query('ended'))
  const count = Number(c.req.query('count') ?? 0)
  const notice = ended
    ? c.var.t('users.revoked', {
        name: ended.displayName,
        count: Number.isInteger(count) ? count : 0,
      })
    : undefined
  return c.render(<UsersPage users={users} notice={notice} />, { title: c.var.t('users.title') })
})

accountRoutes.post('/admin/users/:id/revoke-sessions', async (c) => {
  const { userId } = parseInput(userIdSchema, { userId: c.req.param('id') })
  const count = await revokeUserSessions(c.var.deps.db, c.var.actor, userId, c.var.deps.now())
  const query = new URLSearchParams({ ended: userId, count: String(count) })
  return c.redirect(`/admin/users?${query}`, 303)
})
