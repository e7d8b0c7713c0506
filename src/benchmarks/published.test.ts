import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/helpers/app'
import { gql, tokenFor } from '../../test/helpers/http'
import { registerReturnFor } from '../../test/helpers/returns'
import { MIN_SAMPLE } from './methodology'
import { actorForSession } from '../auth/service'
import type { Actor } from '../auth/roles'
import {
  addMonths,
  benchmarkTrend,
  cohortFigures,
  lastFinishedMonth,
  publishableMonths,
  returnCreditOptIn,
} from './published'
import { benchmarkReport, setReturnCreditOptIn } from './service'

let t: TestApp
let coordinatorToken: string
beforeEach(async () => {
  t = await createTestApp()
  coordinatorToken = await tokenFor(t, 'coordinator@nestwork.demo')
})

const at = (iso: string) => t.setNow(new Date(iso))
const NOW = '2026-11-25T02:00:00Z'

async function actor(email: string): Promise<Actor> {
  const token = await tokenFor(t, email)
  return (await actorForSession(t.db, token, 'API', new Date(NOW)))!
}

/**
 * Returns in `month` for merchants 1…n, one each; merchant n answers within n × 40 minutes (so
 * 1–3 are on time), then the coordinator publishes the month.
 */
async function publishMonth(month: string, merchants: number) {
  for (let n = 1; n <= merchants; n++) {
    const m = await tokenFor(t, `merchant${n}@nestwork.demo`)
    // A minimum sample each, so every merchant's figures are scored.
    for (let i = 0; i < MIN_SAMPLE.TIMELINESS; i++) {
      at(`${month}-10T02:00:00Z`)
      const r = await registerReturnFor(t, n)
      at(new Date(Date.parse(`${month}-10T02:00:00Z`) + n * 40 * 60_000).toISOString())
      await gql(t, `mutation { respondToReturn(id: "${r.id}", message: "收到") { id } }`, {}, m)
    }
  }
  at(NOW)
  const res = await gql(
    t,
    `mutation { publishBenchmarks(month: "${month}") { month } }`,
    {},
    coordinatorToken,
  )
  if (res.errors) throw new Error(JSON.stringify(res.errors))
}

