import type { Resolvers } from '../graphql/resolvers.generated'
import { createApiToken, listApiTokens, revokeApiToken } from './service'

export const resolvers: Resolvers = {
  Query: {
    apiTokens: (_, __, ctx) => listApiTokens(ctx.deps.db, ctx.actor),
  },
  Mutation: {
    createApiToken: (_, args, ctx) => createApiToken(ctx.deps.db, ctx.actor, args, ctx.deps.now()),
    revokeApiToken: (_, args, ctx) =>
      revokeApiToken(ctx.deps.db, ctx.actor, args.id, ctx.deps.now()),
  },
}
