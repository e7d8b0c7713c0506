import { importRowErrors } from '../../../views/returns/import-messages'
import type { GraphQLContext } from '../../graphql/context'
import type { Resolvers } from '../../graphql/resolvers.generated'
import { translator } from '../../i18n'
import { parseInput, withoutNulls } from '../../parse-input'
import { importReturnsSchema } from './schemas'
import { importReturns } from './service'

const baseUrl = (ctx: GraphQLContext) =>
  ctx.deps.config.publicUrl ?? new URL(ctx.request.url).origin

export const resolvers: Resolvers = {
  Mutation: {
    importReturns: async (_, args, ctx) => {
      const input = parseInput(importReturnsSchema, {
        csv: args.csv,
        mapping: args.mapping ? withoutNulls(args.mapping) : undefined,
        dryRun: args.dryRun ?? false,
      })
      const { db, now, config } = ctx.deps
      const result = await importReturns(db, ctx.actor, input, now(), config.contactKey)
      const locale = ctx.actor!.locale
      return {
        id: result.id,
        created: result.created,
        skipped: result.skipped,
        errors: importRowErrors({ t: translator(locale), locale }, result.refusals, result.mapping),
        labelsUrl: result.id ? `${baseUrl(ctx)}/returns/labels?import=${result.id}` : null,
      }
    },
  },
}
