import type { Resolvers } from '../graphql/resolvers.generated'
import { parseInput } from '../parse-input'
import { monthBounds } from '../calendar/local-date'
import { bookingSchema, capacitySchema, dateRangeSchema } from './schemas'
import { isoMonth } from '../calendar/schemas'
import {
  bookHubCapacity,
  cancelBooking,
  hubAvailability,
  hubUtilisation,
  myBookings,
  setHubCapacity,
  type UtilisationDay,
} from './service'

/** A hub's month as `hubUtilisation` answers it: the hub is a field, loaded only when asked for. */
const utilisationOut = (hubId: string, month: string, days: UtilisationDay[]) => ({
  hubId,
  month,
  days,
})

export type HubUtilisationOut = ReturnType<typeof utilisationOut>
export type MerchantUnitsOut = NonNullable<UtilisationDay['perMerchant']>[number]

export const resolvers: Resolvers = {
  Query: {
    hubAvailability: (_, args, ctx) => {
      const { from, to } = parseInput(dateRangeSchema(62), args)
      return hubAvailability(ctx.deps.db, ctx.actor, args.hubId, from, to)
    },
    myBookings: (_, args, ctx) =>
      myBookings(ctx.deps.db, ctx.actor, {
        from: args.from ?? undefined,
        to: args.to ?? undefined,
      }),
    hubUtilisation: async (_, args, ctx) => {
      const month = parseInput(isoMonth, args.month)
      const { from, to } = monthBounds(month)
      const days = await hubUtilisation(ctx.deps.db, ctx.actor, args.hubId, from, to)
      return utilisationOut(args.hubId, month, days)
    },
    hubLoad: (_, args, ctx) => {
      const { from, to } = parseInput(dateRangeSchema(31), args)
      return hubUtilisation(ctx.deps.db, ctx.actor, args.hubId, from, to, {
        withMerchantsForOperator: true,
      })
    },
  },
  Mutation: {
    bookHubCapacity: async (_, args, ctx) => {
      const input = parseInput(bookingSchema, args.input)
      return (await bookHubCapacity(ctx.deps.db, ctx.actor, input, ctx.deps.now())).booking
    },
    cancelBooking: (_, args, ctx) => cancelBooking(ctx.deps.db, ctx.actor, args.id, ctx.deps.now()),
    setHubCapacity: (_, args, ctx) =>
      setHubCapacity(ctx.deps.db, ctx.actor, parseInput(capacitySchema, args), ctx.deps.now()),
  },
  HubDay: {
    hub: (d, _, ctx) => ctx.loaders.hub.load(d.hubId),
  },
  Booking: {
    hub: (b, _, ctx) => ctx.loaders.hub.load(b.hubId),
  },
  HubUtilisation: {
    hub: (u, _, ctx) => ctx.loaders.hub.load(u.hubId),
  },
  MerchantUnits: {
    merchant: (m, _, ctx) => ctx.loaders.merchant.load(m.merchantId),
  },
}
