import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const invite = `mutation ($input: InviteUserInput!) {
  inviteUser(input: $input) { id email role expiresAt url } }`
const accept = `mutation ($token: String!, $password: String!) {
  acceptInvitation(token: $token, password: $password) { token user { email role } } }`
const password = 'a-fresh-passphrase-77'
const tokenOf = (url: string) => url.split('/invite/')[1]!

describe('inviteUser and acceptInvitation', () => {
  it('lets a merchant invite its own staff, who then signs in with the link', async () => {
    const owner = await tokenFor(t, 'merchant1@nestwork.demo')
    const res = await gql(
      t,
      invite,
      { input: { email: 'staff@shop.example', role: 'MERCHANT' } },
      owner,
    )
    expect(res.errors).toBeUndefined()
    const created = res.data.inviteUser
    expect(created).toMatchObject({ email: 'staff@shop.example', role: 'MERCHANT' })
    expect(created.expiresAt).toBe('2026-11-28T02:00:00.000Z')
    expect(created.url).toMatch(/^http:\/\/localhost\/invite\/[A-Za-z0-9_-]{43}$/)

    const pending = await gql(t, '{ pendingInvitations { email url } }', {}, owner)
    expect(pending.data.pendingInvitations).toEqual([{ email: 'staff@shop.example', url: null }])

    const accepted = await gql(t, accept, { token: tokenOf(created.url), password })
    expect(accepted.errors).toBeUndefined()
    expect(accepted.data.acceptInvitation.user).toEqual({
      email: 'staff@shop.example',
      role: 'MERCHANT',
    })
    const me = await gql(
      t,
      '{ me { email merchant { id } } }',
      {},
      accepted.data.acceptInvitation.token,
    )
    expect(me.data.me).toEqual({ email: 'staff@shop.example', merchant: { id: 'mer_01' } })

    const again = await gql(t, accept, { token: tokenOf(created.url), password })
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LINK_USED' })
  })

  it('refuses a merchant inviting into another organisation', async () => {
    const owner = await tokenFor(t, 'merchant1@nestwork.demo')
    for (const input of [
      { email: 'a@example.com', role: 'MERCHANT', merchantId: 'mer_02' },
      { email: 'b@example.com', role: 'STATION_OPERATOR', stationId: 'sta_01' },
      { email: 'c@example.com', role: 'COORDINATOR' },
    ]) {
      const res = await gql(t, invite, { input }, owner)
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN')
    }
    const station = await tokenFor(t, 'station1@nestwork.demo')
    const res = await gql(
      t,
      invite,
      { input: { email: 'd@example.com', role: 'STATION_OPERATOR', stationId: 'sta_01' } },
      station,
    )
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })

  it('lets a coordinator invite for any organisation, which must exist and fit the role', async () => {
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    const ok = await gql(
      t,
      invite,
      { input: { email: 'hub@example.com', role: 'HUB_OPERATOR', hubId: 'hub_2' } },
      coordinator,
    )
    expect(ok.errors).toBeUndefined()
    const wrong = await gql(
      t,
      invite,
      { input: { email: 'x@example.com', role: 'HUB_OPERATOR', stationId: 'sta_01' } },
      coordinator,
    )
    expect(wrong.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'stationId',
    })
    const missing = await gql(
      t,
      invite,
      { input: { email: 'y@example.com', role: 'MERCHANT', merchantId: 'mer_999' } },
      coordinator,
    )
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Merchant' })
    const taken = await gql(
      t,
      invite,
      { input: { email: 'merchant2@nestwork.demo', role: 'COORDINATOR' } },
      coordinator,
    )
    expect(taken.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' })
  })

  it('makes a fresh unguessable secret per invitation, expiring after 72 hours', async () => {
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    const urls = new Set<string>()
    for (let i = 0; i < 5; i++) {
      const res = await gql(
        t,
        invite,
        { input: { email: `p${i}@example.com`, role: 'COORDINATOR' } },
        coordinator,
      )
      urls.add(res.data.inviteUser.url)
    }
    expect(urls.size).toBe(5)
    const last = [...urls].at(-1)!
    t.setNow(new Date('2026-11-28T02:00:01Z'))
    const late = await gql(t, accept, { token: tokenOf(last), password })
    expect(late.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LINK_EXPIRED' })
    const unknown = await gql(t, accept, { token: 'B'.repeat(43), password })
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('revokes a pending invitation, only within the inviter’s organisation', async () => {
    const owner = await tokenFor(t, 'merchant1@nestwork.demo')
    const res = await gql(t, invite, { input: { email: 'r@example.com', role: 'MERCHANT' } }, owner)
    const { id, url } = res.data.inviteUser
    const other = await tokenFor(t, 'merchant2@nestwork.demo')
    const revoke = 'mutation ($id: ID!) { revokeInvitation(id: $id) }'
    expect((await gql(t, revoke, { id }, other)).errors![0]!.extensions!.code).toBe('NOT_FOUND')
    expect((await gql(t, revoke, { id }, owner)).data.revokeInvitation).toBe(true)
    const late = await gql(t, accept, { token: tokenOf(url), password })
    expect(late.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LINK_REVOKED' })
  })
})
