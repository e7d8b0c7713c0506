import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor'
import { createYoga } from 'graphql-yoga'
import { actorForSession } from '../auth/service'
import type { ServerContext } from './context'
import { maskError, useErrorCodes } from './error-codes'
import { schema } from './schema'

/**
 * The GraphQL endpoint: bearer-token auth, armour against deep, wide or costly queries from the
 * start, and error masking that is never turned off.
 */
export function createGraphQL(options: {
  renderGraphiQL?: () => string
  logError?: (error: unknown, errorId: string) => void
}) {
  return createYoga<ServerContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: options.renderGraphiQL !== undefined,
    renderGraphiQL: options.renderGraphiQL,
    landingPage: false,
    logging: false,
    maskedErrors: {
      maskError: (error) => maskError(error, options.logError),
    },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: 10 },
        costLimit: { maxCost: 5000 },
        maxAliases: { n: 15 },
        maxDirectives: { n: 20 },
        maxTokens: { n: 2000 },
        blockFieldSuggestion: { enabled: true },
      }),
      useErrorCodes(),
    ],
    context: async ({ request, deps, requestId }) => {
      const auth = request.headers.get('authorization') ?? ''
      const match = /^Bearer\s+(\S+)$/i.exec(auth)
      const token = match?.[1] ?? null
      const user = token ? await actorForSession(deps.db, token, 'API', deps.now()) : null
      // The same request id as the Hono request (and its logs), so audit entries can be traced.
      return { actor: user && { ...user, requestId }, token }
    },
  })
}
