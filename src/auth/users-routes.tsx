/** The coordinators' user access page: sessions, invitations, reset links, deactivation. */
import { Hono, type Context } from 'hono'
import { UsersPage } from '../../views/auth/users-page'
import { Notice } from '../../views/components/notice'
import { InviteForm, type InviteFormProps } from '../../views/auth/invite-form'
import { localizedName } from '../i18n/localized-name'
import { form } from '../http/form'
import { refusalText } from '../http/refusal-copy'
import { attempt, refused } from '../http/respond'
import type { AppEnv } from '../http/types'
import { listHubs, listMerchants, listStations } from '../network/service'
import { parseInput } from '../parse-input'
import { inviteUser, pendingInvitations, revokeInvitation } from './invitations'
import { siteOrigin } from './link-graphql'
import { requireRole } from './roles'
import { activeFormSchema, invitationIdSchema, inviteSchema, userIdSchema } from './schemas'
import { createPasswordReset, setUserActive } from './user-access'
import type { LinkView } from './access-links'
import { listUsersWithSessions, revokeUserSessions } from './sessions'

export const usersRoutes = new Hono<AppEnv>()
type Ctx = Context<AppEnv>

/** The invite form's choices, and what it should say (the link just created, or what is wrong). */
async function inviteProps(c: Ctx, invite: Partial<InviteFormProps>): Promise<InviteFormProps> {
  const { db } = c.get('deps')
  const actor = c.get('actor')
  const [merchants, stations, hubs] = await Promise.all([
    listMerchants(db, actor),
    listStations(db, actor),
    listHubs(db, actor),
  ])
  const options = (rows: { id: string; name: string }[]) =>
    rows.map((row) => ({ value: row.id, label: localizedName(row, c.get('locale')) }))
  return {
    merchants: options(merchants),
    stations: options(stations),
    hubs: options(hubs),
    ...invite,
  }
}

async function usersPage(
  c: Ctx,
  notice?: string,
  invite: Partial<InviteFormProps> = {},
  reset?: { name: string; link: LinkView },
  failure?: string,
) {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const [users, pending, props] = await Promise.all([
    listUsersWithSessions(db, actor, now()),
    pendingInvitations(db, actor, now()),
    inviteProps(c, invite),
  ])
  return c.render(
    <UsersPage
      users={users}
      notice={notice}
      failure={failure}
      invite={props}
      pending={pending}
      reset={reset}
    />,
    {
      title: c.get('t')('users.title'),
    },
  )
}

usersRoutes.get('/admin/users', async (c) => {
  requireRole(c.get('actor'), 'COORDINATOR')
  const done = c.req.query('done')
  if (done === 'invitation-revoked') return usersPage(c, c.get('t')('users.pending.revoked'))
  const users = await listUsersWithSessions(c.get('deps').db, c.get('actor'), c.get('deps').now())
  const changed = users.find((u) => u.id === c.req.query('user'))
  if (changed && (done === 'deactivated' || done === 'activated')) {
    return usersPage(c, c.get('t')(`users.${done}`, { name: changed.displayName }))
  }
  const ended = users.find((u) => u.id === c.req.query('ended'))
  const count = Number(c.req.query('count') ?? 0)
  const notice = ended
    ? c.get('t')('users.revoked', {
        name: ended.displayName,
        count: Number.isInteger(count) ? count : 0,
      })
    : undefined
  return usersPage(c, notice)
})

usersRoutes.post('/admin/users/:id/revoke-sessions', async (c) => {
  const { userId } = parseInput(userIdSchema, { userId: c.req.param('id') })
  const count = await revokeUserSessions(
    c.get('deps').db,
    c.get('actor'),
    userId,
    c.get('deps').now(),
  )
  const query = new URLSearchParams({ ended: userId, count: String(count) })
  return c.redirect(`/admin/users?${query}`, 303)
})

// The answer carries the link, shown this once: it is the page itself, never a redirect whose
// address (kept in history and logs) would hold the secret.
usersRoutes.post(
  '/admin/users/invite',
  form(inviteSchema, (c, { fields, sent }) => {
    requireRole(c.get('actor'), 'COORDINATOR')
    return usersPage(c, undefined, { errors: fields, sent })
  }),
  async (c) => {
    const { deps } = c.var
    const input = c.req.valid('form')
    const outcome = await attempt(
      inviteUser(deps.db, requireRole(c.get('actor'), 'COORDINATOR'), input, {
        now: deps.now(),
        origin: siteOrigin(deps.config.publicUrl, c.req.url),
      }),
      ['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'],
    )
    if (!outcome.ok) {
      const { error } = outcome
      const failure = refusalText({ t: c.get('t'), locale: c.get('locale') }, error)
      const field = error.details.field
      const invite = {
        sent: {
          ...input,
          merchantId: input.merchantId ?? '',
          stationId: input.stationId ?? '',
          hubId: input.hubId ?? '',
        },
        ...(typeof field === 'string' ? { errors: { [field]: failure } } : { failure }),
      }
      return refused(c, error, {
        fragment: async () => <InviteForm {...await inviteProps(c, invite)} />,
        page: () => usersPage(c, undefined, invite),
      })
    }
    c.header('Cache-Control', 'no-store')
    return usersPage(c, undefined, { created: outcome.value })
  },
)

usersRoutes.post('/admin/users/invitations/:id/revoke', async (c) => {
  const { id } = parseInput(invitationIdSchema, { id: c.req.param('id') })
  await revokeInvitation(
    c.get('deps').db,
    requireRole(c.get('actor'), 'COORDINATOR'),
    id,
    c.get('deps').now(),
  )
  return c.redirect('/admin/users?done=invitation-revoked', 303)
})

usersRoutes.post('/admin/users/:id/reset-link', async (c) => {
  const { userId } = parseInput(userIdSchema, { userId: c.req.param('id') })
  const { deps } = c.var
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const outcome = await attempt(
    createPasswordReset(deps.db, actor, userId, {
      now: deps.now(),
      origin: siteOrigin(deps.config.publicUrl, c.req.url),
    }),
  )
  if (!outcome.ok) {
    const text = refusalText({ t: c.get('t'), locale: c.get('locale') }, outcome.error)
    return refused(c, outcome.error, {
      fragment: () => <Notice tone="error" text={text} />,
      page: () => usersPage(c, undefined, {}, undefined, text),
    })
  }
  const [user] = (await listUsersWithSessions(deps.db, actor, deps.now())).filter(
    (u) => u.id === userId,
  )
  c.header('Cache-Control', 'no-store')
  return usersPage(c, undefined, {}, { name: user?.displayName ?? '', link: outcome.value })
})

usersRoutes.post('/admin/users/:id/active', form(activeFormSchema), async (c) => {
  const { userId } = parseInput(userIdSchema, { userId: c.req.param('id') })
  const { active } = c.req.valid('form')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  await setUserActive(c.get('deps').db, actor, userId, active, c.get('deps').now())
  const query = new URLSearchParams({ done: active ? 'activated' : 'deactivated', user: userId })
  return c.redirect(`/admin/users?${query}`, 303)
})
