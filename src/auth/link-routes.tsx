/**
 * The pages a one-time link opens: `/invite/<token>` creates the invited account. The secret is
 * in the address, so these pages are never cached (and the site's referrer policy sends other
 * sites no path).
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import {
  SetPasswordPage,
  UnusableLinkPage,
  type SetPasswordProps,
} from '../../views/auth/set-password-page'
import { NotFound, type DomainError } from '../errors'
import { form, type FormRefusal } from '../http/form'
import { refusalText } from '../http/refusal-copy'
import { attempt, refused } from '../http/respond'
import type { AppEnv } from '../http/types'
import { usableLink, type AccessLink } from './access-links'
import { startBrowserSession } from './browser-session'
import { acceptInvitation } from './invitations'
import { linkTokenSchema, setPasswordFormSchema } from './schemas'

export const linkRoutes = new Hono<AppEnv>()
type Ctx = Context<AppEnv>

const secretInPath: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  c.header('Cache-Control', 'no-store')
}
linkRoutes.use('/invite/*', secretInPath)

const lang = (c: Ctx) => ({ t: c.var.t, locale: c.var.locale })

function unusable(c: Ctx, error: DomainError) {
  c.status(error.status === 404 ? 404 : 409)
  return c.render(<UnusableLinkPage reason={refusalText(lang(c), error)} />, {
    title: c.var.t('link.unusable.title'),
  })
}

/** The link behind the path, or the page saying why it cannot be used. */
async function linkOr(c: Ctx, kind: AccessLink['kind']) {
  const token = linkTokenSchema.safeParse(c.req.param('token'))
  if (!token.success) {
    return {
      page: await unusable(c, new NotFound('Invitation')),
    }
  }
  const outcome = await attempt(usableLink(c.var.deps.db, token.data, kind, c.var.deps.now()), [
    'CONFLICT',
    'NOT_FOUND',
  ])
  if (!outcome.ok) return { page: await unusable(c, outcome.error) }
  return { link: outcome.value, token: token.data }
}

function invitePage(c: Ctx, link: AccessLink, extra: Partial<SetPasswordProps> = {}) {
  const t = c.var.t
  const props: SetPasswordProps = {
    action: `/invite/${c.req.param('token')}`,
    title: t('link.invite.title'),
    intro: t('link.invite.intro', { role: t(`role.${link.role}`), email: link.email }),
    submit: t('link.invite.submit'),
    ...extra,
  }
  return c.render(<SetPasswordPage {...props} />, { title: props.title })
}

/** The form's problems at their fields. */
const fieldErrors = ({ fields }: FormRefusal) => ({
  password: fields.password,
  repeatPassword: fields.repeatPassword,
})

linkRoutes.get('/invite/:token', async (c) => {
  const found = await linkOr(c, 'INVITE')
  return found.page ?? invitePage(c, found.link)
})

linkRoutes.post(
  '/invite/:token',
  form(setPasswordFormSchema, async (c, refusal) => {
    const found = await linkOr(c, 'INVITE')
    if (found.page) return found.page
    c.status(400)
    return invitePage(c, found.link, { errors: fieldErrors(refusal) })
  }),
  async (c) => {
    const found = await linkOr(c, 'INVITE')
    if (found.page) return found.page
    const { deps } = c.var
    const outcome = await attempt(
      acceptInvitation(deps.db, deps, {
        token: found.token,
        password: c.req.valid('form').password,
        kind: 'WEB',
        locale: c.var.locale,
      }),
      ['CONFLICT', 'NOT_FOUND'],
    )
    if (!outcome.ok) {
      return refused(c, outcome.error, {
        fragment: () => <UnusableLinkPage reason={refusalText(lang(c), outcome.error)} />,
        page: () => unusable(c, outcome.error),
      })
    }
    await startBrowserSession(c, outcome.value.token)
    return c.redirect('/', 303)
  },
)
