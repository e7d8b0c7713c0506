import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const create = `mutation ($name: String!, $scopes: [ApiScope!]!) {
  createApiToken(name: $name, scopes: $scopes) { token apiToken { id name scopes lastUsedAt revokedAt } }
}`

async function apiToken(merchantN: number, scopes: string[]) {
  const session = await tokenFor(t, `merchant${merchantN}@nestwork.demo`)
  const res = await gql(t, create, { name: 'shop sync', scopes }, session)
  return { session, ...(res.data.createApiToken as { token: string; apiToken: { id: string } }) }
}

describe('API tokens by GraphQL', () => {
  it('shows the secret once, starting with nwk_, and stores only its hash', async () => {
    const { session, token, apiToken: made } = await apiToken(1, ['RETURNS_READ'])
    expect(token).toMatch(/^nwk_/)
    const rows = await t.db.all<Record<string, unknown>>(sql`select * from api_tokens`)
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(token)
    expect(JSON.stringify(rows)).not.toContain(token.slice(4))
    const list = await gql(t, '{ apiTokens { id name scopes } }', {}, session)
    expect(list.data.apiTokens).toEqual([
      { id: made.id, name: 'shop sync', scopes: ['RETURNS_READ'] },
    ])
    expect(JSON.stringify(list)).not.toContain(token)
  })

  it('lets a RETURNS_READ token read returns but refuses registerReturn with FORBIDDEN', async () => {
    await registerReturnFor(t, 1)
    const { token } = await apiToken(1, ['RETURNS_READ'])
    const read = await gql(t, '{ returns { nodes { id } } }', {}, token)
    expect(read.errors).toBeUndefined()
    expect(read.data.returns.nodes).toHaveLength(1)
    const write = await gql(
      t,
      'mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { id } }',
      {
        input: {
          orderRef: 'TB-2',
          category: 'FOOD',
          itemDescription: 'x',
          orderValueFen: 100,
          reason: 'y',
          hubId: 'hub_1',
        },
      },
      token,
    )
    expect(write.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'API_SCOPE_MISSING',
    })
  })

  it('treats a revoked token as unauthenticated', async () => {
    const { session, token, apiToken: made } = await apiToken(1, ['RETURNS_READ'])
    const revoked = await gql(
      t,
      'mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
      { id: made.id },
      session,
    )
    expect(revoked.data.revokeApiToken.revokedAt).toBeTruthy()
    const res = await gql(t, '{ returns { nodes { id } } }', {}, token)
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })

  it("never lets merchant A's token read merchant B's return", async () => {
    const other = await registerReturnFor(t, 2)
    const { token } = await apiToken(1, ['RETURNS_READ'])
    const res = await gql(t, 'query ($id: ID!) { return(id: $id) { id } }', { id: other.id }, token)
    expect(res.data?.return ?? null).toBeNull()
    const list = await gql(t, '{ returns { nodes { id } } }', {}, token)
    expect(list.data.returns.nodes.map((n: { id: string }) => n.id)).not.toContain(other.id)
  })

  it('refuses token management to a caller using a token', async () => {
    const { token } = await apiToken(1, ['RETURNS_READ', 'RETURNS_WRITE', 'WEBHOOKS_MANAGE'])
    const list = await gql(t, '{ apiTokens { id } }', {}, token)
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const made = await gql(t, create, { name: 'more', scopes: ['RETURNS_READ'] }, token)
    expect(made.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})
