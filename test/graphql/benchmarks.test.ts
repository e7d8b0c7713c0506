import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'

let t: TestApp
let coordinator: string
beforeEach(async () => {
  t = await createTestApp()
  coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
})

const at = (iso: string) => t.setNow(new Date(iso))
const merchant = (n: number) => tokenFor(t, `merchant${n}@nestwork.demo`)

/** October returns per merchant; merchant n answers its first return within `n × 40` minutes. */
async function october(returnsPerMerchant: Record<number, number>) {
  for (const [n, count] of Object.entries(returnsPerMerchant)) {
    const m = await merchant(Number(n))
    for (let i = 0; i < count; i++) {
      at('2026-10-10T02:00:00Z')
      const r = await registerReturnFor(t, Number(n))
      at(new Date(Date.parse('2026-10-10T02:00:00Z') + Number(n) * 40 * 60_000).toISOString())
      await gql(t, `mutation { respondToReturn(id: "${r.id}", message: "收到") { id } }`, {}, m)
    }
  }
  at('2026-11-25T02:00:00Z')
  return gql(t, 'mutation { publishBenchmarks(month: "2026-10") { month k } }', {}, coordinator)
}

const REPORT = /* GraphQL */ `
  query ($category: Category) {
    benchmarks(month: "2026-10", category: $category) {
      cohortSize
      suppressed
      reason
      score
      stars
      dimensions {
        name
        myValue
        myFigure
        p25
        median
        p75
        myBand
      }
    }
  }
`

describe('cohort privacy', () => {
  it('withholds every figure for a cohort of 4', async () => {
    await october({ 1: 1, 2: 1, 3: 1, 4: 1 })
    const res = await gql(t, REPORT, {}, await merchant(1))
    expect(res.data!.benchmarks).toMatchObject({
      cohortSize: 4,
      suppressed: true,
      reason: 'COHORT_TOO_SMALL',
    })
    const timeliness = res.data!.benchmarks.dimensions[0]
    expect(timeliness).toMatchObject({ name: 'TIMELINESS', median: null, p25: null, p75: null })
  })

  it('withholds figures when one of 5 merchants holds most of the volume', async () => {
    await october({ 1: 7, 2: 1, 3: 1, 4: 1, 5: 1 })
    const res = await gql(t, REPORT, {}, await merchant(2))
    expect(res.data!.benchmarks).toMatchObject({ suppressed: true, reason: 'DOMINANT_CONTRIBUTOR' })
  })

  it('publishes quartiles and the merchant’s own value and band for 6 balanced merchants', async () => {
    const published = await october({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 })
    expect(published.data!.publishBenchmarks).toEqual({ month: '2026-10', k: 5 })
    const res = await gql(t, REPORT, {}, await merchant(1))
    const report = res.data!.benchmarks
    expect(report).toMatchObject({ cohortSize: 6, suppressed: false, reason: null })
    const timeliness = report.dimensions.find((d: { name: string }) => d.name === 'TIMELINESS')
    // Merchants 1-3 answered within 2 h (score 100), 4-6 did not (score 0).
    expect(timeliness).toEqual({
      name: 'TIMELINESS',
      myValue: 100,
      myFigure: 1,
      p25: 0,
      median: 50,
      p75: 100,
      myBand: 'MEDIAN_TO_P75',
    })
    expect(report.score).toBe(100)
    expect(report.stars).toBe(5)
  })

  it('gives the same answer after the month changes: published figures cannot be differenced', async () => {
    await october({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 })
    const before = await gql(t, REPORT, {}, await merchant(2))
    at('2026-10-20T02:00:00Z') // a late return back-dated into October cannot move the figures
    await registerReturnFor(t, 7)
    at('2026-11-25T02:00:00Z')
    expect(await gql(t, REPORT, {}, await merchant(2))).toEqual(before)
    const again = await gql(
      t,
      'mutation { publishBenchmarks(month: "2026-10") { month } }',
      {},
      coordinator,
    )
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT')
    await expect(t.client.execute('update benchmark_cohorts set median = 1')).rejects.toThrow(
      /fixed/,
    )
  })

  it('offers no path to another merchant’s figures', async () => {
    await october({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 })
    const coordinatorView = await gql(t, REPORT, {}, coordinator)
    expect(
      coordinatorView.data!.benchmarks.dimensions.every(
        (d: { myValue: unknown }) => d.myValue === null,
      ),
    ).toBe(true)
    const fields = await gql(
      t,
      '{ a: __type(name: "BenchmarkReport") { fields { name } } b: __type(name: "BenchmarkDimension") { fields { name } } }',
    )
    const names = [...fields.data!.a.fields, ...fields.data!.b.fields].map(
      (f: { name: string }) => f.name,
    )
    expect(names.some((n: string) => /merchant|min|max|peer/i.test(n))).toBe(false)
  })

  it('says a month is not published yet, and refuses an unfinished month', async () => {
    const res = await gql(t, REPORT, {}, await merchant(1))
    expect(res.data!.benchmarks).toMatchObject({ suppressed: true, reason: 'NOT_PUBLISHED' })
    const early = await gql(
      t,
      'mutation { publishBenchmarks(month: "2026-11") { month } }',
      {},
      coordinator,
    )
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' })
    const byMerchant = await gql(
      t,
      'mutation { publishBenchmarks(month: "2026-10") { month } }',
      {},
      await merchant(1),
    )
    expect(byMerchant.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })
})

describe('return-credit signal', () => {
  it('shows only a band, counting the same customer across opted-in merchants', async () => {
    const contact = { customerContact: '138 0000 1111' }
    for (const n of [1, 2, 3]) {
      await gql(t, 'mutation { setReturnCreditOptIn(optIn: true) }', {}, await merchant(n))
    }
    const first = await registerReturnFor(t, 1, contact)
    const risk = `{ returnRisk(returnId: "${first.id}") { band } }`
    expect((await gql(t, risk, {}, await merchant(1))).data!.returnRisk.band).toBe('NORMAL')
    await registerReturnFor(t, 2, { customerContact: '13800001111' })
    await registerReturnFor(t, 3, contact)
    expect((await gql(t, risk, {}, await merchant(1))).data!.returnRisk.band).toBe('ELEVATED')
    await registerReturnFor(t, 2, contact)
    await registerReturnFor(t, 3, contact)
    expect((await gql(t, risk, {}, await merchant(1))).data!.returnRisk.band).toBe('HIGH')
    await registerReturnFor(t, 4, contact) // not opted in: never counted
    const peek = await gql(t, risk, {}, await merchant(2))
    expect(peek.errors![0]!.extensions!.code).toBe('NOT_FOUND')
    const notIn = await registerReturnFor(t, 5, contact)
    const refused = await gql(
      t,
      `{ returnRisk(returnId: "${notIn.id}") { band } }`,
      {},
      await merchant(5),
    )
    expect(refused.errors![0]!.extensions!.code).toBe('CONFLICT')
  })
})
