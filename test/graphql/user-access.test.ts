import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const password = 'a-fresh-passphrase-77'
const createReset =
  'mutation ($userId: ID!) { createPasswordReset(userId: $userId) { id email url } }'
const reset = `mutation ($token: String!, $newPassword: String!) {
  resetPassword(token: $token, newPassword: $newPassword) { token user { email } } }`
const setActive = `mutation ($userId: ID!, $active: Boolean!) {
  setUserActive(userId: $userId, active: $active) { id active } }`

async function userId(email: string) {
  const [row] = await t.db.all<{ id: string }>(sql`select id from users where email = ${email}`)
  return row!.id
}

/** A second user of merchant 1, made through an invitation. */
async function staffOfMerchant1() {
  const owner = await tokenFor(t, 'merchant1@nestwork.demo')
  const invited = await gql(
    t,
    'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { url } }',
    { input: { email: 'staff@shop.example', role: 'MERCHANT' } },
    owner,
  )
  const token = invited.data.inviteUser.url.split('/invite/')[1]
  const accepted = await gql(
    t,
    'mutation ($token: String!, $p: String!) { acceptInvitation(token: $token, password: $p) { token } }',
    { token, p: password },
  )
  return { owner, staffToken: accepted.data.acceptInvitation.token as string }
}

describe('createPasswordReset and resetPassword', () => {
  it('lets a merchant reset its own staff, and the reset ends every session', async () => {
    const { owner, staffToken } = await staffOfMerchant1()
    const id = await userId('staff@shop.example')
    const created = await gql(t, createReset, { userId: id }, owner)
    expect(created.errors).toBeUndefined()
    expect(created.data.createPasswordReset.url).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/)
    const token = created.data.createPasswordReset.url.split('/reset/')[1]

    const done = await gql(t, reset, { token, newPassword: 'another-passphrase-88' })
    expect(done.errors).toBeUndefined()
    expect((await gql(t, '{ me { id } }', {}, staffToken)).errors![0]!.extensions!.code).toBe(
      'UNAUTHENTICATED',
    )
    const fresh = done.data.resetPassword.token
    expect((await gql(t, '{ me { email } }', {}, fresh)).data.me.email).toBe('staff@shop.example')
    const twice = await gql(t, reset, { token, newPassword: 'another-passphrase-99' })
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LINK_USED' })
  })

  it('refuses a merchant resetting another merchant’s user, and other roles entirely', async () => {
    const owner = await tokenFor(t, 'merchant1@nestwork.demo')
    const other = await userId('merchant2@nestwork.demo')
    expect((await gql(t, createReset, { userId: other }, owner)).errors![0]!.extensions!.code).toBe(
      'NOT_FOUND',
    )
    const hub = await tokenFor(t, 'hub1@nestwork.demo')
    expect((await gql(t, createReset, { userId: other }, hub)).errors![0]!.extensions!.code).toBe(
      'FORBIDDEN',
    )
  })

  it('ends an earlier reset link when a new one is made', async () => {
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    const id = await userId('merchant4@nestwork.demo')
    const first = (await gql(t, createReset, { userId: id }, coordinator)).data.createPasswordReset
    await gql(t, createReset, { userId: id }, coordinator)
    const res = await gql(t, reset, { token: first.url.split('/reset/')[1], newPassword: password })
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LINK_REVOKED' })
  })
})

describe('setUserActive', () => {
  it('refuses a deactivated user everywhere, and a reset link for them', async () => {
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    const id = await userId('hub2@nestwork.demo')
    const resetLink = (await gql(t, createReset, { userId: id }, coordinator)).data
      .createPasswordReset.url as string
    const hubToken = await tokenFor(t, 'hub2@nestwork.demo')
    const off = await gql(t, setActive, { userId: id, active: false }, coordinator)
    expect(off.data.setUserActive).toEqual({ id, active: false })
    expect((await gql(t, '{ me { id } }', {}, hubToken)).errors![0]!.extensions!.code).toBe(
      'UNAUTHENTICATED',
    )
    await expect(tokenFor(t, 'hub2@nestwork.demo')).rejects.toThrow()
    const used = await gql(t, reset, {
      token: resetLink.split('/reset/')[1],
      newPassword: password,
    })
    expect(used.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LINK_REVOKED' })
    expect(
      (await gql(t, createReset, { userId: id }, coordinator)).errors![0]!.extensions,
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'USER_INACTIVE',
    })
    const users = await gql(t, '{ allianceUsers { id active } }', {}, coordinator)
    expect(users.data.allianceUsers.find((u: { id: string }) => u.id === id).active).toBe(false)

    const on = await gql(t, setActive, { userId: id, active: true }, coordinator)
    expect(on.data.setUserActive.active).toBe(true)
    await tokenFor(t, 'hub2@nestwork.demo')
    const [audit] = await t.db.all<{ n: number }>(
      sql`select count(*) as n from audit_log where action in ('user.deactivate', 'user.activate')`,
    )
    expect(audit!.n).toBe(2)
  })

  it('refuses one’s own account and another merchant’s users', async () => {
    const owner = await tokenFor(t, 'merchant1@nestwork.demo')
    const self = await gql(
      t,
      setActive,
      { userId: await userId('merchant1@nestwork.demo'), active: false },
      owner,
    )
    expect(self.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OWN_ACCOUNT' })
    const other = await gql(
      t,
      setActive,
      { userId: await userId('merchant2@nestwork.demo'), active: false },
      owner,
    )
    expect(other.errors![0]!.extensions!.code).toBe('NOT_FOUND')
  })
})

describe('merchantUsers', () => {
  it('lists the users of the merchant’s own merchant only', async () => {
    const { owner } = await staffOfMerchant1()
    const res = await gql(t, '{ merchantUsers { email active } }', {}, owner)
    const emails = res.data.merchantUsers.map((u: { email: string }) => u.email).sort()
    expect(emails).toEqual(['merchant1@nestwork.demo', 'staff@shop.example'])
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    const refused = await gql(t, '{ merchantUsers { id } }', {}, coordinator)
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })
})
