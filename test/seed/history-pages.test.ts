// What each role sees on a demo with its past (db/seed/history): the lists, charts, statements
// and queues of every main page have something in them, in the accounts' own language.
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { localDate } from '../../src/calendar/local-date'
import { translator, type MessageKey } from '../../src/i18n'
import { formatFen } from '../../src/money'
import { formatCode } from '../../src/returns/code'
import { createTestApp, testStart, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ history: true })
}, 120_000)

const say = translator('zh-CN')

async function first<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await t.db.all<T>(query)
  if (!row) throw new Error('the history has no such row')
  return row
}

/** Signs in as `email` and returns a page getter that insists on a 200. */
async function as(email: string) {
  const browser = new Browser(t)
  await browser.signIn(email)
  return async (path: string) => {
    const res = await browser.get(path)
    expect(res.status, path).toBe(200)
    return res.text()
  }
}

const userFor = (column: 'merchant_id' | 'station_id' | 'hub_id', id: string) =>
  first<{ email: string }>(sql`select email from users where ${sql.raw(column)} = ${id}`)

function expectFilled(html: string, empty: MessageKey[], present: string[], path: string) {
  for (const key of empty) expect(html, `${path} says ${key}`).not.toContain(say(key))
  for (const text of present) expect(html, `${path} shows ${text}`).toContain(text)
}

describe('pages on the demo with its history', () => {
  it('shows a merchant its returns, desk, bookings, statements, insurance, benchmarks and staff', async () => {
    const waiting = await first<{ merchant_id: string; code: string }>(sql`
      select merchant_id, code from returns where status = 'INSPECTED' order by id limit 1`)
    const page = await as((await userFor('merchant_id', waiting.merchant_id)).email)
    const latest = await first<{ code: string }>(sql`select code from returns
      where merchant_id = ${waiting.merchant_id} order by created_at desc limit 1`)
    const statement = await first<{ total_fen: number }>(sql`select st.total_fen from statements st
      join settlements s on s.id = st.settlement_id
      where st.merchant_id = ${waiting.merchant_id} order by s.month desc limit 1`)
    const staffName = await first<{ name: string }>(sql`select name from staff
      where merchant_id = ${waiting.merchant_id} order by name limit 1`)
    expectFilled(await page('/returns'), [], [formatCode(latest.code)], '/returns')
    expectFilled(
      await page('/desk'),
      ['inspection.desk.empty'],
      [formatCode(waiting.code)],
      '/desk',
    )
    expectFilled(await page('/bookings'), ['booking.list.empty'], [], '/bookings')
    expectFilled(
      await page('/statements'),
      ['settlement.statement.empty'],
      [formatFen(Number(statement.total_fen), 'zh-CN')],
      '/statements',
    )
    expectFilled(await page('/service-levels'), [], ['<svg'], '/service-levels')
    expectFilled(await page('/insurance'), ['insurance.premiums.empty'], [], '/insurance')
    expectFilled(await page('/benchmarks'), [], ['★'], '/benchmarks')
    expectFilled(await page('/staff'), [], [staffName.name], '/staff')
  })

  it("shows a station operator today's parcels and its commissions", async () => {
    const page = await as((await userFor('station_id', 'sta_01')).email)
    const today = await first<{ code: string }>(sql`select r.code from returns r
      join return_events e on e.return_id = r.id and e.status = 'AT_STATION'
      where e.station_id = 'sta_01' order by e.at desc limit 1`)
    expectFilled(await page('/station'), [], [formatCode(today.code)], '/station')
    expectFilled(await page('/commissions'), ['settlement.commissions.empty'], [], '/commissions')
  })

  it('shows a hub operator its load, its pickup runs and parcels to inspect', async () => {
    const parcel = await first<{ hub_id: string; code: string }>(sql`
      select hub_id, code from returns where status = 'AT_HUB' order by id limit 1`)
    const page = await as((await userFor('hub_id', parcel.hub_id)).email)
    const run = await first<{ name: string }>(sql`select s.name from pickup_runs p
      join stations s on s.id = p.station_id where p.hub_id = ${parcel.hub_id}
      order by p.created_at desc limit 1`)
    expectFilled(
      await page('/inspect'),
      ['inspection.queue.empty'],
      [formatCode(parcel.code)],
      '/inspect',
    )
    expectFilled(await page('/runs'), [], [run.name], '/runs')
    const booked = await first<{ name: string }>(sql`select m.name from bookings b
      join merchants m on m.id = b.merchant_id
      where b.hub_id = ${parcel.hub_id} and b.status = 'CONFIRMED' and b.date > ${localDate(testStart)}
      order by b.date, b.seq limit 1`)
    expectFilled(await page('/hub'), [], [booked.name], '/hub')
  })

  it('shows the coordinator utilisation, settlement, claims, the pool, benchmarks and the log', async () => {
    const page = await as('coordinator@nestwork.demo')
    const months = await t.db.all<{ month: string }>(sql`select month from settlements`)
    expect(months).toHaveLength(6)
    expectFilled(await page('/utilisation'), [], ['heatmap'], '/utilisation')
    expectFilled(
      await page('/settlement'),
      ['settlement.costs.empty', 'settlement.preview.empty'],
      [],
      '/settlement',
    )
    expectFilled(
      await page('/settlement/history'),
      ['settlement.history.empty'],
      [],
      '/settlement/history',
    )
    expectFilled(
      await page('/insurance/claims'),
      ['insurance.queue.empty'],
      [],
      '/insurance/claims',
    )
    expectFilled(await page('/insurance/pool'), ['insurance.chart.empty'], [], '/insurance/pool')
    expectFilled(await page('/service-levels'), [], ['<svg'], '/service-levels')
    expectFilled(
      await page('/benchmarks?cohort=TOYS'),
      [],
      [say('benchmarks.reason.COHORT_TOO_SMALL.title')],
      '/benchmarks?cohort=TOYS',
    )
    expectFilled(
      await page('/admin/audit'),
      [],
      [say('audit.action.settlement.close')],
      '/admin/audit',
    )
  })

  it('shows a customer the whole way of a resolved return, by its code', async () => {
    const rated = await first<{ code: string }>(sql`select r.code from returns r
      join return_ratings rr on rr.return_id = r.id where r.status = 'CLOSED' order by r.id limit 1`)
    const res = await t.app.request(`/track?code=${rated.code}`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain(formatCode(rated.code))
  })
})
