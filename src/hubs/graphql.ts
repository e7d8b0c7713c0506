import type { Resolvers } from '../graphql/resolvers.generated'
import { isoDate } from '../calendar/schemas'
import { parseInput, withoutNulls } from '../parse-input'
import { hubThroughput } from './hub-throughput'
import { sortPlanSchema } from './schemas'
import { generateSortPlan, setSortPlan, sortPlan } from './service'

export const resolvers: Resolvers = {
  Query: {
    sortPlan: (_, args, ctx) => sortPlan(ctx.deps.db, ctx.actor, args.hubId, ctx.deps.now()),
    hubThroughput: (_, args, ctx) =>
      hubThroughput(ctx.deps.db, ctx.actor, {
        hubId: args.hubId,
        date: parseInput(isoDate, args.date),
      }),
  },
  Mutation: {
    generateSortPlan: (_, args, ctx) =>
      generateSortPlan(ctx.deps.db, ctx.actor, args.hubId, ctx.deps.now()),
    setSortPlan: (_, args, ctx) =>
      setSortPlan(
        ctx.deps.db,
        ctx.actor,
        {
          hubId: args.hubId,
          lanes: parseInput(
            sortPlanSchema,
            args.lanes.map((l) => withoutNulls(l)),
          ),
        },
        ctx.deps.now(),
      ),
  },
  HubThroughput: {
    hub: (h, _, ctx) => ctx.loaders.hub.load(h.hubId),
  },
  SortLane: {
    toHub: (l, _, ctx) => (l.toHubId ? ctx.loaders.hub.load(l.toHubId) : null),
  },
}
