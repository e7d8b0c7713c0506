import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'

let t: TestApp
let coordinator: string
beforeEach(async () => {
  t = await createTestApp()
  coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
})

const apply = `mutation ($input: MembershipApplicationInput!) {
  applyForMembership(input: $input) { id status shopName } }`
const admit = `mutation ($id: ID!, $month: String!) {
  admitMerchant(applicationId: $id, startMonth: $month) { id status startMonth merchant { id name category joinedOn } } }`
const setMembership = `mutation ($merchantId: ID!, $status: MembershipStatus!, $fromMonth: String!) {
  setMerchantMembership(merchantId: $merchantId, status: $status, fromMonth: $fromMonth) { merchant { id } month status } }`
const input = (n = 1) => ({
  shopName: `新店 ${n}`,
  category: 'TOYS',
  region: '浙江',
  contact: '138 0000 0000',
  shopUrl: 'https://shop.example.cn',
})
const members = async (month: string) => {
  const res = await gql(
    t,
    'query ($month: String!) { settlementPreview(month: $month) { lines { merchant { id } } } }',
    { month },
    coordinator,
  )
  expect(res.errors).toBeUndefined()
  return res.data.settlementPreview.lines.map((l: { merchant: { id: string } }) => l.merchant.id)
}

describe('admission', () => {
  it('takes a public application, lists it for coordinators, and admits it from a month', async () => {
    const applied = await gql(t, apply, { input: input() })
    expect(applied.errors).toBeUndefined()
    expect(applied.data.applyForMembership.status).toBe('PENDING')
    const list = await gql(
      t,
      '{ membershipApplications(status: PENDING) { id shopName } }',
      {},
      coordinator,
    )
    expect(list.data.membershipApplications).toEqual([
      { id: applied.data.applyForMembership.id, shopName: '新店 1' },
    ])

    const res = await gql(
      t,
      admit,
      { id: applied.data.applyForMembership.id, month: '2026-12' },
      coordinator,
    )
    expect(res.errors).toBeUndefined()
    expect(res.data.admitMerchant).toMatchObject({
      status: 'ADMITTED',
      startMonth: '2026-12',
      merchant: { name: '新店 1', category: 'TOYS', joinedOn: '2026-12-01' },
    })
    const again = await gql(
      t,
      admit,
      { id: applied.data.applyForMembership.id, month: '2026-12' },
      coordinator,
    )
    expect(again.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_DECIDED',
    })
  })

  it('refuses a past start month, and declines with a reason', async () => {
    const { id } = (await gql(t, apply, { input: input() })).data.applyForMembership
    const past = await gql(t, admit, { id, month: '2026-10' }, coordinator)
    expect(past.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MONTH_PAST',
    })
    const declined = await gql(
      t,
      'mutation ($id: ID!) { declineApplication(applicationId: $id, reason: "不在服务地区") { status declineReason } }',
      { id },
      coordinator,
    )
    expect(declined.data.declineApplication).toEqual({
      status: 'DECLINED',
      declineReason: '不在服务地区',
    })
  })

  it('limits how often one address applies', async () => {
    for (let i = 0; i < 5; i++)
      expect((await gql(t, apply, { input: input(i) })).errors).toBeUndefined()
    const sixth = await gql(t, apply, { input: input(6) })
    expect(sixth.errors![0]!.extensions!.code).toBe('RATE_LIMITED')
    expect(
      (await gql(t, apply, { input: input(7) }, undefined, '203.0.113.50')).errors,
    ).toBeUndefined()
  })

  it('keeps applications and memberships to coordinators', async () => {
    const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
    const list = await gql(t, '{ membershipApplications { id } }', {}, merchant)
    expect(list.errors![0]!.extensions!.code).toBe('FORBIDDEN')
    const set = await gql(
      t,
      setMembership,
      { merchantId: 'mer_01', status: 'LEFT', fromMonth: '2026-12' },
      merchant,
    )
    expect(set.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })
})

describe('membership by month in settlement', () => {
  it('settles a member from its first month and not after it left at a month end', async () => {
    const { id } = (await gql(t, apply, { input: input() })).data.applyForMembership
    const admitted = await gql(t, admit, { id, month: '2026-11' }, coordinator)
    const newcomer = admitted.data.admitMerchant.merchant.id
    const left = await gql(
      t,
      setMembership,
      { merchantId: 'mer_02', status: 'LEFT', fromMonth: '2026-12' },
      coordinator,
    )
    expect(left.data.setMerchantMembership).toEqual({
      merchant: { id: 'mer_02' },
      month: '2026-12',
      status: 'LEFT',
    })

    const october = await members('2026-10')
    expect(october).toContain('mer_02')
    expect(october).not.toContain(newcomer)
    const november = await members('2026-11')
    expect(november).toContain(newcomer)
    expect(november).toContain('mer_02')
    const december = await members('2026-12')
    expect(december).toContain(newcomer)
    expect(december).not.toContain('mer_02')

    const memberships = await gql(
      t,
      'query { merchantMemberships(month: "2026-12") { merchant { id } status joined } }',
      {},
      coordinator,
    )
    const row = (m: string) =>
      memberships.data.merchantMemberships.find(
        (r: { merchant: { id: string } }) => r.merchant.id === m,
      )
    expect(row('mer_02')).toMatchObject({ status: 'LEFT', joined: true })
    expect(row(newcomer)).toMatchObject({ status: 'ACTIVE', joined: true })
  })

  it('lets a membership end only at a month end, and never in the past', async () => {
    const now = await gql(
      t,
      setMembership,
      { merchantId: 'mer_03', status: 'LEFT', fromMonth: '2026-11' },
      coordinator,
    )
    expect(now.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MONTH_END',
    })
    const past = await gql(
      t,
      setMembership,
      { merchantId: 'mer_03', status: 'ACTIVE', fromMonth: '2026-09' },
      coordinator,
    )
    expect(past.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MONTH_PAST',
    })
    const suspended = await gql(
      t,
      setMembership,
      { merchantId: 'mer_03', status: 'SUSPENDED', fromMonth: '2026-12' },
      coordinator,
    )
    expect(suspended.errors).toBeUndefined()
  })
})
