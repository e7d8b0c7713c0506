import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

async function apiToken(scopes: string[]) {
  const session = await tokenFor(t, 'merchant1@nestwork.demo')
  const res = await gql(
    t,
    'mutation ($s: [ApiScope!]!) { createApiToken(name: "dl", scopes: $s) { token } }',
    { s: scopes },
    session,
  )
  return res.data.createApiToken.token as string
}

const get = (path: string, token: string, method = 'GET') =>
  t.app.request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  })

describe('downloads with an API token', () => {
  it('serves a return label to a RETURNS_READ token as the owner', async () => {
    const { id } = await registerReturnFor(t, 1)
    const res = await get(`/returns/${id}/label`, await apiToken(['RETURNS_READ']))
    expect(res.status).toBe(200)
  })

  it('serves batch labels as a PDF and the returns export to a RETURNS_READ token', async () => {
    const { id } = await registerReturnFor(t, 1)
    const token = await apiToken(['RETURNS_READ'])
    const pdf = await get(`/returns/labels.pdf?ids=${id}`, token)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toContain('application/pdf')
    const csv = await get('/returns/export.csv', token)
    expect(csv.status).toBe(200)
    expect(await csv.text()).toContain('TB-')
  })

  it('serves a statement CSV to a STATEMENTS_READ token', async () => {
    const res = await get('/statements/2026-10.csv', await apiToken(['STATEMENTS_READ']))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
  })

  it('refuses a download the token has no scope for, a page not listed, and any POST with 403', async () => {
    const token = await apiToken(['RETURNS_READ'])
    expect((await get('/statements/2026-10.csv', token)).status).toBe(403)
    expect((await get('/returns', token)).status).toBe(403)
    expect((await get('/returns/new', token, 'POST')).status).toBe(403)
  })

  it('answers an unknown token with 401, not a redirect to sign-in', async () => {
    const res = await get('/statements/2026-10.csv', 'nwk_not-a-real-token')
    expect(res.status).toBe(401)
  })
})
