import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { buildFixtures, fingerprint, roles, type Fixtures } from './fixtures'
import { graphqlCases, routeCases } from './matrix'
import {
  scopeEmails,
  scopeGraphQL,
  scopeRoutes,
  scopeTokens,
  unscoped,
  type ScopeActor,
} from './scope-matrix'

/**
 * Every hub and station action, tried by the operator of another hub or station: it reaches
 * NOT_FOUND or the refusal the table names, and a refused change writes nothing.
 */
let fx: Fixtures
const browsers = {} as Record<ScopeActor, Browser>
beforeAll(async () => {
  fx = await buildFixtures(await createTestApp())
  for (const as of ['hub2', 'station2'] as const) {
    scopeTokens[as] = await tokenFor(fx.t, scopeEmails[as])
    browsers[as] = new Browser(fx.t)
    await browsers[as].signIn(scopeEmails[as])
  }
}, 120_000)

const mutations = new Set(Object.keys(graphqlCases.Mutation))

function classify(method: string, res: Response): string {
  if (res.status >= 200 && res.status < 300) return 'OK'
  if (res.status >= 300 && res.status < 400) {
    const to = res.headers.get('location') ?? ''
    return method === 'GET' && to.startsWith('/login') ? 'SIGN_IN' : 'OK'
  }
  const byStatus: Record<number, string> = {
    400: 'BAD_USER_INPUT',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    409: 'CONFLICT',
  }
  return byStatus[res.status] ?? `HTTP ${res.status}`
}

describe('the scope table covers every hub and station action', () => {
  const reachable = (index: number) => {
    const fields = Object.entries({ ...graphqlCases.Query, ...graphqlCases.Mutation })
      .filter(([, c]) => ['OK', 'BAD_USER_INPUT'].includes(c.expect[index]!))
      .map(([name]) => name)
      .filter((name) => !unscoped.graphql.includes(name))
    const routes = routeCases
      .filter((c) => ['OK', 'BAD_USER_INPUT'].includes(c.expect[index]!))
      .map((c) => `${c.method} ${c.route}`)
      .filter((r) => !unscoped.routes.includes(r))
    return { fields: fields.sort(), routes: routes.sort() }
  }
  const covered = (as: ScopeActor) => ({
    fields: [...new Set(scopeGraphQL.filter((c) => c.as === as).map((c) => c.field))].sort(),
    routes: [
      ...new Set(scopeRoutes.filter((c) => c.as === as).map((c) => `${c.method} ${c.route}`)),
    ].sort(),
  })

  it.each([
    ['hub2', roles.indexOf('hub')],
    ['station2', roles.indexOf('station')],
  ] as const)('has a %s row for everything that operator role may do', (as, index) => {
    expect(covered(as)).toEqual(reachable(index))
  })
})

describe('GraphQL, as another hub’s or station’s operator', () => {
  it.each(scopeGraphQL.map((c, i) => [`${c.as} ${c.field} #${i}`, c] as const))(
    '%s',
    async (_, c) => {
      const vars = (await c.vars?.(fx)) ?? {}
      const before = await fingerprint(fx.t)
      const res = await gql(fx.t, c.query, vars, scopeTokens[c.as])
      const got = res.errors?.length ? String(res.errors[0]!.extensions?.code) : 'OK'
      expect(got).toBe(c.expect)
      if (c.expect !== 'OK' && mutations.has(c.field) && !c.writes) {
        expect(await fingerprint(fx.t)).toEqual(before)
      }
      await c.check?.(fx, res.data, vars)
    },
  )
})

describe('pages and forms, as another hub’s or station’s operator', () => {
  it.each(scopeRoutes.map((c, i) => [`${c.as} ${c.method} ${c.route} #${i}`, c] as const))(
    '%s',
    async (_, c) => {
      const made = (await c.make?.(fx)) ?? {}
      const before = await fingerprint(fx.t)
      const browser = browsers[c.as]
      const path = made.path ?? c.route
      const res =
        c.method === 'GET' ? await browser.get(path) : await browser.post(path, made.form ?? {})
      const body = await res.text()
      expect(classify(c.method, res)).toBe(c.expect)
      if (c.method === 'POST' && !c.writes) expect(await fingerprint(fx.t)).toEqual(before)
      await c.check?.(fx, body, made)
    },
  )
})
