import { createSchema } from 'graphql-yoga'
import * as audit from '../audit/graphql'
import * as auth from '../auth/graphql'
import * as benchmarks from '../benchmarks/graphql'
import * as booking from '../booking/graphql'
import * as inspection from '../inspection/graphql'
import * as insurance from '../insurance/graphql'
import * as network from '../network/graphql'
import * as returns from '../returns/graphql'
import * as settlement from '../settlement/graphql'
import * as stations from '../stations/graphql'
import type { GraphQLContext } from './context'
import * as scalars from './scalars'

/** Each capability contributes its type definitions and resolvers; they are merged here. */
const modules = [
  scalars,
  auth,
  network,
  booking,
  returns,
  stations,
  inspection,
  settlement,
  insurance,
  benchmarks,
  audit,
]

export const schema = createSchema<GraphQLContext>({
  typeDefs: modules.map((m) => m.typeDefs),
  resolvers: modules.map((m) => m.resolvers),
})
