import { deliveryTimeoutMs } from './retry'

/** One signed POST to a receiver. */
export interface WebhookRequest {
  url: string
  headers: Record<string, string>
  body: string
}

/**
 * Sends a request and says what came back: the status, or (no answer, timeout) an error. Tests
 * pass their own to record requests without a network.
 */
export type Deliver = (request: WebhookRequest) => Promise<{ status: number }>

/**
 * Delivery with `fetch`, the same on Node and Workers: 10 s and no more, and a redirect is an
 * answer (3xx, so a failure), never followed — following it would reach a URL nobody checked.
 */
export const fetchDeliver: Deliver = async ({ url, headers, body }) => {
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(deliveryTimeoutMs),
  })
  // The body is not read, but it must be released so the connection can be reused.
  await res.body?.cancel()
  return { status: res.status }
}
