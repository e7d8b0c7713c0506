import type { Resolvers } from '../graphql/resolvers.generated'
import type { GraphQLContext } from '../graphql/context'
import { negotiateLocale, translator, type Lang } from '../i18n'
import { parseInput, withoutNulls } from '../parse-input'
import { browseAudit } from './browse'
import { readableEntry } from './readable'
import { auditFilterSchema } from './schemas'

/** The caller's language: a signed-in user's choice, else the request's Accept-Language. */
function callerLang(ctx: GraphQLContext): Lang {
  const locale = negotiateLocale(
    ctx.actor?.locale,
    undefined,
    ctx.request.headers.get('accept-language') ?? undefined,
  )
  return { t: translator(locale), locale }
}

export const resolvers: Resolvers = {
  Query: {
    auditLog: async (_, args, ctx) => {
      const filter = parseInput(auditFilterSchema, withoutNulls(args))
      const page = await browseAudit(ctx.deps.db, ctx.actor, filter)
      return {
        nodes: page.entries,
        pageInfo: { endCursor: page.olderCursor, hasNextPage: page.olderCursor !== null },
      }
    },
  },
  AuditEntry: {
    actionLabel: (entry, _, ctx) => readableEntry(entry, callerLang(ctx)).actionLabel,
    changes: (entry, _, ctx) => readableEntry(entry, callerLang(ctx)).changes,
  },
}
