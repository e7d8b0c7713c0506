import { createSchema } from 'graphql-yoga'
import * as auth from '../auth/graphql'
import * as network from '../network/graphql'
import type { GraphQLContext } from './context'

/** Each capability contributes its type definitions and resolvers; they are merged here. */
const modules = [auth, network]

export const schema = createSchema<GraphQLContext>({
  typeDefs: modules.map((m) => m.typeDefs),
  resolvers: modules.map((m) => m.resolvers),
})
