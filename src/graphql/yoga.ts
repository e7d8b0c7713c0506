import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor'
import { NoSchemaIntrospectionCustomRule } from 'graphql'
import { createYoga, type Plugin } from 'graphql-yoga'
import { actorForApiToken, looksLikeApiToken } from '../api-tokens/service'
import { useApiScopes } from '../api-tokens/scopes'
import { actorForSession } from '../auth/service'
import type { ServerContext } from './context'
import { maskError, useErrorCodes } from './error-codes'
import { createLoaders } from './loaders'
import { schema } from './schema'

/** How many operations one request may batch (a JSON array body). */
export const maxBatchSize = 5

/** Refuses `__schema` / `__type` queries: production does not hand out a map of its API. */
const noIntrospection: Plugin = {
  onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule),
}

/**
 * The GraphQL endpoint: bearer-token auth, armour against deep, wide, costly or batched queries
 * from the start, error masking that is never turned off, and CORS for listed origins only. Introspection is on only outside
 * production (GraphiQL and codegen need it while developing).
 */
export function createGraphQL(options: {
  introspection: boolean
  /** Origins allowed to call from the browser; none by default. */
  corsOrigins: readonly string[]
  renderGraphiQL?: () => string
  logError?: (error: unknown, errorId: string) => void
}) {
  return createYoga<ServerContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: options.renderGraphiQL !== undefined,
    renderGraphiQL: options.renderGraphiQL,
    landingPage: false,
    // The runtime's own fetch classes. Left out, yoga brings a ponyfill on Node, and every request
    // and answer crossing between Hono (native Request/Response) and yoga is rebuilt in it.
    fetchAPI: {
      Request,
      Response,
      Headers,
      FormData,
      Blob,
      File,
      ReadableStream,
      URL,
      URLSearchParams,
      TextEncoder,
      TextDecoder,
      crypto,
      fetch,
    },
    // Yoga's default echoes any Origin with credentials. The API takes bearer tokens, never
    // cookies, so no origin is ever allowed credentials, and only listed origins may read answers.
    cors: (request) => {
      const origin = request.headers.get('origin')
      if (!origin || !options.corsOrigins.includes(origin)) return false
      return {
        origin: [origin],
        credentials: false,
        methods: ['GET', 'POST'],
        allowedHeaders: ['authorization', 'content-type'],
        exposedHeaders: ['Retry-After'],
        maxAge: 600,
      }
    },
    logging: false,
    batching: { limit: maxBatchSize },
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
      ...(options.introspection ? [] : [noIntrospection]),
      useErrorCodes(),
      useApiScopes(),
    ],
    context: async ({ request, deps, requestId }) => {
      const auth = request.headers.get('authorization') ?? ''
      const match = /^Bearer\s+(\S+)$/i.exec(auth)
      const token = match?.[1] ?? null
      const user = !token
        ? null
        : looksLikeApiToken(token)
          ? await actorForApiToken(deps.db, token, deps.now())
          : await actorForSession(deps.db, token, 'API', deps.now())
      // The same request id as the Hono request (and its logs), so audit entries can be traced.
      const actor = user && { ...user, requestId }
      return { actor, token, loaders: createLoaders(deps.db, actor, deps.now) }
    },
  })
}
