import type { YogaInitialContext } from 'graphql-yoga'
import type { Actor } from '../auth/roles'
import type { AppDeps } from '../http/types'
import type { Loaders } from './loaders'

/** What the Hono route hands to yoga for each request. */
export interface ServerContext {
  deps: AppDeps
  ip: string
  requestId: string
}

/** The typed context every resolver receives. */
export interface GraphQLContext extends YogaInitialContext, ServerContext {
  actor: Actor | null
  /** The bearer token of this request, if any (so `logout` can revoke it). */
  token: string | null
  /** Batched look-ups for field resolvers, fresh for each request and each mutation. */
  loaders: Loaders
}
