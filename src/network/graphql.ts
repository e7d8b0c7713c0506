import type { Resolvers } from '../graphql/resolvers.generated'
import { requireActor } from '../auth/roles'
import { getAlliance, listHubs, listMerchants, listStations } from './service'

/** The alliance row `alliance` answers; its lists are fields of their own. */
export type AllianceRow = Awaited<ReturnType<typeof getAlliance>>

export const resolvers: Resolvers = {
  Query: {
    alliance: (_, __, ctx) => getAlliance(ctx.deps.db, ctx.actor),
  },
  // Stations are also public (nearestStations); their commercial terms are for members only.
  Station: {
    commissionFen: (s, _, ctx) => {
      requireActor(ctx.actor)
      return s.commissionFen
    },
    largeItemCommissionFen: (s, _, ctx) => {
      requireActor(ctx.actor)
      return s.largeItemCommissionFen
    },
  },
  Alliance: {
    hubs: (_, __, ctx) => listHubs(ctx.deps.db, ctx.actor),
    stations: (_, __, ctx) => listStations(ctx.deps.db, ctx.actor),
    merchants: (_, __, ctx) => listMerchants(ctx.deps.db, ctx.actor),
  },
}
