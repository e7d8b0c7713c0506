import type { GraphQLContext } from '../graphql/context'
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
  type Booking,
  type HubDayView,
} from './service'

export const typeDefs = /* GraphQL */ `
  enum BookingStatus {
    CONFIRMED
    WAITLISTED
    CANCELLED
  }

  "One hub on one local date."
  type HubDay {
    hub: Hub!
    date: Date!
    capacityUnits: Int!
    confirmedUnits: Int!
    waitlistedUnits: Int!
    remainingUnits: Int!
    "The caller's own confirmed units (merchants)."
    myUnits: Int!
  }

  "Units of a hub-day reserved by a merchant."
  type Booking {
    id: ID!
    hub: Hub!
    date: Date!
    units: Int!
    status: BookingStatus!
    idempotencyKey: String!
    "UTC instant, ISO-8601."
    createdAt: String!
  }

  input BookHubCapacityInput {
    hubId: ID!
    date: Date!
    units: Int!
    "Chosen by the client; repeating a request with the same key returns the same booking."
    idempotencyKey: String!
    "Waitlist the booking when it does not fit, instead of refusing it."
    waitlist: Boolean
  }

  type MerchantUnits {
    merchant: Merchant!
    units: Int!
  }

  type HubUtilisationDay {
    date: Date!
    capacityUnits: Int!
    confirmedUnits: Int!
    waitlistedUnits: Int!
    "Confirmed units per merchant; coordinators only (null otherwise)."
    perMerchant: [MerchantUnits!]
  }

  type HubUtilisation {
    hub: Hub!
    month: String!
    days: [HubUtilisationDay!]!
  }

  extend type Query {
    "Capacity and load per day, at most 62 days."
    hubAvailability(hubId: ID!, from: Date!, to: Date!): [HubDay!]!
    "The caller's (merchant's) bookings, soonest first."
    myBookings(from: Date, to: Date): [Booking!]!
    "A hub's month day by day: coordinators and that hub's operator."
    hubUtilisation(hubId: ID!, month: String!): HubUtilisation!
    "A hub's confirmed load per merchant over at most 31 days: coordinators and that hub's operator."
    hubLoad(hubId: ID!, from: Date!, to: Date!): [HubUtilisationDay!]!
  }

  extend type Mutation {
    bookHubCapacity(input: BookHubCapacityInput!): Booking!
    cancelBooking(id: ID!): Booking!
    setHubCapacity(hubId: ID!, date: Date!, capacityUnits: Int!): HubDay!
  }
`

type Ctx = GraphQLContext

export const resolvers = {
  Query: {
    hubAvailability: (_: unknown, args: { hubId: string }, ctx: Ctx) => {
      const { from, to } = parseInput(dateRangeSchema(62), args)
      return hubAvailability(ctx.deps.db, ctx.actor, args.hubId, from, to)
    },
    myBookings: (_: unknown, args: { from?: string; to?: string }, ctx: Ctx) =>
      myBookings(ctx.deps.db, ctx.actor, args),
    hubUtilisation: async (_: unknown, args: { hubId: string; month: string }, ctx: Ctx) => {
      const month = parseInput(isoMonth, args.month)
      const { from, to } = monthBounds(month)
      const days = await hubUtilisation(ctx.deps.db, ctx.actor, args.hubId, from, to)
      return { hubId: args.hubId, month, days }
    },
    hubLoad: (_: unknown, args: { hubId: string }, ctx: Ctx) => {
      const { from, to } = parseInput(dateRangeSchema(31), args)
      return hubUtilisation(ctx.deps.db, ctx.actor, args.hubId, from, to, {
        withMerchantsForOperator: true,
      })
    },
  },
  Mutation: {
    bookHubCapacity: async (_: unknown, args: { input: unknown }, ctx: Ctx) => {
      const input = parseInput(bookingSchema, args.input)
      return (await bookHubCapacity(ctx.deps.db, ctx.actor, input, ctx.deps.now())).booking
    },
    cancelBooking: (_: unknown, args: { id: string }, ctx: Ctx) =>
      cancelBooking(ctx.deps.db, ctx.actor, args.id, ctx.deps.now()),
    setHubCapacity: (_: unknown, args: unknown, ctx: Ctx) =>
      setHubCapacity(ctx.deps.db, ctx.actor, parseInput(capacitySchema, args), ctx.deps.now()),
  },
  HubDay: {
    hub: (d: HubDayView, _: unknown, ctx: Ctx) => ctx.loaders.hub.load(d.hubId),
  },
  Booking: {
    hub: (b: Booking, _: unknown, ctx: Ctx) => ctx.loaders.hub.load(b.hubId),
  },
  HubUtilisation: {
    hub: (u: { hubId: string }, _: unknown, ctx: Ctx) => ctx.loaders.hub.load(u.hubId),
  },
  MerchantUnits: {
    merchant: (m: { merchantId: string }, _: unknown, ctx: Ctx) =>
      ctx.loaders.merchant.load(m.merchantId),
  },
}