describe('months', () => {
  it('counts months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2026-11', 2)).toBe('2027-01')
    expect(lastFinishedMonth(new Date('2026-11-30T16:30:00Z'))).toBe('2026-11') // Dec 1 in Shanghai
    expect(lastFinishedMonth(new Date(NOW))).toBe('2026-10')
  })

  it('offers the last 12 finished months to publish, marking the published ones', async () => {
    await publishMonth('2026-09', 0)
    const coordinator = await actor('coordinator@nestwork.demo')
    const months = await publishableMonths(t.db, coordinator, new Date(NOW))
    expect(months.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => addMonths('2026-10', -i)),
    )
    expect(months.find((m) => m.month === '2026-09')!.publication).toMatchObject({ k: 5 })
    expect(months.filter((m) => m.publication).length).toBe(1)
    await expect(
      publishableMonths(t.db, await actor('merchant1@nestwork.demo'), new Date(NOW)),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('the trend', () => {
  it('reads the last published months from the frozen rows, withholding what was withheld', async () => {
    await publishMonth('2026-08', 6)
    await publishMonth('2026-09', 4) // too few merchants: withheld
    await publishMonth('2026-10', 6)
    const m1 = await actor('merchant1@nestwork.demo')
    const trend = await benchmarkTrend(t.db, m1, '2026-10', undefined)
    expect(trend.map((p) => p.month)).toEqual(['2026-08', '2026-09', '2026-10'])
    expect(trend[1]).toEqual({
      month: '2026-09',
      score: null,
      stars: null,
      median: null,
      suppressedReason: 'COHORT_TOO_SMALL',
    })
    const october = await benchmarkReport(t.db, m1, '2026-10', undefined)
    expect(trend[2]).toMatchObject({ score: october.score, stars: october.stars })
    expect(trend[2]!.median).toBe(
      (await cohortFigures(t.db, m1, '2026-10')).find(
        (r) => r.cohort === 'ALL' && r.dimension === 'OVERALL',
      )!.median,
    )

    // A return registered late into October changes nothing: the trend is not recomputed.
    at('2026-10-20T02:00:00Z')
    await registerReturnFor(t, 4)
    at(NOW)
    expect(await benchmarkTrend(t.db, m1, '2026-10', undefined)).toEqual(trend)

    // Up to September: no October. A coordinator gets the medians and never a score.
    expect((await benchmarkTrend(t.db, m1, '2026-09', undefined)).length).toBe(2)
    const coordinator = await actor('coordinator@nestwork.demo')
    const theirs = await benchmarkTrend(t.db, coordinator, '2026-10', undefined)
    expect(theirs.every((p) => p.score === null && p.stars === null)).toBe(true)
    expect(theirs.map((p) => p.median)).toEqual(trend.map((p) => p.median))

    // Merchants 1 and 5 are the only food merchants with figures: the food cohort is withheld.
    const food = await benchmarkTrend(t.db, m1, '2026-10', 'FOOD')
    expect(food.every((p) => p.suppressedReason === 'COHORT_TOO_SMALL' && p.score === null)).toBe(
      true,
    )
  })

  it('covers at most the last 6 published months, oldest first, and answers over GraphQL', async () => {
    for (const month of ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08']) {
      await publishMonth(month, 0)
    }
    await publishMonth('2026-10', 6)
    const m1 = await actor('merchant1@nestwork.demo')
    const trend = await benchmarkTrend(t.db, m1, '2026-11', undefined)
    expect(trend.map((p) => p.month)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-10',
    ])
    const res = await gql(
      t,
      '{ benchmarkTrend(month: "2026-11") { month score stars median suppressedReason } }',
      {},
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    expect(res.data!.benchmarkTrend).toEqual(trend)
    const short = await gql(
      t,
      '{ benchmarkTrend(month: "2026-11", months: 2) { month } }',
      {},
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    expect(short.data!.benchmarkTrend).toEqual([{ month: '2026-08' }, { month: '2026-10' }])
    const tooLong = await gql(
      t,
      '{ benchmarkTrend(month: "2026-11", months: 100) { month } }',
      {},
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    expect(tooLong.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    const station = await gql(
      t,
      '{ benchmarkTrend(month: "2026-11") { month } }',
      {},
      await tokenFor(t, 'station1@nestwork.demo'),
    )
    expect(station.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })
})

describe('cohort figures and the opt-in', () => {
  it('gives cohort rows only, for every cohort and dimension of a published month', async () => {
    await publishMonth('2026-10', 6)
    const rows = await cohortFigures(t.db, await actor('merchant2@nestwork.demo'), '2026-10')
    expect(rows.length).toBe(5 * 5)
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(
        ['cohort', 'dimension', 'median', 'p25', 'p75', 'size', 'suppressedReason'].sort(),
      )
    }
    expect(rows.find((r) => r.cohort === 'ALL' && r.dimension === 'TIMELINESS')).toMatchObject({
      size: 6,
      p25: 0,
      median: 50,
      p75: 100,
      suppressedReason: null,
    })
    expect(await cohortFigures(t.db, await actor('merchant2@nestwork.demo'), '2026-09')).toEqual([])
  })

  it('reports and changes the return-credit choice', async () => {
    const m1 = await actor('merchant1@nestwork.demo')
    expect(await returnCreditOptIn(t.db, m1)).toEqual({ optedIn: false, since: null })
    await setReturnCreditOptIn(t.db, m1, true, new Date(NOW))
    expect(await returnCreditOptIn(t.db, m1)).toEqual({
      optedIn: true,
      since: new Date(NOW).toISOString(),
    })
    await setReturnCreditOptIn(t.db, m1, false, new Date(NOW))
    expect((await returnCreditOptIn(t.db, m1)).optedIn).toBe(false)
  })
})
