/**
 * What the demo promises a visitor, checked on the database: a past (every finished month closed
 * and published, some figures withheld by the k ≥ 5 rule), plausible figures (the category mix,
 * most clocks kept with a tail of breaches, certification rising toward 75 %), and work waiting
 * in every role's queue now. Each broken promise is a sentence.
 */
import { sql } from 'drizzle-orm'
import { localDate, shiftMonth } from '../../../src/calendar/local-date'
import type { Db } from '../../../src/db'
import { slaFacts } from '../../../src/inspection/service'
import { summarise } from '../../../src/inspection/service-levels'
import { computeSla } from '../../../src/inspection/sla'
import { categoryShares } from './demand'
import { historyMonths } from './world'

type Row = Record<string, string | number | null>

export async function shapeProblems(db: Db, now: Date): Promise<string[]> {
  const one = async (q: ReturnType<typeof sql>) => (await db.all<Row>(q))[0]!
  const n = async (q: ReturnType<typeof sql>) => Number(Object.values(await one(q))[0])
  const problems: string[] = []
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem)
  }
  const current = localDate(now).slice(0, 7)
  const finished = Array.from({ length: historyMonths }, (_, i) =>
    shiftMonth(current, i - historyMonths),
  )

  for (const month of finished) {
    expect(
      (await n(sql`select count(*) from settlements where month = ${month}`)) === 1,
      `${month} is not closed`,
    )
    expect(
      (await n(sql`select count(*) from benchmark_publications where month = ${month}`)) === 1,
      `${month} is not published`,
    )
    expect(
      (await n(sql`select count(*) from benchmark_cohorts where month = ${month}
        and suppressed_reason = 'COHORT_TOO_SMALL'`)) > 0,
      `${month} withholds no cohort by the k ≥ 5 rule`,
    )
  }
  expect(
    (await n(sql`select count(*) from settlements where month = ${current}`)) === 0,
    `${current} is closed`,
  )

  const total = await n(sql`select count(*) from returns`)
  expect(total >= 500, `only ${total} returns`)
  for (const [category, share] of Object.entries(categoryShares)) {
    const count = await n(sql`select count(*) from returns where category = ${category}`)
    const percent = (100 * count) / total
    expect(
      Math.abs(percent - share) <= 2,
      `${category} is ${percent.toFixed(1)} % of returns, not ${share} %`,
    )
  }

  const ids = (
    await db.all<{ id: string }>(sql`select id from returns where status <> 'CANCELLED'`)
  ).map((r) => r.id)
  const facts = await slaFacts(db, ids)
  const levels = summarise(
    [...facts.values()].map((f) => computeSla(f, now)),
    now,
  )
  const within = (share: number | null, what: string) =>
    expect(share !== null && share >= 0.75 && share <= 0.97, `${what} on time: ${share}`)
  within(levels.firstResponseOnTimeShare, 'first responses')
  within(levels.resolutionOnTimeShare, 'resolutions')

  const [first, last] = [finished[0]!, finished.at(-1)!]
  const certified = (month: string) =>
    n(
      sql`select avg(value) from benchmark_scores where month = ${month} and dimension = 'PROFESSIONALISM'`,
    )
  expect((await certified(first)) < (await certified(last)), 'certification does not rise')
  const share = await n(sql`select avg(certified) from staff`)
  expect(share >= 0.6 && share <= 0.8, `${(share * 100).toFixed(0)} % of staff certified`)

  expect(
    (await n(sql`select count(*) from hub_days where confirmed_units = capacity_units`)) > 0,
    'no hub-day is full',
  )
  for (const kind of ['WAITLISTED', 'PROMOTED', 'CAPACITY_SET', 'CANCELLED']) {
    expect(
      (await n(sql`select count(*) from booking_events where kind = ${kind}`)) > 0,
      `no booking was ${kind}`,
    )
  }
  expect(
    (await n(sql`select count(*) from statements where paid_at is not null`)) > 0,
    'no statement is paid',
  )
  expect(
    (await n(sql`select count(*) from statements where paid_at is null`)) > 0,
    'every statement is paid',
  )
  expect((await n(sql`select count(*) from claims where status = 'PAID'`)) > 0, 'no claim was paid')
  expect(
    (await n(sql`select count(*) from costs where voided_at is not null`)) > 0,
    'no cost was voided',
  )
  expect(
    (await n(sql`select count(*) from costs where reverses_cost_id is not null`)) > 0,
    'no cost was reversed',
  )
  expect((await n(sql`select count(*) from adjustments`)) > 0, 'no adjustment')

  // Work now, in every role's queue.
  for (const status of [
    'REGISTERED',
    'AT_STATION',
    'IN_TRANSIT',
    'AT_HUB',
    'INSPECTED',
    'RESOLVED',
  ]) {
    expect(
      (await n(sql`select count(*) from returns where status = ${status}`)) > 0,
      `no return is ${status}`,
    )
  }
  expect(
    (await n(sql`select count(*) from claims where status in ('SUBMITTED', 'UNDER_REVIEW')`)) > 0,
    'no claim waits for a decision',
  )
  expect(
    (await n(sql`select count(*) from pickup_runs where status = 'OPEN'`)) > 0,
    'no pickup run is open',
  )
  expect(
    (await n(
      sql`select count(*) from bookings where date > ${localDate(now)} and status = 'CONFIRMED'`,
    )) > 0,
    'nothing is booked ahead',
  )
  return problems
}
