import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { monthMetrics } from '../../src/benchmarks/service'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
  at('2026-11-25T02:00:00Z')
})

const at = (iso: string) => t.setNow(new Date(iso))
const merchant = (n: number) => tokenFor(t, `merchant${n}@nestwork.demo`)
const coordinator = () => tokenFor(t, 'coordinator@nestwork.demo')

const STAFF =
  'id certified endedAt countsAsCertified certification { number date expiresOn expired status hasScan rejectReason }'

async function ok<T = Record<string, unknown>>(
  query: string,
  vars: Record<string, unknown>,
  token: string,
) {
  const res = await gql(t, query, vars, token)
  if (res.errors) throw new Error(JSON.stringify(res.errors))
  return res.data as T
}

async function hire(token: string, name = '李娜', certified = false) {
  const data = await ok<{ addStaff: { id: string } }>(
    'mutation ($name: String!, $certified: Boolean) { addStaff(name: $name, certified: $certified) { id } }',
    { name, certified },
    token,
  )
  return data.addStaff.id
}

const submit = (staffId: string, date: string, token: string) =>
  gql(
    t,
    `mutation ($staffId: ID!, $input: CertificationInput!) { submitCertification(staffId: $staffId, input: $input) { ${STAFF} } }`,
    { staffId, input: { number: 'NW-2026-0001', date } },
    token,
  )

const verify = (staffId: string, verified: boolean, reason: string | null, token: string) =>
  gql(
    t,
    `mutation ($staffId: ID!, $verified: Boolean!, $reason: String) { verifyCertification(staffId: $staffId, verified: $verified, reason: $reason) { ${STAFF} } }`,
    { staffId, verified, reason },
    token,
  )

/** The professionalism figure of merchant 1 this month, as the benchmarks compute it. */
async function professionalism() {
  const [m] = await t.db.all<{ alliance_id: string }>(
    sql`select alliance_id from merchants where id = 'mer_01'`,
  )
  const metrics = await monthMetrics(
    t.db,
    m!.alliance_id,
    '2026-11',
    new Date('2026-11-25T02:00:00Z'),
  )
  return metrics.find((x) => x.merchantId === 'mer_01')!.metrics.PROFESSIONALISM!.value
}

describe('staff certification by GraphQL', () => {
  it('counts a person as certified only once a coordinator verifies the certificate', async () => {
    const m = await merchant(1)
    const id = await hire(m, '李娜', true)
    // The self-ticked flag is kept, as a declaration only.
    const declared = await ok<{
      setStaffCertification: { certified: boolean; countsAsCertified: boolean }
    }>(
      'mutation ($id: ID!) { setStaffCertification(staffId: $id, certified: true) { certified countsAsCertified } }',
      { id },
      m,
    )
    expect(declared.setStaffCertification).toEqual({ certified: true, countsAsCertified: false })
    expect(await professionalism()).toBe(0)

    const submitted = await submit(id, '2026-11-01', m)
    expect(submitted.data!.submitCertification.certification).toEqual({
      number: 'NW-2026-0001',
      date: '2026-11-01',
      expiresOn: '2028-11-01',
      expired: false,
      status: 'PENDING',
      hasScan: false,
      rejectReason: null,
    })
    const waiting = await ok<{ certificationsToVerify: { id: string }[] }>(
      '{ certificationsToVerify { id } }',
      {},
      await coordinator(),
    )
    expect(waiting.certificationsToVerify.map((s) => s.id)).toEqual([id])
    // A merchant may not verify its own.
    expect((await verify(id, true, null, m)).errors![0]!.extensions!.code).toBe('FORBIDDEN')

    const verified = await verify(id, true, null, await coordinator())
    expect(verified.data!.verifyCertification.countsAsCertified).toBe(true)
    expect(verified.data!.verifyCertification.certification.status).toBe('VERIFIED')
    expect(await professionalism()).toBe(1)
    // Deciding twice is refused.
    const again = await verify(id, false, 'blurred', await coordinator())
    expect(again.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NO_CERTIFICATE',
    })

    // A certificate valid until tomorrow stops counting the day after.
    const soon = await hire(m, '王芳')
    await submit(soon, '2024-11-26', m)
    await verify(soon, true, null, await coordinator())
    expect(await professionalism()).toBe(1)
    at('2026-11-27T02:00:00Z')
    const later = await ok<{
      staff: { id: string; countsAsCertified: boolean; certification: { expired: boolean } }[]
    }>('{ staff { id countsAsCertified certification { expired } } }', {}, await merchant(1))
    expect(later.staff.find((s) => s.id === soon)).toEqual({
      id: soon,
      countsAsCertified: false,
      certification: { expired: true },
    })
    expect(later.staff.find((s) => s.id === id)!.countsAsCertified).toBe(true)
  })

  it('turns a certificate down only with a reason, and refuses expired ones', async () => {
    const m = await merchant(1)
    const id = await hire(m)
    expect((await submit(id, '2024-11-25', m)).errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CERTIFICATE_EXPIRED',
    })
    expect((await submit(id, '2026-12-01', m)).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    await submit(id, '2026-11-20', m)
    const c = await coordinator()
    expect((await verify(id, false, ' ', c)).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'REASON_REQUIRED',
    })
    const rejected = await verify(id, false, '编号与扫描件不符', c)
    expect(rejected.data!.verifyCertification).toMatchObject({
      countsAsCertified: false,
      certification: { status: 'REJECTED', rejectReason: '编号与扫描件不符' },
    })
    const actions = await t.db.all<{ action: string }>(
      sql`select action from audit_log where entity_id = ${id} order by id`,
    )
    expect(actions.map((a) => a.action)).toEqual([
      'staff.add',
      'staff.certification.submit',
      'staff.certification.reject',
    ])
  })

  it('ends a removed person, keeps the row, and keeps merchants to their own staff', async () => {
    const m = await merchant(1)
    const id = await hire(m)
    const other = await merchant(2)
    expect((await submit(id, '2026-11-20', other)).errors![0]!.extensions!.code).toBe('NOT_FOUND')
    const gone = await gql(
      t,
      'mutation ($id: ID!) { removeStaff(staffId: $id) { id } }',
      { id },
      other,
    )
    expect(gone.errors![0]!.extensions!.code).toBe('NOT_FOUND')

    const removed = await ok<{ removeStaff: { endedAt: string } }>(
      'mutation ($id: ID!) { removeStaff(staffId: $id) { endedAt } }',
      { id },
      m,
    )
    expect(removed.removeStaff.endedAt).toBe('2026-11-25T02:00:00.000Z')
    expect((await ok<{ staff: unknown[] }>('{ staff { id } }', {}, m)).staff).toEqual([])
    const twice = await gql(
      t,
      'mutation ($id: ID!) { removeStaff(staffId: $id) { id } }',
      { id },
      m,
    )
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STAFF_ENDED' })
    expect((await submit(id, '2026-11-20', m)).errors![0]!.extensions!.reason).toBe('STAFF_ENDED')
    const [row] = await t.db.all<{ n: number }>(
      sql`select count(*) as n from staff where id = ${id}`,
    )
    expect(row!.n).toBe(1)
    const [entry] = await t.db.all<{ action: string }>(
      sql`select action from audit_log where entity_id = ${id} and action = 'staff.remove'`,
    )
    expect(entry).toBeDefined()
  })
})
