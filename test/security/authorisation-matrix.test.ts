import type { GraphQLField, GraphQLObjectType, GraphQLOutputType } from 'graphql'
import { beforeAll, describe, expect, it } from 'vitest'
import { schema } from '../../src/graphql/schema'
import { createTestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { buildFixtures, emails, roles, type Fixtures, type RoleName } from './fixtures'
import { graphqlCases, routeCases, type Outcome, type RouteCase } from './matrix'

/**
 * Every GraphQL field and every page or form route, tried as each of the six callers, against
 * the outcome the table in matrix.ts expects. Rows that a call changes are built per cell, so a
 * cell's outcome does not depend on the cells before it.
 */
let fx: Fixtures
beforeAll(async () => {
  fx = await buildFixtures(await createTestApp())
}, 120_000)

/** `query ($id: ID!) { return(id: $id) { __typename id } }` for the arguments given. */
function operationFor(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  vars: Record<string, unknown>,
): string {
  const args = field.args.filter((a) => a.name in vars)
  const decl = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ')
  // graphql may be loaded twice (ESM and CJS), so its type predicates cannot be used here.
  let type: GraphQLOutputType = field.type
  while ('ofType' in type) type = type.ofType
  const selection =
    'getFields' in type ? `{ __typename${'id' in type.getFields() ? ' id' : ''} }` : ''
  return `${kind}${decl ? ` (${decl})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selection} }`
}

async function graphqlOutcome(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  role: RoleName,
  vars: Record<string, unknown>,
  freshSession = false,
): Promise<string> {
  const token =
    role === 'anonymous'
      ? undefined
      : freshSession
        ? await tokenFor(fx.t, emails[role])
        : fx.tokens[role]
  const res = await gql(fx.t, operationFor(kind, field, vars), vars, token)
  if (res.errors?.length) return String(res.errors[0]!.extensions?.code)
  const value = res.data?.[field.name]
  return value === null || value === undefined ? 'NULL' : 'OK'
}

async function routeOutcome(c: RouteCase, role: RoleName): Promise<string> {
  let browser = fx.browsers[role]
  if (c.freshSession) {
    browser = new Browser(fx.t)
    if (role === 'anonymous') await browser.get('/login')
    else await browser.signIn(emails[role])
  }
  const made = (await c.make?.(fx, role)) ?? {}
  const path = made.path ?? c.route
  const res =
    c.method === 'GET' ? await browser.get(path) : await browser.post(path, made.form ?? {})
  await res.arrayBuffer()
  return classify(c.method, res)
}

function classify(method: string, res: Response): string {
  if (res.status >= 200 && res.status < 300) return 'OK'
  if (res.status >= 300 && res.status < 400) {
    const to = res.headers.get('location') ?? ''
    return method === 'GET' && to.startsWith('/login') ? 'SIGN_IN' : 'OK'
  }
  const byStatus: Record<number, Outcome> = {
    400: 'BAD_USER_INPUT',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    409: 'CONFLICT',
  }
  return byStatus[res.status] ?? `HTTP ${res.status}`
}

const rootTypes: [kind: 'query' | 'mutation', type: GraphQLObjectType][] = [
  ['query', schema.getQueryType()!],
  ['mutation', schema.getMutationType()!],
]

describe('the authorisation matrix covers the whole surface', () => {
  it('lists every Query and Mutation field of the schema, and no other', () => {
    for (const [, type] of rootTypes) {
      const table = graphqlCases[type.name as 'Query' | 'Mutation']
      expect(Object.keys(table).sort(), type.name).toEqual(Object.keys(type.getFields()).sort())
    }
  })

  it('lists every GET and POST route the app registers, and no other', () => {
    const registered = new Set(
      fx.t.app.routes
        .filter((r) => (r.method === 'GET' || r.method === 'POST') && r.path !== '/graphql')
        .map((r) => `${r.method} ${r.path}`),
    )
    const listed = routeCases.map((c) => `${c.method} ${c.route}`)
    expect(new Set(listed).size, 'a route is listed twice').toBe(listed.length)
    expect([...listed].sort()).toEqual([...registered].sort())
  })
})

describe.each(rootTypes)('GraphQL %s fields, as each role', (kind, type) => {
  const table = graphqlCases[type.name as 'Query' | 'Mutation']
  it.each(Object.keys(type.getFields()))('%s', async (name) => {
    const field = type.getFields()[name]!
    const c = table[name]!
    const got: string[] = []
    for (const role of roles) {
      const vars = (await c.vars?.(fx, role)) ?? {}
      got.push(await graphqlOutcome(kind, field, role, vars, c.freshSession))
    }
    await c.after?.(fx)
    expect(label(got)).toEqual(label(c.expect))
  })
})

describe('pages and forms, as each role', () => {
  it.each(routeCases.map((c) => [`${c.method} ${c.route}`, c] as const))('%s', async (_, c) => {
    const got: string[] = []
    for (const role of roles) got.push(await routeOutcome(c, role))
    await c.after?.(fx)
    expect(label(got)).toEqual(label(c.expect))
  })
})

/** `{ anonymous: 'UNAUTHENTICATED', merchantA: 'OK', … }`, so a failure names the role. */
function label(row: readonly string[]): Record<RoleName, string> {
  return Object.fromEntries(roles.map((r, i) => [r, row[i]])) as Record<RoleName, string>
}
