import type { Resolvers } from '../graphql/resolvers.generated'
import { parseInput } from '../parse-input'
import { browseAudit } from './browse'
import { auditFilterSchema } from './schemas'

export const resolvers: Resolvers = {
  Query: {
    auditLog: async (_, args, ctx) => {
      const filter = parseInput(
        auditFilterSchema,
        Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null)),
      )
      const page = await browseAudit(ctx.deps.db, ctx.actor, filter)
      return {
        nodes: page.entries,
        pageInfo: {
          endCursor: page.olderCursor === null ? null : String(page.olderCursor),
          hasNextPage: page.olderCursor !== null,
        },
      }
    },
  },
}
