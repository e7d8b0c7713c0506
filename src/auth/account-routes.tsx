/** The account page (own sessions) and the coordinators' user access page. */
import { Hono } from 'hono'
import { deleteCookie, getCookie } from 'hono/cookie'
import { AccountPage } from '../../views/auth/account-page'
import { UsersPage } from '../../views/auth/users-page'
import { cookieNames, cookieOptions } from '../http/cookies'
import type { AppEnv } from '../http/types'
import { parseInput } from '../graphql/parse-input'
import { sessionIdSchema, userIdSchema } from './schemas'
import {
  listOwnSessions,
  listUsersWithSessions,
  revokeAllOwnSessions,
  revokeOwnSession,
  revokeUserSessions,
} from './sessions'

export const accountRoutes = new Hono<AppEnv>()

accountRoutes.get('/account', async (c) => {
  const { db, now } = c.var.deps
  const sessions = await listOwnSessions(
    db,
    c.var.actor,
    getCookie(c, cookieNames.session) ?? null,
    now(),
  )
  const notice = c.req.query('done') === 'revoked' ? c.var.t('account.revoked') : undefined
  return c.render(<AccountPage sessions={sessions} notice={notice} />, {
    title: c.var.t('account.title'),
  })
})

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
