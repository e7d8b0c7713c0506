// The access log names the route pattern that answered, the status, the time taken and the
// signed-in user's id: never the raw path or query (return codes, searches) nor an email.
import { describe, expect, it } from 'vitest'
import type { RequestRecord } from '../../src/ops/access-log'
import { createTestApp } from '../helpers/app'
import { Browser } from '../helpers/http'

async function loggedApp() {
  const records: RequestRecord[] = []
  const t = await createTestApp({ deps: { logRequest: (r) => records.push(r) } })
  return { t, records, last: () => records.at(-1)! }
}

describe('the access log', () => {
  it('records a public page by its route, without the query, under the request id', async () => {
    const { t, records, last } = await loggedApp()
    const res = await t.app.request('http://localhost/track?code=NW-SECRET-CODE')
    expect(records).toHaveLength(1)
    expect(last()).toMatchObject({
      requestId: res.headers.get('x-request-id'),
      method: 'GET',
      route: '/track',
      status: res.status,
      userId: null,
    })
    expect(last().durationMs).toBeGreaterThanOrEqual(0)
    expect(JSON.stringify(records)).not.toContain('NW-SECRET')
  })

  it('names the signed-in user by id and a parameterised route by its pattern', async () => {
    const { t, last } = await loggedApp()
    const { rows } = (await t.client.execute({
      sql: 'select id from users where email = ?',
      args: ['merchant1@nestwork.demo'],
    })) as { rows: { id: string }[] }
    const browser = new Browser(t)
    await browser.signIn('merchant1@nestwork.demo')
    const res = await browser.get('/returns/ret_unknown')
    expect(last()).toMatchObject({
      route: '/returns/:id',
      status: res.status,
      userId: rows[0]!.id,
    })
    expect(JSON.stringify(last())).not.toContain('merchant1@')
  })

  it('names the page a sign-in redirect was for, and no route for a path nobody serves', async () => {
    const { t, last } = await loggedApp()
    const redirected = await t.app.request('http://localhost/bookings')
    expect(redirected.status).toBeGreaterThanOrEqual(300)
    expect(redirected.status).toBeLessThan(400)
    expect(last()).toMatchObject({ route: '/bookings', status: redirected.status })

    const missing = await t.app.request('http://localhost/no/such/page')
    expect(missing.status).toBe(404)
    expect(last()).toMatchObject({ route: 'unmatched', status: 404 })
  })

  it('records GraphQL calls as /graphql', async () => {
    const { t, last } = await loggedApp()
    await t.app.request('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    })
    expect(last()).toMatchObject({ method: 'POST', route: '/graphql', status: 200 })
  })
})
