import { GraphQLError, Kind, type DocumentNode } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { ApiScope } from '../../db/schema'
import type { Actor } from '../auth/roles'

/**
 * THE table of what an API token may reach in GraphQL: root field → the scope it needs. A root
 * field not listed here is refused to every token (deny by default); token management itself is
 * deliberately absent, and so are the claims' writes (fileClaim, uploadClaimEvidence): no scope
 * grants writing insurance, and INSURANCE_READ promises its holder a token that only reads.
 * Add one row per new field a program should reach.
 */
export const graphqlFieldScopes: Readonly<Record<string, ApiScope>> = {
  'Query.me': 'RETURNS_READ',
  'Query.returns': 'RETURNS_READ',
  'Query.return': 'RETURNS_READ',
  'Query.returnByCode': 'RETURNS_READ',
  'Mutation.registerReturn': 'RETURNS_WRITE',
  'Mutation.cancelReturn': 'RETURNS_WRITE',
  'Mutation.importReturns': 'RETURNS_WRITE',
  'Mutation.messageCustomer': 'RETURNS_WRITE',
  'Mutation.uploadInspectionPhotos': 'RETURNS_WRITE',
  'Query.hubAvailability': 'BOOKINGS_READ',
  'Query.myBookings': 'BOOKINGS_READ',
  'Mutation.bookHubCapacity': 'BOOKINGS_WRITE',
  'Mutation.cancelBooking': 'BOOKINGS_WRITE',
  'Query.myStatement': 'STATEMENTS_READ',
  'Query.claims': 'INSURANCE_READ',
  'Query.myInsurance': 'INSURANCE_READ',
  'Query.webhookEndpoints': 'WEBHOOKS_MANAGE',
  'Query.webhookDeliveries': 'WEBHOOKS_MANAGE',
  'Mutation.createWebhookEndpoint': 'WEBHOOKS_MANAGE',
  'Mutation.updateWebhookEndpoint': 'WEBHOOKS_MANAGE',
  'Mutation.deleteWebhookEndpoint': 'WEBHOOKS_MANAGE',
  'Mutation.redeliverWebhook': 'WEBHOOKS_MANAGE',
  'Mutation.sendTestWebhook': 'WEBHOOKS_MANAGE',
}

/**
 * THE table of page routes an API token may GET (downloads only): path template → scope, where
 * `:name` stands for one path segment (or the part of it before a literal suffix such as `.csv`).
 * Any other route, and every non-GET request, is refused to a token. Add one row per download.
 */
export const routeScopes: Readonly<Record<string, ApiScope>> = {
  '/returns/:id/label': 'RETURNS_READ',
  '/returns/:id/photos/:photoId': 'RETURNS_READ',
  '/statements/:month.csv': 'STATEMENTS_READ',
  '/returns/labels': 'RETURNS_READ',
  '/returns/labels.pdf': 'RETURNS_READ',
  '/returns/export.csv': 'RETURNS_READ',
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const routeMatchers = Object.entries(routeScopes).map(([template, scope]) => ({
  template,
  scope,
  re: new RegExp(
    '^' +
      template
        .split(/(:[A-Za-z]+)/)
        .map((part) => (part.startsWith(':') ? '[^/]+?' : escape(part)))
        .join('') +
      '$',
  ),
}))

/** The template of `routeScopes` a request path matches, if any. */
export function routeTemplateOf(path: string): string | undefined {
  return routeMatchers.find((m) => m.re.test(path))?.template
}

/** Whether `actor` may use the root field `Type.field`; always true for a signed-in person. */
export function tokenMayUseField(actor: Actor | null, coordinate: string): boolean {
  if (!actor?.scopes) return true
  const needed = graphqlFieldScopes[coordinate]
  return needed !== undefined && actor.scopes.includes(needed)
}

/** Whether `actor` may `method` the route `pattern`; always true for a signed-in person. */
export function tokenMayUseRoute(actor: Actor | null, method: string, pattern: string): boolean {
  if (!actor?.scopes) return true
  if (method !== 'GET' && method !== 'HEAD') return false
  const needed = routeScopes[pattern]
  return needed !== undefined && actor.scopes.includes(needed)
}

/** The root fields an operation selects, as `Type.field`; null when it uses fragments at the root. */
export function rootFields(document: DocumentNode, operationName?: string | null): string[] | null {
  const ops = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops[0]
  if (!op) return []
  const type =
    op.operation === 'query' ? 'Query' : op.operation === 'mutation' ? 'Mutation' : 'Subscription'
  const out: string[] = []
  for (const s of op.selectionSet.selections) {
    if (s.kind !== Kind.FIELD) return null
    if (s.name.value === '__typename') continue
    out.push(`${type}.${s.name.value}`)
  }
  return out
}

/** Refuses, before execution, any operation a token caller's scopes do not cover. */
export function useApiScopes(): Plugin<{ actor: Actor | null }> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const actor = args.contextValue.actor
      if (!actor?.scopes) return
      const fields = rootFields(args.document, args.operationName)
      const refused =
        fields === null ? ['fragment'] : fields.filter((f) => !tokenMayUseField(actor, f))
      if (refused.length === 0) return
      setResultAndStopExecution({
        errors: [
          new GraphQLError('This API token may not do that.', {
            extensions: { code: 'FORBIDDEN', reason: 'API_SCOPE_MISSING', fields: refused },
          }),
        ],
      })
    },
  }
}
