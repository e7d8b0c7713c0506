import { beforeEach, describe, expect, it } from 'vitest'
import { drainOutbox } from '../../src/events/drain'
import { createTestApp, testStart, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'
import { createEndpoint, recordingReceiver } from './helpers'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const CREATE = `mutation ($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id } }
}`

describe('webhook endpoints through GraphQL', () => {
  it.each([
    'https://127.0.0.1/hooks',
    'https://localhost/hooks',
    'http://shop.example.com/h',
    'https://[::1]/',
  ])('refuses %s as a target', async (url) => {
    const res = await gql(
      t,
      CREATE,
      { input: { url, events: ['return.registered'] } },
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'WEBHOOK_TARGET',
      field: 'url',
    })
  })

  it('refuses an event type that does not exist', async () => {
    const res = await gql(
      t,
      CREATE,
      { input: { url: 'https://shop.example.com/h', events: ['return.exploded'] } },
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('shows the secret only at creation, and the log only to its owner', async () => {
    const { id } = await createEndpoint(t, 'merchant1@nestwork.demo', ['return.registered'])
    await registerReturnFor(t, 1)
    await drainOutbox(t.db, testStart, recordingReceiver(() => 500).deliver)
    const deliveries = `query ($id: ID!) { webhookDeliveries(endpointId: $id) { nodes { id eventType status attempts lastResponseStatus nextAttemptAt } } }`
    const mine = await gql(t, deliveries, { id }, await tokenFor(t, 'merchant1@nestwork.demo'))
    expect(mine.data.webhookDeliveries.nodes).toMatchObject([
      { eventType: 'return.registered', status: 'PENDING', attempts: 1, lastResponseStatus: 500 },
    ])
    const other = await gql(t, deliveries, { id }, await tokenFor(t, 'merchant2@nestwork.demo'))
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
    const listed = await gql(
      t,
      '{ webhookEndpoints { id } }',
      {},
      await tokenFor(t, 'merchant2@nestwork.demo'),
    )
    expect(listed.data.webhookEndpoints).toEqual([])
    const noSecret = await gql(
      t,
      '{ webhookEndpoints { secret } }',
      {},
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    expect(noSecret.errors?.[0]?.message).toMatch(/secret/)

    // "Send again" makes it due now with a fresh round; "send a test event" queues webhook.test.
    const deliveryId = mine.data.webhookDeliveries.nodes[0].id
    const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
    const again = await gql(
      t,
      `mutation { redeliverWebhook(deliveryId: "${deliveryId}") { status nextAttemptAt } }`,
      {},
      merchant,
    )
    expect(again.data.redeliverWebhook).toEqual({
      status: 'PENDING',
      nextAttemptAt: testStart.toISOString(),
    })
    const test = await gql(
      t,
      `mutation { sendTestWebhook(endpointId: "${id}") { eventType status } }`,
      {},
      merchant,
    )
    expect(test.data.sendTestWebhook).toEqual({ eventType: 'webhook.test', status: 'PENDING' })
    const receiver = recordingReceiver()
    await drainOutbox(t.db, testStart, receiver.deliver)
    expect(receiver.requests.map((r) => JSON.parse(r.body).type).sort()).toEqual([
      'return.registered',
      'webhook.test',
    ])
  })
})
