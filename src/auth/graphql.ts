import type { GraphQLContext } from '../graphql/context'
import { parseInput } from '../parse-input'
import { requireActor, type Actor } from './roles'
import {
  changePasswordSchema,
  localeSchema,
  sessionIdSchema,
  signInSchema,
  userIdSchema,
} from './schemas'
import { changePassword } from './password-change'
import { revokeSession, setLocale, signIn } from './service'
import {
  listOwnSessions,
  listUsersWithSessions,
  revokeAllOwnSessions,
  revokeOwnSession,
  revokeUserSessions,
} from './sessions'

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

  enum SessionKind {
    "A browser (cookie) session"
    WEB
    "A bearer token from login"
    API
  }

  "A live session of the signed-in user. The id is not the secret."
  type Session {
    id: ID!
    kind: SessionKind!
    createdAt: String!
    "When it ends unless used before then (idle timeout, capped by the absolute lifetime)."
    expiresAt: String!
    "Whether this request uses it."
    current: Boolean!
  }

  "A user of the alliance as coordinators see it for access control."
  type AllianceUser {
    id: ID!
    displayName: String!
    email: String!
    role: Role!
    liveSessions: Int!
  }

  type Query {
    "The signed-in user."
    me: User!
    "The signed-in user's live sessions (browsers and tokens)."
    mySessions: [Session!]!
    "Coordinator: the alliance's users with their live session counts."
    allianceUsers: [AllianceUser!]!
  }

  type Mutation {
    """
    Opens a session. Wrong email or password: UNAUTHENTICATED. Too many attempts: RATE_LIMITED with
    retryAfterSeconds and reason (ACCOUNT_AND_ADDRESS, ADDRESS, or ACCOUNT when the account is
    slowed down after many wrong passwords from anywhere).
    """
    login(email: String!, password: String!): AuthPayload!
    "Revokes the bearer token used for this request."
    logout: Boolean!
    "Remembers the user's language (en or zh-CN)."
    setLocale(locale: String!): User!
    "Ends one of the signed-in user's sessions (see mySessions)."
    revokeSession(id: ID!): Boolean!
    "Ends every session of the signed-in user, this token included; returns how many ended."
    logoutEverywhere: Int!
    "Coordinator: ends every session of a user of the alliance; returns how many ended."
    revokeUserSessions(userId: ID!): Int!
    """
    Replaces the signed-in user's password (at least 10 characters, not a common one) and ends
    every other session of theirs; this token stays signed in. A wrong currentPassword is
    BAD_USER_INPUT and counts against the sign-in limits (RATE_LIMITED with retryAfterSeconds).
    """
    changePassword(currentPassword: String!, newPassword: String!): Boolean!
  }
`

type Ctx = GraphQLContext

export const resolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: Ctx) => requireActor(ctx.actor),
    mySessions: (_: unknown, __: unknown, ctx: Ctx) =>
      listOwnSessions(ctx.deps.db, ctx.actor, ctx.token, ctx.deps.now()),
    allianceUsers: (_: unknown, __: unknown, ctx: Ctx) =>
      listUsersWithSessions(ctx.deps.db, ctx.actor, ctx.deps.now()),
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
    revokeSession: async (_: unknown, args: unknown, ctx: Ctx) => {
      const { id } = parseInput(sessionIdSchema, args)
      await revokeOwnSession(ctx.deps.db, ctx.actor, id, ctx.deps.now())
      return true
    },
    logoutEverywhere: (_: unknown, __: unknown, ctx: Ctx) =>
      revokeAllOwnSessions(ctx.deps.db, ctx.actor, ctx.deps.now()),
    revokeUserSessions: (_: unknown, args: unknown, ctx: Ctx) => {
      const { userId } = parseInput(userIdSchema, args)
      return revokeUserSessions(ctx.deps.db, ctx.actor, userId, ctx.deps.now())
    },
    changePassword: async (_: unknown, args: unknown, ctx: Ctx) => {
      requireActor(ctx.actor)
      const input = parseInput(changePasswordSchema, args)
      await changePassword(ctx.deps.db, ctx.deps, ctx.actor, input, {
        ip: ctx.ip,
        currentToken: ctx.token,
      })
      return true
    },
  },
  User: {
    id: (u: Actor) => u.userId,
    merchant: (u: Actor, _: unknown, ctx: Ctx) =>
      u.merchantId ? ctx.loaders.merchant.load(u.merchantId) : null,
    station: (u: Actor, _: unknown, ctx: Ctx) =>
      u.stationId ? ctx.loaders.station.load(u.stationId) : null,
    hub: (u: Actor, _: unknown, ctx: Ctx) => (u.hubId ? ctx.loaders.hub.load(u.hubId) : null),
  },
}
