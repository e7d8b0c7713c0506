import { createHmac } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { outboxEvents, webhookDeliveries, webhookEndpoints } from '../../db/schema'
import { drainOutbox, eventConsumers } from '../../src/events/drain'
import { maxAttempts, retryDelayMs } from '../../src/webhooks/retry'
import { createTestApp, testStart, type TestApp } from '../helpers/app'
import { bringToHub, registerReturnFor } from '../helpers/returns'
import { createEndpoint, recordingReceiver } from './helpers'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const at = (ms: number) => new Date(testStart.getTime() + ms)

/** Standard Webhooks verification written from the spec, with node:crypto rather than Web Crypto. */
function verify(secret: string, headers: Record<string, string>, body: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  const signed = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`
  const expected = createHmac('sha256', key).update(signed).digest('base64')
  return headers['webhook-signature']!.split(' ').includes(`v1,${expected}`)
}

describe('webhook deliveries', () => {
  it('are signed as Standard Webhooks specifies, with the event id as webhook-id', async () => {
    const { secret } = await createEndpoint(t, 'merchant1@nestwork.demo', ['return.registered'])
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
    const { id } = await registerReturnFor(t, 1)
    const receiver = recordingReceiver()
    const now = at(5_000)
    await drainOutbox(t.db, now, receiver.deliver)

    expect(receiver.requests).toHaveLength(1)
    const [request] = receiver.requests
    const [event] = await t.db.select().from(outboxEvents)
    expect(request!.headers['webhook-id']).toBe(event!.id)
    expect(request!.headers['webhook-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)))
    expect(verify(secret, request!.headers, request!.body)).toBe(true)
    expect(verify(secret, request!.headers, request!.body.replace('25800', '25801'))).toBe(false)
    const body = JSON.parse(request!.body)
    expect(body).toMatchObject({ type: 'return.registered', timestamp: event!.createdAt })
    expect(body.data.return).toMatchObject({ id, status: 'REGISTERED', orderValueFen: 25_800 })
  })

  it('retries with exponential backoff over about a day, then disables the endpoint', async () => {
    const endpoint = await createEndpoint(t, 'merchant1@nestwork.demo', ['return.registered'])
    await registerReturnFor(t, 1)
    const receiver = recordingReceiver(() => 503)
    let clock = 0
    await drainOutbox(t.db, at(clock), receiver.deliver)
    const delays: number[] = []
    for (let failures = 1; failures < maxAttempts; failures++) {
      const [d] = await t.db.select().from(webhookDeliveries)
      const due = new Date(d!.nextAttemptAt!).getTime() - testStart.getTime()
      delays.push(due - clock)
      // Not a moment early: a drain just before the due time sends nothing.
      await drainOutbox(t.db, at(due - 1), receiver.deliver)
      expect(receiver.requests).toHaveLength(failures)
      clock = due
      await drainOutbox(t.db, at(clock), receiver.deliver)
      expect(receiver.requests).toHaveLength(failures + 1)
    }
    expect(delays).toEqual(Array.from({ length: maxAttempts - 1 }, (_, i) => retryDelayMs(i + 1)))
    expect(delays.slice(0, 4)).toEqual([60_000, 240_000, 960_000, 3_840_000])
    const total = delays.reduce((s, d) => s + d, 0)
    expect(total).toBeGreaterThan(18 * 3_600_000)
    expect(total).toBeLessThan(30 * 3_600_000)

    const [d] = await t.db.select().from(webhookDeliveries)
    expect(d).toMatchObject({ status: 'FAILED', attempts: maxAttempts, lastResponseStatus: 503 })
    const [e] = await t.db.select().from(webhookEndpoints)
    expect(e).toMatchObject({ enabled: false, disabledAt: at(clock).toISOString() })
    const disabled = await t.db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.type, 'webhook.disabled'))
    expect(disabled).toHaveLength(1)
    expect(disabled[0]).toMatchObject({ merchantId: 'mer_01' })
    expect(JSON.parse(disabled[0]!.data).endpoint.id).toBe(endpoint.id)
    // Nothing more is sent to a disabled endpoint.
    await registerReturnFor(t, 1)
    await drainOutbox(t.db, at(clock + 86_400_000), receiver.deliver)
    expect(receiver.requests).toHaveLength(maxAttempts)
  })

  it('gives a receiver that fails and then succeeds each event once, in order per return', async () => {
    const events = ['return.registered', 'return.checked_in', 'return.picked_up', 'return.received']
    await createEndpoint(t, 'merchant1@nestwork.demo', events)
    const { code } = await registerReturnFor(t, 1)
    await bringToHub(t, code)
    // Fails its first three requests (timeouts, errors), then answers 204 to everything.
    const receiver = recordingReceiver((n) => (n <= 3 ? 500 : 204))
    for (let minute = 0; minute < 60; minute++) {
      await drainOutbox(t.db, at(minute * 60_000), receiver.deliver)
    }
    const accepted = receiver.requests.filter((r) => r.answered === 204)
    const ids = accepted.map((r) => r.headers['webhook-id'])
    expect(new Set(ids).size).toBe(ids.length)
    expect(accepted.map((r) => JSON.parse(r.body).type)).toEqual(events)
    // The failed tries were of the same event, with the same id and the same body.
    const first = receiver.requests.filter((r) => r.headers['webhook-id'] === ids[0])
    expect(first).toHaveLength(4)
    expect(new Set(first.map((r) => r.body)).size).toBe(1)
  })

  it('sends a merchant only its own events, and the coordinator every event of the alliance', async () => {
    await createEndpoint(
      t,
      'merchant1@nestwork.demo',
      ['return.registered'],
      'https://one.example.com/h',
    )
    await createEndpoint(
      t,
      'merchant2@nestwork.demo',
      ['return.registered'],
      'https://two.example.com/h',
    )
    await createEndpoint(
      t,
      'coordinator@nestwork.demo',
      ['return.registered'],
      'https://all.example.com/h',
    )
    await registerReturnFor(t, 1)
    await registerReturnFor(t, 1)
    await registerReturnFor(t, 2)
    const receiver = recordingReceiver()
    await drainOutbox(t.db, at(0), receiver.deliver)
    const byHost = (host: string) =>
      receiver.requests
        .filter((r) => new URL(r.url).host === host)
        .map((r) => JSON.parse(r.body).data.return.merchantId)
    expect(byHost('one.example.com')).toEqual(['mer_01', 'mer_01'])
    expect(byHost('two.example.com')).toEqual(['mer_02'])
    expect(byHost('all.example.com').sort()).toEqual(['mer_01', 'mer_01', 'mer_02'])
  })

  it('hands each event to the consumers, again after one failed, and never delivers it twice', async () => {
    await createEndpoint(t, 'merchant1@nestwork.demo', ['return.registered'])
    await registerReturnFor(t, 1)
    const seen: string[] = []
    let fail = true
    const consumer = async (_: unknown, event: { id: string; type: string }) => {
      seen.push(event.type)
      if (fail) throw new Error('consumer down')
    }
    eventConsumers.push(consumer)
    try {
      const receiver = recordingReceiver()
      await expect(drainOutbox(t.db, at(0), receiver.deliver)).rejects.toThrow(AggregateError)
      fail = false
      const outcome = await drainOutbox(t.db, at(1_000), receiver.deliver)
      expect(outcome.events).toBe(1)
      await drainOutbox(t.db, at(2_000), receiver.deliver)
      expect(seen).toEqual(['return.registered', 'return.registered'])
      expect(receiver.requests).toHaveLength(1)
      expect(await t.db.select().from(webhookDeliveries)).toHaveLength(1)
    } finally {
      eventConsumers.splice(eventConsumers.indexOf(consumer), 1)
    }
  })
})
