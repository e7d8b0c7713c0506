import type { GraphQLContext } from '../graphql/context'
import { parseInput } from '../graphql/parse-input'
import { getHub, getMerchant, getStation } from '../network/service'
import { requireActor, type Actor } from './roles'
import { localeSchema, signInSchema } from './schemas'
import { revokeSession, setLocale, signIn } from './service'

export const typeDefs = /* GraphQL */ `
  enum Role {
    COORDINATOR
    MERCHANT
    STATION_OPERATOR
    HUB_OPERATOR
  }

  type User {
    id: ID!
    email: String!
    role: Role!
    displayName: String!
    "en or zh-CN"
    locale: String!
    merchant: Merchant
    station: Station
    hub: Hub
  }

  type AuthPayload {
    "Bearer token for the Authorization header; valid 30 days or until logout."
    token: String!
    user: User!
  }

  type Query {
    "The signed-in user."
    me: User!
  }

  type Mutation {
    login(email: String!, password: String!): AuthPayload!
    "Revokes the bearer token used for this request."
    logout: Boolean!
    "Remembers the user's language (en or zh-CN)."
    setLocale(locale: String!): User!
  }
`

type Ctx = GraphQLContext

export const resolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: Ctx) => requireActor(ctx.actor),
  },
  Mutation: {
    login: async (_: unknown, args: unknown, ctx: Ctx) => {
      const input = parseInput(signInSchema, args)
      const { token, actor } = await signIn(ctx.deps.db, ctx.deps, {
        ...input,
        ip: ctx.ip,
        kind: 'API',
      })
      return { token, user: actor }
    },
    logout: async (_: unknown, __: unknown, ctx: Ctx) => {
      requireActor(ctx.actor)
      await revokeSession(ctx.deps.db, ctx.token!, ctx.deps.now())
      return true
    },
    setLocale: async (_: unknown, args: unknown, ctx: Ctx) => {
      const actor = requireActor(ctx.actor)
      const { locale } = parseInput(localeSchema, args)
      await setLocale(ctx.deps.db, actor, locale)
      return { ...actor, locale }
    },
  },
  User: {
    id: (u: Actor) => u.userId,
    merchant: (u: Actor, _: unknown, ctx: Ctx) =>
      u.merchantId ? getMerchant(ctx.deps.db, ctx.actor, u.merchantId) : null,
    station: (u: Actor, _: unknown, ctx: Ctx) =>
      u.stationId ? getStation(ctx.deps.db, ctx.actor, u.stationId) : null,
    hub: (u: Actor, _: unknown, ctx: Ctx) =>
      u.hubId ? getHub(ctx.deps.db, ctx.actor, u.hubId) : null,
  },
}
