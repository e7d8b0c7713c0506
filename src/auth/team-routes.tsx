/** A merchant's own users page: inviting colleagues, reset links, deactivation. */
import { Hono, type Context } from 'hono'
import * as z from '../zod'
import { TeamPage, type TeamPageProps } from '../../views/auth/team-page'
import { formatInstant } from '../../views/components/format'
import { Notice } from '../../views/components/notice'
import type { DomainError } from '../errors'
import { form } from '../http/form'
import { refusalText } from '../http/refusal-copy'
import { attempt, refused } from '../http/respond'
import type { AppEnv } from '../http/types'
import { parseInput } from '../parse-input'
import type { LinkView } from './access-links'
import { inviteUser, pendingInvitations, revokeInvitation } from './invitations'
import { siteOrigin } from './link-graphql'
import { requireRole } from './roles'
import { activeFormSchema, invitationIdSchema, inviteSchema, userIdSchema } from './schemas'
import { createPasswordReset, listMerchantUsers, setUserActive } from './user-access'

export const teamRoutes = new Hono<AppEnv>()
type Ctx = Context<AppEnv>

async function teamPage(c: Ctx, props: Partial<TeamPageProps> = {}) {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const [users, pending] = await Promise.all([
    listMerchantUsers(db, actor, now()),
    pendingInvitations(db, actor, now()),
  ])
  return c.render(<TeamPage users={users} pending={pending} {...props} />, {
    title: c.get('t')('team.title'),
  })
}

const lang = (c: Ctx) => ({ t: c.get('t'), locale: c.get('locale') })
const origin = (c: Ctx) => siteOrigin(c.get('deps').config.publicUrl, c.req.url)

/** The page with a refusal said on it, with the refusal's status. */
function refusedOnPage(c: Ctx, error: DomainError, props: Partial<TeamPageProps> = {}) {
  const text = refusalText(lang(c), error)
  return refused(c, error, {
    fragment: () => <Notice tone="error" text={text} />,
    page: () => teamPage(c, { notice: { tone: 'error', text }, ...props }),
  })
}

/** The answer holding a link just made: the page itself, never a redirect that keeps the secret. */
function showLink(c: Ctx, link: LinkView, key: 'users.invite.created' | 'users.resetCreated') {
  c.header('Cache-Control', 'no-store')
  const expiresAt = formatInstant(link.expiresAt, c.get('locale'))
  const text = c.get('t')(key, { email: link.email, name: link.email, expiresAt })
  return teamPage(c, { created: { text, url: link.url ?? '' } })
}

teamRoutes.get('/team', (c) => {
  const done = c.req.query('done')
  const t = c.get('t')
  const notice =
    done === 'revoked'
      ? { tone: 'ok' as const, text: t('users.pending.revoked') }
      : done === 'activated' || done === 'deactivated'
        ? { tone: 'ok' as const, text: t(`users.${done}`, { name: c.req.query('name') ?? '' }) }
        : undefined
  return teamPage(c, { notice })
})

teamRoutes.post(
  '/team/invite',
  form(z.object({ email: inviteSchema.shape.email }), (c, { fields, sent }) =>
    teamPage(c, { inviteError: fields.email, sentEmail: sent.email }),
  ),
  async (c) => {
    const actor = requireRole(c.get('actor'), 'MERCHANT')
    const { email } = c.req.valid('form')
    const outcome = await attempt(
      inviteUser(
        c.get('deps').db,
        actor,
        { email, role: 'MERCHANT' },
        { now: c.get('deps').now(), origin: origin(c) },
      ),
    )
    if (!outcome.ok) return refusedOnPage(c, outcome.error, { sentEmail: email })
    return showLink(c, outcome.value, 'users.invite.created')
  },
)

teamRoutes.post('/team/invitations/:id/revoke', async (c) => {
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const { id } = parseInput(invitationIdSchema, { id: c.req.param('id') })
  const outcome = await attempt(revokeInvitation(c.get('deps').db, actor, id, c.get('deps').now()))
  if (!outcome.ok) return refusedOnPage(c, outcome.error)
  return c.redirect('/team?done=revoked', 303)
})

teamRoutes.post('/team/:id/reset-link', async (c) => {
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const { userId } = parseInput(userIdSchema, { userId: c.req.param('id') })
  const outcome = await attempt(
    createPasswordReset(c.get('deps').db, actor, userId, {
      now: c.get('deps').now(),
      origin: origin(c),
    }),
  )
  if (!outcome.ok) return refusedOnPage(c, outcome.error)
  return showLink(c, outcome.value, 'users.resetCreated')
})

teamRoutes.post('/team/:id/active', form(activeFormSchema), async (c) => {
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const { userId } = parseInput(userIdSchema, { userId: c.req.param('id') })
  const { active } = c.req.valid('form')
  const outcome = await attempt(
    setUserActive(c.get('deps').db, actor, userId, active, c.get('deps').now()),
  )
  if (!outcome.ok) return refusedOnPage(c, outcome.error)
  const query = new URLSearchParams({
    done: active ? 'activated' : 'deactivated',
    name: outcome.value.displayName,
  })
  return c.redirect(`/team?${query}`, 303)
})
