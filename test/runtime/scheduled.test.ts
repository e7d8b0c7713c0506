// The Worker's Cron Trigger entry runs the same jobs as the Node timer, on D1.
import {
  createExecutionContext,
  createScheduledController,
  env,
  SELF,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import worker, { type Env } from '../../src/worker'

/** Calls the Worker's `scheduled()` as the Cron Trigger does; it throws if a job failed. */
async function cron(scheduledTime: Date) {
  const ctx = createExecutionContext()
  const controller = createScheduledController({ scheduledTime, cron: '* * * * *' })
  // The test pool's global Env and the app's imported workers-types name the same bindings.
  await worker.scheduled(controller, env as unknown as Env, ctx)
  await waitOnExecutionContext(ctx)
}

async function count(query: string) {
  return (await env.DB.prepare(query).first<{ n: number }>())!.n
}

/**
 * The Shanghai month now, the one `ahead` months later, and 00:00 on the 2nd of that later month
 * in Shanghai (16:00 UTC on its 1st).
 */
function monthsFromNow(ahead: number) {
  const local = new Date(Date.now() + 8 * 3600_000)
  const month = local.toISOString().slice(0, 7)
  const first = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + ahead, 1, 16))
  return { month, next: first.toISOString().slice(0, 7), scheduledTime: first }
}

async function registerReturn() {
  const gql = async (query: string, token?: string) => {
    const res = await SELF.fetch('https://nestwork.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query }),
    })
    return (await res.json()) as { data?: any; errors?: unknown[] }
  }
  const login = await gql(
    'mutation { login(email: "merchant1@nestwork.demo", password: "nestwork-demo") { token } }',
  )
  const registered = await gql(
    `mutation { registerReturn(input: { orderRef: "CRON-1", category: TOYS, itemDescription: "积木", orderValueFen: 9900, reason: "缺件", hubId: "hub_1", customerContact: "13900000000" }) { id } }`,
    login.data.login.token,
  )
  expect(registered.errors).toBeUndefined()
  return registered.data.registerReturn.id as string
}

describe('scheduled handler on workerd with D1', () => {
  it('runs the due jobs at the scheduled minute, and a second run changes nothing', async () => {
    // The Worker registers on the real clock, so the cron runs at 00:00 on the 2nd of the next
    // month in Shanghai (16:00 UTC on the 1st), on the hour: every job is due.
    const returnId = await registerReturn()
    const { month, next, scheduledTime } = monthsFromNow(1)
    await cron(scheduledTime)
    expect(await count(`select count(*) as n from costs where month = '${next}'`)).toBe(7)
    expect(
      await count(`select count(*) as n from benchmark_publications where month = '${month}'`),
    ).toBe(1)
    const notice = await env.DB.prepare(
      `select merchant_id, return_id from notifications where kind = 'SLA_BREACH'`,
    ).all()
    expect(notice.results).toEqual([{ merchant_id: 'mer_01', return_id: returnId }])

    await cron(scheduledTime)
    expect(await count(`select count(*) as n from costs where month = '${next}'`)).toBe(7)
    expect(
      await count(`select count(*) as n from benchmark_publications where month = '${month}'`),
    ).toBe(1)
    expect(await count('select count(*) as n from notifications')).toBe(1)
  })

  it('runs only the every-minute job off the hour', async () => {
    // Seven minutes past the hour, months ahead: costs would be due, but only on the hour.
    const { next, scheduledTime } = monthsFromNow(3)
    await cron(new Date(scheduledTime.getTime() + 7 * 60_000))
    expect(await count(`select count(*) as n from costs where month = '${next}'`)).toBe(0)
  })
})
