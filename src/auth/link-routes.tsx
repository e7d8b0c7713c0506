/**
 * The pages a one-time link opens: `/invite/<token>` creates the invited account, `/reset/<token>`
 * sets a new password. Either signs the browser in. The secret is
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
import { resetPassword } from './user-access'
import { isLinkToken, setPasswordFormSchema } from './schemas'

export const linkRoutes = new Hono<AppEnv>()
type Ctx = Context<AppEnv>

const secretInPath: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  c.header('Cache-Control', 'no-store')
}
linkRoutes.use('/invite/*', secretInPath)
linkRoutes.use('/reset/*', secretInPath)

const lang = (c: Ctx) => ({ t: c.get('t'), locale: c.get('locale') })

function unusable(c: Ctx, error: DomainError) {
  c.status(error.status === 404 ? 404 : 409)
  return c.render(<UnusableLinkPage reason={refusalText(lang(c), error)} />, {
    title: c.get('t')('link.unusable.title'),
  })
}

/** The link behind the path, or the page saying why it cannot be used. */
async function linkOr(c: Ctx, kind: AccessLink['kind']) {
  const token = c.req.param('token') ?? ''
  if (!isLinkToken(token)) {
    return {
      page: await unusable(c, new NotFound('Invitation')),
    }
  }
  const outcome = await attempt(usableLink(c.get('deps').db, token, kind, c.get('deps').now()), [
    'CONFLICT',
    'NOT_FOUND',
  ])
  if (!outcome.ok) return { page: await unusable(c, outcome.error) }
  return { link: outcome.value, token }
}

const pages = {
  INVITE: {
    path: 'invite',
    title: 'link.invite.title',
    intro: 'link.invite.intro',
    submit: 'link.invite.submit',
  },
  RESET: {
    path: 'reset',
    title: 'link.reset.title',
    intro: 'link.reset.intro',
    submit: 'link.reset.submit',
  },
} as const

function linkPage(c: Ctx, link: AccessLink, extra: Partial<SetPasswordProps> = {}) {
  const t = c.get('t')
  const page = pages[link.kind]
  const props: SetPasswordProps = {
    action: `/${page.path}/${c.req.param('token')}`,
    title: t(page.title),
    intro: t(page.intro, { role: t(`role.${link.role}`), email: link.email }),
    submit: t(page.submit),
    ...extra,
  }
  return c.render(<SetPasswordPage {...props} />, { title: props.title })
}

/** The form's problems at their fields. */
const fieldErrors = ({ fields }: FormRefusal) => ({
  password: fields.password,
  repeatPassword: fields.repeatPassword,
})

/** What the link does with the new password: a session for this browser, or a refusal. */
const use = {
  INVITE: (c: Ctx, token: string, password: string) =>
    acceptInvitation(c.get('deps').db, c.get('deps'), {
      token,
      password,
      kind: 'WEB',
      locale: c.get('locale'),
    }),
  RESET: (c: Ctx, token: string, newPassword: string) =>
    resetPassword(c.get('deps').db, c.get('deps'), {
      token,
      newPassword,
      kind: 'WEB',
      ip: c.get('deps').clientIp(c),
    }),
}

for (const kind of ['INVITE', 'RESET'] as const) {
  const path = `/${pages[kind].path}/:token`

  linkRoutes.get(path, async (c) => {
    const found = await linkOr(c, kind)
    return found.page ?? linkPage(c, found.link)
  })

  linkRoutes.post(
    path,
    form(setPasswordFormSchema, async (c, refusal) => {
      const found = await linkOr(c, kind)
      if (found.page) return found.page
      c.status(400)
      return linkPage(c, found.link, { errors: fieldErrors(refusal) })
    }),
    async (c) => {
      const found = await linkOr(c, kind)
      if (found.page) return found.page
      const outcome = await attempt(use[kind](c, found.token, c.req.valid('form').password), [
        'CONFLICT',
        'NOT_FOUND',
      ])
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
}
