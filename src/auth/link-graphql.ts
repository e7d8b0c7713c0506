import type { Resolvers } from '../graphql/resolvers.generated'
import { parseInput } from '../parse-input'
import { acceptInvitation, inviteUser, pendingInvitations, revokeInvitation } from './invitations'
import {
  invitationIdSchema,
  inviteSchema,
  resetPasswordSchema,
  setPasswordSchema,
  setUserActiveSchema,
  userIdSchema,
} from './schemas'
import { createPasswordReset, listMerchantUsers, resetPassword, setUserActive } from './user-access'

/** Where links start: the configured public address, or the one this request came in on. */
export const siteOrigin = (publicUrl: string | undefined, requestUrl: string) =>
  publicUrl ?? new URL(requestUrl).origin

/** Invitations and password resets: the one-time links. */
export const linkResolvers: Resolvers = {
  Query: {
    pendingInvitations: (_, __, ctx) => pendingInvitations(ctx.deps.db, ctx.actor, ctx.deps.now()),
    merchantUsers: (_, __, ctx) => listMerchantUsers(ctx.deps.db, ctx.actor, ctx.deps.now()),
  },
  Mutation: {
    inviteUser: (_, args, ctx) =>
      inviteUser(ctx.deps.db, ctx.actor, parseInput(inviteSchema, args.input), {
        now: ctx.deps.now(),
        origin: siteOrigin(ctx.deps.config.publicUrl, ctx.request.url),
      }),
    revokeInvitation: (_, args, ctx) => {
      const { id } = parseInput(invitationIdSchema, args)
      return revokeInvitation(ctx.deps.db, ctx.actor, id, ctx.deps.now())
    },
    acceptInvitation: async (_, args, ctx) => {
      const input = parseInput(setPasswordSchema, args)
      const { token, actor } = await acceptInvitation(ctx.deps.db, ctx.deps, {
        ...input,
        kind: 'API',
        locale: 'zh-CN',
      })
      return { token, user: actor }
    },
    createPasswordReset: (_, args, ctx) => {
      const { userId } = parseInput(userIdSchema, args)
      return createPasswordReset(ctx.deps.db, ctx.actor, userId, {
        now: ctx.deps.now(),
        origin: siteOrigin(ctx.deps.config.publicUrl, ctx.request.url),
      })
    },
    resetPassword: async (_, args, ctx) => {
      const input = parseInput(resetPasswordSchema, args)
      const { token, actor } = await resetPassword(ctx.deps.db, ctx.deps, {
        ...input,
        kind: 'API',
        ip: ctx.ip,
      })
      return { token, user: actor }
    },
    setUserActive: (_, args, ctx) => {
      const { userId, active } = parseInput(setUserActiveSchema, args)
      return setUserActive(ctx.deps.db, ctx.actor, userId, active, ctx.deps.now())
    },
  },
}
