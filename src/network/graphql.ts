import type { GraphQLContext } from '../graphql/context'
import { requireActor } from '../auth/roles'
import { getAlliance, listHubs, listMerchants, listStations, type Station } from './service'

export const typeDefs = /* GraphQL */ `
  enum Category {
    FOOD
    SUPPLIES
    CLOTHING
    TOYS
  }

  enum StationService {
    TOY_SANITISING
    BABY_GOODS_CLEANING
    LARGE_ITEMS
    PARCEL_LOCKER
  }

  type Alliance {
    id: ID!
    name: String!
    nameZh: String!
    hubs: [Hub!]!
    stations: [Station!]!
    merchants: [Merchant!]!
  }

  "A regional sorting and inspection centre."
  type Hub {
    id: ID!
    name: String!
    nameZh: String!
    city: String!
    lat: Float!
    lng: Float!
    dailyCapacityUnits: Int!
  }

  "A drop-off point in a partner baby store."
  type Station {
    id: ID!
    name: String!
    storeName: String!
    address: String!
    city: String!
    province: String!
    lat: Float!
    lng: Float!
    openingHours: String!
    services: [StationService!]!
    "Commission per parcel handled, in fen."
    commissionFen: SafeInt!
    "Commission per large item (pram, cot), in fen."
    largeItemCommissionFen: SafeInt!
    active: Boolean!
  }

  "A member shop."
  type Merchant {
    id: ID!
    name: String!
    nameEn: String!
    category: Category!
    "Local date (YYYY-MM-DD) the merchant joined."
    joinedOn: String!
  }

  extend type Query {
    "The caller's alliance."
    alliance: Alliance!
  }
`

type Ctx = GraphQLContext

export const resolvers = {
  Query: {
    alliance: (_: unknown, __: unknown, ctx: Ctx) => getAlliance(ctx.deps.db, ctx.actor),
  },
  // Stations are also public (nearestStations); their commercial terms are for members only.
  Station: {
    commissionFen: (s: Station, _: unknown, ctx: Ctx) => {
      requireActor(ctx.actor)
      return s.commissionFen
    },
    largeItemCommissionFen: (s: Station, _: unknown, ctx: Ctx) => {
      requireActor(ctx.actor)
      return s.largeItemCommissionFen
    },
  },
  Alliance: {
    hubs: (_: unknown, __: unknown, ctx: Ctx) => listHubs(ctx.deps.db, ctx.actor),
    stations: (_: unknown, __: unknown, ctx: Ctx) => listStations(ctx.deps.db, ctx.actor),
    merchants: (_: unknown, __: unknown, ctx: Ctx) => listMerchants(ctx.deps.db, ctx.actor),
  },
}
