import type { Resolvers } from '../graphql/resolvers.generated'
import { parseInput } from '../parse-input'
import { requireActor } from './roles'
import {
  changePasswordSchema,
  localeSchema,
  sessionIdSchema,
  signInSchema,
  userIdSchema,
} from './schemas'
import { linkResolvers } from './link-graphql'
import { changePassword } from './password-change'
import { revokeSession, setLocale, signIn } from './service'
import {
  listOwnSessions,
  listUsersWithSessions,
  revokeAllOwnSessions,
  revokeOwnSession,
  revokeUserSessions,
} from './sessions'

export const resolvers: Resolvers = {
  Query: {
    ...linkResolvers.Query,
    me: (_, __, ctx) => requireActor(ctx.actor),
    mySessions: (_, __, ctx) => listOwnSessions(ctx.deps.db, ctx.actor, ctx.token, ctx.deps.now()),
    allianceUsers: (_, __, ctx) => listUsersWithSessions(ctx.deps.db, ctx.actor, ctx.deps.now()),
  },
  Mutation: {
    ...linkResolvers.Mutation,
    login: async (_, args, ctx) => {
      const input = parseInput(signInSchema, args)
      const { token, actor } = await signIn(ctx.deps.db, ctx.deps, {
        ...input,
        ip: ctx.ip,
        kind: 'API',
      })
      return { token, user: actor }
    },
    logout: async (_, __, ctx) => {
      requireActor(ctx.actor)
      await revokeSession(ctx.deps.db, ctx.token!, ctx.deps.now())
      return true
    },
    setLocale: async (_, args, ctx) => {
      const actor = requireActor(ctx.actor)
      const { locale } = parseInput(localeSchema, args)
      await setLocale(ctx.deps.db, actor, locale)
      return { ...actor, locale }
    },
    revokeSession: async (_, args, ctx) => {
      const { id } = parseInput(sessionIdSchema, args)
      await revokeOwnSession(ctx.deps.db, ctx.actor, id, ctx.deps.now())
      return true
    },
    logoutEverywhere: (_, __, ctx) => revokeAllOwnSessions(ctx.deps.db, ctx.actor, ctx.deps.now()),
    revokeUserSessions: (_, args, ctx) => {
      const { userId } = parseInput(userIdSchema, args)
      return revokeUserSessions(ctx.deps.db, ctx.actor, userId, ctx.deps.now())
    },
    changePassword: async (_, args, ctx) => {
      requireActor(ctx.actor)
      const input = parseInput(changePasswordSchema, args)
      await changePassword(ctx.deps.db, ctx.deps, ctx.actor, input, {
        ip: ctx.ip,
        currentToken: ctx.token,
      })
      return true
    },
  },
  User: {
    id: (u) => u.userId,
    merchant: (u, _, ctx) => (u.merchantId ? ctx.loaders.merchant.load(u.merchantId) : null),
    station: (u, _, ctx) => (u.stationId ? ctx.loaders.station.load(u.stationId) : null),
    hub: (u, _, ctx) => (u.hubId ? ctx.loaders.hub.load(u.hubId) : null),
    active: (u) => u.active ?? true,
  },
}
