import type { GraphQLContext } from '../graphql/context'
import { parseInput } from '../parse-input'
import { nearestSchema, stationDetailsSchema, stationSchema } from './schemas'
import {
  createStation,
  nearestStations,
  setStationActive,
  updateStation,
  updateStationDetails,
} from './service'

export const typeDefs = /* GraphQL */ `
  type StationDistance {
    station: Station!
    "Great-circle distance in metres."
    distanceMeters: Int!
  }

  input StationInput {
    name: String!
    storeName: String!
    address: String!
    city: String!
    province: String!
    lat: Float!
    lng: Float!
    "09:00-21:00"
    openingHours: String!
    services: [StationService!]!
    commissionFen: SafeInt!
    largeItemCommissionFen: SafeInt!
  }

  input StationDetailsInput {
    openingHours: String!
    services: [StationService!]!
  }

  extend type Query {
    "Public (no sign-in): active stations nearest to a point, nearest first."
    nearestStations(lat: Float!, lng: Float!, limit: Int = 5): [StationDistance!]!
  }

  extend type Mutation {
    "Coordinators."
    createStation(input: StationInput!): Station!
    "Coordinators."
    updateStation(id: ID!, input: StationInput!): Station!
    "Coordinators: a deactivated station keeps its history but accepts no parcels."
    setStationActive(id: ID!, active: Boolean!): Station!
    "A station's operator (or a coordinator): opening hours and services."
    updateStationDetails(id: ID!, input: StationDetailsInput!): Station!
  }
`

type Ctx = GraphQLContext

export const resolvers = {
  Query: {
    nearestStations: (_: unknown, args: unknown, ctx: Ctx) => {
      const { lat, lng, limit } = parseInput(nearestSchema, args)
      return nearestStations(ctx.deps.db, { lat, lng }, limit)
    },
  },
  Mutation: {
    createStation: (_: unknown, args: { input: unknown }, ctx: Ctx) =>
      createStation(ctx.deps.db, ctx.actor, parseInput(stationSchema, args.input), ctx.deps.now()),
    updateStation: (_: unknown, args: { id: string; input: unknown }, ctx: Ctx) =>
      updateStation(
        ctx.deps.db,
        ctx.actor,
        args.id,
        parseInput(stationSchema, args.input),
        ctx.deps.now(),
      ),
    setStationActive: (_: unknown, args: { id: string; active: boolean }, ctx: Ctx) =>
      setStationActive(ctx.deps.db, ctx.actor, args.id, args.active, ctx.deps.now()),
    updateStationDetails: (_: unknown, args: { id: string; input: unknown }, ctx: Ctx) =>
      updateStationDetails(
        ctx.deps.db,
        ctx.actor,
        args.id,
        parseInput(stationDetailsSchema, args.input),
        ctx.deps.now(),
      ),
  },
}
