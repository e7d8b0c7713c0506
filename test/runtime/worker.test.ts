import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'

async function graphql(query: string, token?: string) {
  const res = await SELF.fetch('https://nestwork.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  })
  return (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] }
}

describe('Worker entry on workerd with D1', () => {
  it('answers the health check', async () => {
    const res = await SELF.fetch('https://nestwork.test/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('signs a merchant in and serves its alliance over GraphQL', async () => {
    const login = await graphql(
      'mutation { login(email: "merchant1@nestwork.demo", password: "nestwork-demo") { token } }',
    )
    expect(login.errors).toBeUndefined()
    const token: string = login.data.login.token
    expect(token).toBeTruthy()

    const { data, errors } = await graphql(
      'query { me { email role merchant { id } } alliance { hubs { id } stations { id } } }',
      token,
    )
    expect(errors).toBeUndefined()
    expect(data.me).toMatchObject({ email: 'merchant1@nestwork.demo', role: 'MERCHANT' })
    expect(data.me.merchant.id).toBeTruthy()
    expect(data.alliance.hubs).toHaveLength(3)
    expect(data.alliance.stations).toHaveLength(48)
  })

  it('refuses an anonymous caller', async () => {
    const { errors } = await graphql('query { me { id } }')
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('serves /static/* from the ASSETS binding', async () => {
    const res = await SELF.fetch('https://nestwork.test/static/app.css')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/css')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
