import * as apiTokens from '../api-tokens/graphql'
import * as audit from '../audit/graphql'
import * as auth from '../auth/graphql'
import * as benchmarks from '../benchmarks/graphql'
import * as booking from '../booking/graphql'
import * as hubFloor from '../hubs/graphql'
import * as inspection from '../inspection/graphql'
import * as insurance from '../insurance/graphql'
import * as members from '../members/graphql'
import * as network from '../network/graphql'
import * as notifications from '../notifications/graphql'
import * as returns from '../returns/graphql'
import * as returnImports from '../returns/import/graphql'
import * as settlement from '../settlement/graphql'
import * as staff from '../staff/graphql'
import * as stations from '../stations/graphql'
import * as webhooks from '../webhooks/graphql'
import type { GraphQLContext } from './context'
import { executableSchema, type ResolverMap } from './executable-schema'
import { createLoaders } from './loaders'
import * as scalars from './scalars'
import generated from './type-defs.generated.json'

/**
 * Each capability contributes its resolvers; they are merged here with the type definitions
 * generated from every capability's schema.graphql.
 */
const modules = [
  scalars,
  auth,
  network,
  members,
  booking,
  returns,
  returnImports,
  stations,
  inspection,
  staff,
  settlement,
  insurance,
  benchmarks,
  audit,
  hubFloor,
  apiTokens,
  webhooks,
  notifications,
]

type Resolver = (parent: unknown, args: unknown, ctx: GraphQLContext, info: unknown) => unknown

/**
 * Each mutation starts with fresh loaders, so what it changed is read anew rather than from what
 * an earlier field of the same operation loaded (mutation fields run one after another).
 */
function freshLoadersPerMutation<R extends object>(resolvers: R): R {
  const mutations = (resolvers as { Mutation?: Record<string, Resolver> }).Mutation
  if (!mutations) return resolvers
  const wrapped = Object.entries(mutations).map(([name, resolve]): [string, Resolver] => [
    name,
    (parent, args, ctx, info) => {
      ctx.loaders = createLoaders(ctx.deps.db, ctx.actor, ctx.deps.now)
      return resolve(parent, args, ctx, info)
    },
  ])
  return { ...resolvers, Mutation: Object.fromEntries(wrapped) }
}

export const schema = executableSchema(
  generated.typeDefs,
  modules.map((m) => freshLoadersPerMutation(m.resolvers) as ResolverMap),
)
