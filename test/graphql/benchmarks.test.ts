import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'
import { MIN_SAMPLE } from '../../src/benchmarks/methodology'
import { registerReturnFor } from '../helpers/returns'

let t: TestApp
let coordinator: string
beforeEach(async () => {
  t = await createTestApp()
  coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
})

const at = (iso: string) => t.setNow(new Date(iso))
const merchant = (n: number) => tokenFor(t, `merchant${n}@nestwork.demo`)

/**
 * October returns per merchant, in minimum samples (so the figures are scored) or, in `exactly`,
 * in returns; merchant n answers each return within `n × 40` minutes.
 */
async function october(
  samplesPerMerchant: Record<number, number>,
  exactly: Record<number, number> = {},
) {
  const counts = Object.entries(samplesPerMerchant).map(
    ([n, samples]) => [n, samples * MIN_SAMPLE.TIMELINESS] as const,
  )
  for (const [n, count] of [...counts, ...Object.entries(exactly)]) {
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

  it('scores a dimension only from a minimum sample, and says the sample', async () => {
    await october({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 }, { 7: 3 })
    const query = `{ benchmarks(month: "2026-10") { cohortSize score dimensions { name myValue myFigure mySample sampleRequired } } }`
    const few = (await gql(t, query, {}, await merchant(7))).data!.benchmarks
    // Three returns, all answered late: a figure of 0 that would score 0 is noise, so no score.
    expect(few.cohortSize).toBe(6)
    expect(few.score).toBeNull()
    expect(few.dimensions.find((d: { name: string }) => d.name === 'TIMELINESS')).toEqual({
      name: 'TIMELINESS',
      myValue: null,
      myFigure: 0,
      mySample: 3,
      sampleRequired: 10,
    })
    const enough = (await gql(t, query, {}, await merchant(1))).data!.benchmarks
    expect(enough.dimensions.find((d: { name: string }) => d.name === 'TIMELINESS')).toMatchObject({
      myValue: 100,
      mySample: 10,
    })
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
  const risk = (id: string) => `{ returnRisk(returnId: "${id}") { band available } }`
  const optIn = async (...ns: number[]) => {
    for (const n of ns) {
      await gql(t, 'mutation { setReturnCreditOptIn(optIn: true) }', {}, await merchant(n))
    }
  }
  const checkIn = async (code: string) => {
    const res = await gql(
      t,
      `mutation { checkInParcel(code: "${code}") { alreadyCheckedIn } }`,
      {},
      await tokenFor(t, 'station1@nestwork.demo'),
    )
    if (res.errors) throw new Error(JSON.stringify(res.errors))
  }
  /** A return of merchant n for this contact, handed in at a station. */
  const handedIn = async (n: number, customerContact: string) => {
    const r = await registerReturnFor(t, n, { customerContact })
    await checkIn(r.code)
    return r
  }
  const cancel = async (n: number, id: string) => {
    const res = await gql(
      t,
      `mutation { cancelReturn(id: "${id}") { status } }`,
      {},
      await merchant(n),
    )
    expect(res.data!.cancelReturn.status).toBe('CANCELLED')
  }

  it('shows only a band, counting the same customer’s handed-in returns across opted-in merchants', async () => {
    await optIn(1, 2, 3)
    const first = await handedIn(1, '138 0000 1111')
    const bandOf = async () =>
      (await gql(t, risk(first.id), {}, await merchant(1))).data!.returnRisk
    expect(await bandOf()).toEqual({ band: 'NORMAL', available: true })
    await handedIn(2, '13800001111')
    await handedIn(3, '138 0000 1111')
    expect((await bandOf()).band).toBe('ELEVATED')
    await handedIn(2, '138 0000 1111')
    await handedIn(3, '138 0000 1111')
    expect((await bandOf()).band).toBe('HIGH')
    await handedIn(4, '138 0000 1111') // not opted in: never counted
    const peek = await gql(t, risk(first.id), {}, await merchant(2))
    expect(peek.errors![0]!.extensions!.code).toBe('NOT_FOUND')
    const notIn = await registerReturnFor(t, 5, { customerContact: '138 0000 1111' })
    const refused = await gql(t, risk(notIn.id), {}, await merchant(5))
    expect(refused.errors![0]!.extensions!.code).toBe('CONFLICT')
  })

  it('reveals nothing to a probe: no band before check-in, and registering or cancelling changes none', async () => {
    await optIn(1, 2, 3)
    // A frequent returner: four parcels handed in at merchants 2 and 3.
    for (const n of [2, 3, 2, 3]) await handedIn(n, '139 5555 0000')
    // Merchant 1 registers a probe with that phone number, reads, cancels.
    const probe = await registerReturnFor(t, 1, { customerContact: '139 5555 0000' })
    const read = await gql(t, risk(probe.id), {}, await merchant(1))
    expect(read.data!.returnRisk).toEqual({ band: null, available: false })
    await cancel(1, probe.id)
    expect((await gql(t, risk(probe.id), {}, await merchant(1))).data!.returnRisk).toEqual({
      band: null,
      available: false,
    })

    // A real, handed-in return: its band moves with handed-in parcels only.
    const real = await handedIn(1, '137 1234 5678')
    const bandOfReal = async () =>
      (await gql(t, risk(real.id), {}, await merchant(1))).data!.returnRisk.band
    expect(await bandOfReal()).toBe('NORMAL')
    for (const n of [2, 3, 2, 3]) {
      const r = await registerReturnFor(t, n, { customerContact: '137 1234 5678' })
      expect(await bandOfReal()).toBe('NORMAL')
      await cancel(n, r.id)
      expect(await bandOfReal()).toBe('NORMAL')
    }
    // Registered at other merchants and left waiting: still not counted.
    await registerReturnFor(t, 2, { customerContact: '137 1234 5678' })
    await registerReturnFor(t, 3, { customerContact: '137 1234 5678' })
    expect(await bandOfReal()).toBe('NORMAL')
    // Only parcels that physically reach a station count.
    await handedIn(2, '137 1234 5678')
    await handedIn(3, '137 1234 5678')
    expect(await bandOfReal()).toBe('ELEVATED')
  })
})
