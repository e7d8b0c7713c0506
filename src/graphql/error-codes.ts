import { GraphQLError, type ExecutionResult } from 'graphql'
import { isAsyncIterable, type Plugin } from 'graphql-yoga'
import { DomainError, errorCodes, toGraphQLError, type ErrorCode } from '../errors'
import type { ServerContext } from './context'

/**
 * Masking: a domain error keeps its message and code; anything unexpected becomes
 * "Unexpected error." with code INTERNAL and an error id that is also logged, never a stack or
 * SQL.
 */
export function maskError(error: unknown, log?: (e: unknown, errorId: string) => void) {
  const original = isGraphQLError(error) ? (error.originalError ?? null) : error
  if (original instanceof DomainError) return withPath(toGraphQLError(original), error)
  // Errors graphql itself raises about the request (e.g. a variable that does not coerce) are
  // GraphQL errors all the way down and safe to show.
  if (isGraphQLError(error) && (!error.originalError || isGraphQLError(error.originalError))) {
    return error
  }
  const errorId = crypto.randomUUID()
  log?.(original, errorId)
  return new GraphQLError('Unexpected error.', {
    path: isGraphQLError(error) ? error.path : undefined,
    extensions: { code: 'INTERNAL', errorId },
  })
}

// graphql can be loaded twice (its ESM and CJS builds), so `instanceof GraphQLError` is not
// reliable across packages; its name is.
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError'
}

function withPath(mapped: GraphQLError, source: unknown): GraphQLError {
  if (!isGraphQLError(source) || !source.path) return mapped
  return new GraphQLError(mapped.message, { path: source.path, extensions: mapped.extensions })
}

const known = new Set<string>(errorCodes)

/**
 * Every error a client sees carries a code from the one list. Errors raised before execution
 * (syntax, validation, depth/cost limits, variables that do not coerce) are the caller's
 * input problems: BAD_USER_INPUT.
 */
export function useErrorCodes(): Plugin<ServerContext> {
  // A throttled caller is told when to come back in the HTTP header too, as pages do.
  const retryAfter = new WeakMap<Request, number>()
  return {
    onResultProcess({ request, result, setResult }) {
      if (isAsyncIterable(result)) return
      const fix = (r: ExecutionResult): ExecutionResult =>
        r.errors ? { ...r, errors: r.errors.map((e) => withCode(e)) } : r
      const fixed = Array.isArray(result) ? result.map(fix) : fix(result)
      for (const r of Array.isArray(fixed) ? fixed : [fixed]) {
        for (const e of r.errors ?? []) {
          const seconds = e.extensions?.retryAfterSeconds
          if (e.extensions?.code === 'RATE_LIMITED' && typeof seconds === 'number') {
            retryAfter.set(request, Math.max(seconds, retryAfter.get(request) ?? 0))
          }
        }
      }
      setResult(fixed)
    },
    onResponse({ request, response }) {
      const seconds = retryAfter.get(request)
      if (seconds !== undefined) response.headers.set('Retry-After', String(seconds))
    },
  }
}

function withCode(error: GraphQLError): GraphQLError {
  const code = error.extensions?.code
  if (typeof code === 'string' && known.has(code)) return error
  const extensions = { ...error.extensions, code: 'BAD_USER_INPUT' satisfies ErrorCode }
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions,
  })
}
