import type { WebhookRequest } from '../../src/webhooks/deliver'
import type { TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'

/** Creates an endpoint as `email` through GraphQL: its id and its secret. */
export async function createEndpoint(
  t: TestApp,
  email: string,
  events: string[],
  url = 'https://shop.example.com/hooks',
): Promise<{ id: string; secret: string }> {
  const res = await gql(
    t,
    `mutation ($input: CreateWebhookEndpointInput!) {
      createWebhookEndpoint(input: $input) { secret endpoint { id } }
    }`,
    { input: { url, events } },
    await tokenFor(t, email),
  )
  if (!res.data) throw new Error(JSON.stringify(res.errors))
  return {
    id: res.data.createWebhookEndpoint.endpoint.id,
    secret: res.data.createWebhookEndpoint.secret,
  }
}

/** A receiver in memory: records every request and answers with `status(n)` for the n-th. */
export function recordingReceiver(
  status: (n: number, request: WebhookRequest) => number = () => 200,
) {
  const requests: (WebhookRequest & { answered: number })[] = []
  const deliver = async (request: WebhookRequest) => {
    const answered = status(requests.length + 1, request)
    requests.push({ ...request, answered })
    return { status: answered }
  }
  return { requests, deliver }
}
