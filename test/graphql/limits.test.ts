import { beforeAll, describe, expect, it } from 'vitest'
import { maxBatchSize } from '../../src/graphql/yoga'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'

let t: TestApp
let token: string
beforeAll(async () => {
  t = await createTestApp()
  token = await tokenFor(t, 'merchant1@nestwork.demo')
})

async function post(app: TestApp, body: unknown) {
  const res = await app.app.request('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as any }
}

describe('GraphQL limits', () => {
  it('refuses more aliases than the limit before running anything', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')
    const res = await gql(t, `{ ${aliases} }`, {}, token)
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    expect(res.errors![0]!.message).toMatch(/alias/i)
    expect(res.data ?? null).toBeNull()
  })

  it('accepts aliases up to the limit', async () => {
    const aliases = Array.from({ length: 15 }, (_, i) => `a${i}: me { id }`).join(' ')
    const res = await gql(t, `{ ${aliases} }`, {}, token)
    expect(res.errors).toBeUndefined()
    expect(Object.keys(res.data!)).toHaveLength(15)
  })

  it('refuses a query whose cost is over the limit, counting page sizes', async () => {
    const page = (n: number) =>
      `returns(first: ${n}) { nodes { id code status } pageInfo { endCursor } }`
    const cheap = await gql(t, `{ ${page(100)} }`, {}, token)
    expect(cheap.errors).toBeUndefined()
    const costly = await gql(t, `{ a: ${page(100)} b: ${page(100)} c: ${page(100)} }`, {}, token)
    expect(costly.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    expect(costly.errors![0]!.message).toMatch(/cost/i)
    expect(costly.data ?? null).toBeNull()
  })

  it('refuses a document with more tokens than the limit', async () => {
    const fields = Array.from({ length: 2100 }, () => 'id').join(' ')
    const res = await gql(t, `{ me { ${fields} } }`, {}, token)
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    expect(res.errors![0]!.message).toMatch(/token/i)
  })

  it(`runs a batch of up to ${maxBatchSize} operations and refuses a larger one`, async () => {
    const op = { query: '{ me { email } }' }
    const ok = await post(
      t,
      Array.from({ length: maxBatchSize }, () => op),
    )
    expect(ok.status).toBe(200)
    expect(ok.json).toHaveLength(maxBatchSize)
    expect(ok.json[0].data.me.email).toBe('merchant1@nestwork.demo')

    const tooMany = await post(
      t,
      Array.from({ length: maxBatchSize + 1 }, () => op),
    )
    expect(tooMany.status).toBeGreaterThanOrEqual(400)
    expect(tooMany.status).toBeLessThan(500)
    expect(JSON.stringify(tooMany.json)).toMatch(/batch/i)
  })

  it('answers introspection outside production', async () => {
    const res = await gql(t, '{ __schema { queryType { name } } }', {}, token)
    expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' } } })
  })

  it('refuses introspection in production, while ordinary queries still work', async () => {
    const prod = await createTestApp({
      env: { NODE_ENV: 'production', CONTACT_KEY: 'k'.repeat(32) },
    })
    const prodToken = await tokenFor(prod, 'merchant1@nestwork.demo')
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Query") { name } }']) {
      const res = await gql(prod, query, {}, prodToken)
      expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
      expect(res.errors![0]!.message).toMatch(/introspection/i)
      expect(res.data ?? null).toBeNull()
    }
    const me = await gql(prod, '{ me { email } }', {}, prodToken)
    expect(me.data).toEqual({ me: { email: 'merchant1@nestwork.demo' } })
  })
})
