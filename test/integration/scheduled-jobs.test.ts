import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { publishDueBenchmarks } from '../../src/benchmarks/auto-publish'
import { recordSlaBreaches } from '../../src/inspection/breach-notices'
import { pruneEndedSessions } from '../../src/auth/sessions'
import { throttleRules } from '../../src/auth/throttle'
import { longestWindowMs, pruneRateLimits } from '../../src/rate-limit'
import { isDue, jobs, runJobs, type Job } from '../../src/scheduled/jobs'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'

// Runs on Node (libSQL) and under workerd (D1): the same jobs serve both runtimes.
let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const count = async (query: ReturnType<typeof sql>) =>
  Number((await t.db.all<{ n: number }>(query))[0]!.n)

describe('SLA breach notices', () => {
  it('records a breach once, when the first response is overdue, and never again', async () => {
    t.setNow(new Date('2026-11-25T02:00:00Z'))
    const r = await registerReturnFor(t, 1)
    // Within the 2-hour first-response window: nothing to tell.
    expect(await recordSlaBreaches(t.db, new Date('2026-11-25T03:59:00Z'))).toBe(0)
    expect(await recordSlaBreaches(t.db, new Date('2026-11-25T04:01:00Z'))).toBe(1)
    expect(await recordSlaBreaches(t.db, new Date('2026-11-25T05:00:00Z'))).toBe(0)
    const rows = await t.db.all<{ merchant_id: string; return_id: string }>(
      sql`select merchant_id, return_id from notifications`,
    )
    expect(rows).toEqual([{ merchant_id: 'mer_01', return_id: r.id }])
  })

  it('leaves returns answered in time alone', async () => {
    const r = await registerReturnFor(t, 2)
    const token = await tokenFor(t, 'merchant2@nestwork.demo')
    const res = await gql(
      t,
      'mutation ($id: ID!) { respondToReturn(id: $id, message: "已收到，我们会尽快处理") { id } }',
      { id: r.id },
      token,
    )
    expect(res.errors).toBeUndefined()
    expect(await recordSlaBreaches(t.db, new Date('2026-11-25T05:00:00Z'))).toBe(0)
  })

  it('tells the merchant on its home page, in both languages, until dismissed', async () => {
    await registerReturnFor(t, 1)
    await registerReturnFor(t, 1)
    await registerReturnFor(t, 2)
    await recordSlaBreaches(t.db, new Date('2026-11-25T06:00:00Z'))

    const merchant = new Browser(t)
    await merchant.signIn('merchant1@nestwork.demo')
    expect(await (await merchant.get('/')).text()).toContain('已超出服务时限的退货：2 件')
    await merchant.post('/locale', { locale: 'en', next: '/' })
    expect(await (await merchant.get('/')).text()).toContain(
      'Returns that breached their service deadline: 2',
    )
    const other = new Browser(t)
    await other.signIn('merchant3@nestwork.demo')
    expect(await (await other.get('/')).text()).not.toContain('breach-notice')

    const dismissed = await merchant.post('/desk/breaches/dismiss', {})
    expect(dismissed.status).toBe(303)
    expect(await (await merchant.get('/')).text()).not.toContain('breach-notice')
    expect(await count(sql`select count(*) as n from notifications`)).toBe(3)
  })

  it('counts and dismisses the notices over GraphQL, for the merchant only', async () => {
    await registerReturnFor(t, 1)
    await registerReturnFor(t, 2)
    await recordSlaBreaches(t.db, new Date('2026-11-25T06:00:00Z'))
    const token = await tokenFor(t, 'merchant1@nestwork.demo')
    const unseen = async (who = token) => gql(t, '{ unseenBreachNotices }', {}, who)
    expect((await unseen()).data).toEqual({ unseenBreachNotices: 1 })
    const dismissed = await gql(t, 'mutation { dismissBreachNotices }', {}, token)
    expect(dismissed.data).toEqual({ dismissBreachNotices: true })
    expect((await unseen()).data).toEqual({ unseenBreachNotices: 0 })
    const other = await tokenFor(t, 'merchant2@nestwork.demo')
    expect((await unseen(other)).data).toEqual({ unseenBreachNotices: 1 })
    const hub = await tokenFor(t, 'hub1@nestwork.demo')
    expect((await unseen(hub)).errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })

  it('refuses the dismissal to anyone but a merchant', async () => {
    const coordinator = new Browser(t)
    await coordinator.signIn('coordinator@nestwork.demo')
    await coordinator.get('/')
    expect((await coordinator.post('/desk/breaches/dismiss', {})).status).toBe(403)
  })
})

describe('recurring costs', () => {
  it('posts each template once for the current month, however often it runs', async () => {
    const job = jobs.find((j) => j.name === 'recurring-costs')!
    const now = new Date('2026-11-25T02:00:00Z')
    expect(await job.run(t.db, now)).toBe(7)
    expect(await job.run(t.db, now)).toBe(0)
    expect(
      await count(
        sql`select count(*) as n from costs where month = '2026-11' and template_id is not null`,
      ),
    ).toBe(7)
    // The settlement preview, which also posts them, finds them there and adds none.
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    const res = await gql(
      t,
      '{ settlementPreview(month: "2026-11") { costTotalFen } }',
      {},
      coordinator,
    )
    expect(res.data!.settlementPreview.costTotalFen).toBe(3 * (3_800_000 + 9_600_000) + 1_200_000)
    expect(await count(sql`select count(*) as n from costs where month = '2026-11'`)).toBe(7)
  })
})

describe('benchmark publication', () => {
  it('publishes last month from the 2nd of the month (Shanghai), once', async () => {
    await registerReturnFor(t, 1)
    // 1 December in Shanghai: not yet due.
    expect(await publishDueBenchmarks(t.db, new Date('2026-12-01T10:00:00Z'))).toEqual([])
    // 2 December 00:30 in Shanghai.
    const due = new Date('2026-12-01T16:30:00Z')
    expect(await publishDueBenchmarks(t.db, due)).toEqual(['all_yrd'])
    expect(await publishDueBenchmarks(t.db, due)).toEqual([])
    const rows = await t.db.all<{ month: string; published_by: string }>(
      sql`select month, published_by from benchmark_publications`,
    )
    expect(rows).toEqual([{ month: '2026-11', published_by: 'usr_001' }])
  })

  it('leaves a month without returns unpublished', async () => {
    expect(await publishDueBenchmarks(t.db, new Date('2026-12-01T16:30:00Z'))).toEqual([])
    expect(await count(sql`select count(*) as n from benchmark_publications`)).toBe(0)
  })

  it('leaves a month a coordinator already published alone', async () => {
    t.setNow(new Date('2026-10-10T02:00:00Z'))
    await registerReturnFor(t, 1)
    t.setNow(new Date('2026-11-25T02:00:00Z'))
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    const res = await gql(
      t,
      'mutation { publishBenchmarks(month: "2026-10") { month } }',
      {},
      coordinator,
    )
    expect(res.errors).toBeUndefined()
    expect(await publishDueBenchmarks(t.db, new Date('2026-11-25T02:00:00Z'))).toEqual([])
    expect(await count(sql`select count(*) as n from benchmark_publications`)).toBe(1)
  })
})

describe('pruning what has expired', () => {
  const at = new Date('2026-11-25T02:00:00Z')
  const minutes = (n: number) => new Date(at.getTime() + n * 60_000)
  const sessionsLeft = () => count(sql`select count(*) as n from sessions`)
  const countersLeft = () => count(sql`select count(*) as n from rate_limits`)

  it('deletes ended sessions and keeps live ones', async () => {
    const kept = new Browser(t)
    await kept.signIn('merchant1@nestwork.demo')
    const revoked = new Browser(t)
    await revoked.signIn('merchant2@nestwork.demo')
    await revoked.post('/logout', {})
    t.setNow(minutes(60))
    const idle = await tokenFor(t, 'merchant3@nestwork.demo')
    expect(await sessionsLeft()).toBe(3)

    // 12 h after the first sign-ins the browser has idled out; the token (7 idle days) has not.
    expect(await pruneEndedSessions(t.db, minutes(13 * 60))).toBe(2)
    expect(await pruneEndedSessions(t.db, minutes(13 * 60))).toBe(0)
    expect(await sessionsLeft()).toBe(1)
    t.setNow(minutes(13 * 60))
    expect((await gql(t, '{ me { email } }', {}, idle)).data).toEqual({
      me: { email: 'merchant3@nestwork.demo' },
    })
  })

  it('deletes spent sign-in and lookup counters, and keeps those still counting or delaying', async () => {
    const browser = new Browser(t, '203.0.113.77')
    await browser.get('/login')
    for (let i = 0; i < 3; i++) {
      await browser.post('/login', { email: 'hub2@nestwork.demo', password: 'wrong' })
    }
    await browser.get('/track?code=NW-XXXX-XXXX')
    const counting = await countersLeft()
    expect(counting).toBeGreaterThanOrEqual(4)
    expect(await pruneRateLimits(t.db, minutes(10).getTime())).toBe(0)
    expect(await pruneRateLimits(t.db, minutes(16).getTime())).toBe(counting)
    expect(await pruneRateLimits(t.db, minutes(16).getTime())).toBe(0)
    expect(await countersLeft()).toBe(0)
  })

  it('keeps an account’s delay until it is over, however old its window', async () => {
    await t.client.execute({
      sql: 'insert into rate_limits (key, window_start_ms, hits, not_before_ms) values (?, ?, ?, ?)',
      args: ['login:account:x@example.com', at.getTime() - 3_600_000, 9, minutes(1).getTime()],
    })
    expect(await pruneRateLimits(t.db, at.getTime())).toBe(0)
    expect(await pruneRateLimits(t.db, minutes(1).getTime())).toBe(1)
  })

  it('never keeps a counter longer than the window it counts in', () => {
    expect(throttleRules.windowMs).toBeLessThanOrEqual(longestWindowMs)
  })
})

/** Who a breached return concerns: its merchant's users and its hub's operators. */
async function toldOfBreach() {
  const [row] = await t.db.all<{ n: number }>(sql`
    select count(*) as n from users u, returns r
    where u.active = 1 and (
      (u.role = 'MERCHANT' and u.merchant_id = r.merchant_id)
      or (u.role = 'HUB_OPERATOR' and u.hub_id = r.hub_id))`)
  return row!.n
}

// What the runner test's sign-ins and lookups leave behind a week later: its session and counters.
const PRUNED = 2

describe('the job runner', () => {
  it('runs the every-minute jobs each minute and the hourly ones on the hour', () => {
    const names = (iso: string) => jobs.filter((j) => isDue(j, new Date(iso))).map((j) => j.name)
    expect(names('2026-11-25T02:01:00Z')).toEqual(['sla-breach-notices', 'sla-clock-notifications'])
    expect(names('2026-11-25T03:00:00Z')).toEqual([
      'sla-breach-notices',
      'sla-clock-notifications',
      'recurring-costs',
      'publish-benchmarks',
      'prune-expired',
    ])
  })

  it('runs every job even when one fails, and changes nothing the second time', async () => {
    const failing: Job = {
      name: 'failing',
      everyMinutes: 1,
      run: async () => {
        throw new Error('boom')
      },
    }
    const now = new Date('2026-12-02T04:00:00Z')
    await registerReturnFor(t, 1)
    const first = await runJobs(t.db, now, { jobs: [failing, ...jobs] })
    expect(first.map((o) => [o.name, o.changed ?? String(o.error)])).toEqual([
      ['failing', 'Error: boom'],
      ['sla-breach-notices', 1],
      ['sla-clock-notifications', await toldOfBreach()],
      ['recurring-costs', 7],
      ['publish-benchmarks', 1],
      ['prune-expired', PRUNED],
    ])
    const second = await runJobs(t.db, now, { all: true })
    expect(second.map((o) => o.changed)).toEqual([0, 0, 0, 0, 0])
  })
})
