/**
 * Turning outbox events into webhook deliveries and sending what is due. Every step is one
 * conditional statement or batch, so two drains at once (a slow tick and the next, two Workers)
 * neither duplicate a delivery nor lose one: a try is claimed by moving its due time forward,
 * and a try that crashed before recording its outcome is simply due again after the lease.
 */
import { sql } from 'drizzle-orm'
import { changes, type Db } from '../db'
import { outboxEvent } from '../events/outbox'
import { attemptLeaseMs, retryDelayMs } from './retry'
import type { Deliver } from './deliver'
import { signWebhook } from './signature'
import { webhookTargetRefusal } from './target'

/**
 * One delivery per enabled endpoint subscribed to the event: a merchant's endpoints for its own
 * events, the coordinator's for every event of the alliance. Making them twice makes nothing
 * more (unique per endpoint and event).
 */
export function deliveriesFor(db: Db, eventSeq: number, at: string) {
  return db.run(sql`
    insert into webhook_deliveries (id, endpoint_id, event_id, event_seq, event_type, return_id,
      status, next_attempt_at, created_at)
    select 'whd_' || lower(hex(randomblob(10))), w.id, e.id, e.seq, e.type, e.return_id,
      'PENDING', ${at}, ${at}
    from outbox_events e join webhook_endpoints w on w.alliance_id = e.alliance_id
      and w.enabled = 1 and (w.merchant_id is null or w.merchant_id = e.merchant_id)
      and exists (select 1 from json_each(w.events) where value = e.type)
    where e.seq = ${eventSeq}
    on conflict (endpoint_id, event_id) do nothing`)
}

interface Due {
  id: string
  endpointId: string
  eventId: string
  failures: number
  nextAttemptAt: string
  url: string
  secret: string
  type: string
  data: string
  createdAt: string
}

export interface DeliveryOutcome {
  deliveryId: string
  delivered: boolean
}

/**
 * Tries every delivery due at `now`, at most `limit`, in parallel. Within an endpoint a return's
 * events go in the order they happened: a delivery waits while an earlier one for the same
 * return is still pending (retrying), so a receiver never sees `return.received` before
 * `return.checked_in`.
 */
export async function deliverDue(
  db: Db,
  now: Date,
  deliver: Deliver,
  options: { allowPrivate?: boolean; limit?: number } = {},
): Promise<DeliveryOutcome[]> {
  const at = now.toISOString()
  const due = await db.all<Due>(sql`
    select d.id, d.endpoint_id as endpointId, d.event_id as eventId, d.failures,
      d.next_attempt_at as nextAttemptAt, w.url, w.secret, e.type, e.data,
      e.created_at as createdAt
    from webhook_deliveries d
      join webhook_endpoints w on w.id = d.endpoint_id
      join outbox_events e on e.id = d.event_id
    where d.status = 'PENDING' and d.next_attempt_at <= ${at} and w.enabled = 1
      and not exists (select 1 from webhook_deliveries p
        where p.endpoint_id = d.endpoint_id and p.return_id = d.return_id
          and p.status = 'PENDING' and p.event_seq < d.event_seq)
    order by d.event_seq
    limit ${options.limit ?? 50}`)
  const tried = await Promise.all(
    due.map((d) => attempt(db, d, now, deliver, options.allowPrivate ?? false)),
  )
  return tried.filter((o): o is DeliveryOutcome => o !== null)
}

/** The Standard Webhooks body: the same bytes at every try, so a receiver can compare them. */
export function webhookBody(type: string, createdAt: string, data: string): string {
  return `{"type":${JSON.stringify(type)},"timestamp":${JSON.stringify(createdAt)},"data":${data}}`
}

async function attempt(
  db: Db,
  d: Due,
  now: Date,
  deliver: Deliver,
  allowPrivate: boolean,
): Promise<DeliveryOutcome | null> {
  const at = now.toISOString()
  const lease = new Date(now.getTime() + attemptLeaseMs).toISOString()
  const claimed = await db.run(sql`
    update webhook_deliveries set next_attempt_at = ${lease}
    where id = ${d.id} and status = 'PENDING' and next_attempt_at = ${d.nextAttemptAt}`)
  if (changes(claimed) === 0) return null // another drain took it

  // Checked again at every try: the URL was checked when saved, but the rules may have tightened.
  const refusal = webhookTargetRefusal(d.url, allowPrivate)
  let status: number | null = null
  let error: string | null = refusal
  const started = Date.now()
  if (!refusal) {
    const body = webhookBody(d.type, d.createdAt, d.data)
    const timestamp = Math.floor(now.getTime() / 1000)
    try {
      const answer = await deliver({
        url: d.url,
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Nestwork-Webhooks/1',
          'webhook-id': d.eventId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': await signWebhook(d.secret, d.eventId, timestamp, body),
        },
      })
      status = answer.status
    } catch (e) {
      error = e instanceof Error && e.name === 'TimeoutError' ? 'TIMEOUT' : 'NO_ANSWER'
    }
  }
  const latency = Date.now() - started
  const mine = sql`id = ${d.id} and next_attempt_at = ${lease}`
  const tried = sql`attempts = attempts + 1, last_attempt_at = ${at},
    last_response_status = ${status}, last_latency_ms = ${refusal ? null : latency},
    last_error = ${error}`
  if (status !== null && status >= 200 && status < 300) {
    await db.run(sql`
      update webhook_deliveries set status = 'DELIVERED', ${tried}, failures = 0,
        next_attempt_at = null, delivered_at = ${at}
      where ${mine}`)
    return { deliveryId: d.id, delivered: true }
  }
  const delay = retryDelayMs(d.failures + 1)
  if (delay !== null) {
    await db.run(sql`
      update webhook_deliveries set ${tried}, failures = failures + 1,
        next_attempt_at = ${new Date(now.getTime() + delay).toISOString()}
      where ${mine}`)
  } else {
    // The last try failed: the delivery has failed, and the endpoint is switched off (its owner
    // told through `webhook.disabled`) until someone fixes the receiver and turns it back on.
    await db.batch([
      db.run(sql`
        update webhook_deliveries set status = 'FAILED', ${tried}, failures = failures + 1,
          next_attempt_at = null
        where ${mine}`),
      db.run(sql`
        update webhook_endpoints set enabled = 0, disabled_at = ${at}, updated_at = ${at}
        where id = ${d.endpointId} and enabled = 1 and changes() > 0`),
      outboxEvent(db, {
        type: 'webhook.disabled',
        allianceId: sql`alliance_id`,
        merchantId: sql`merchant_id`,
        at,
        data: sql`json_object('endpoint', json_object('id', id, 'url', url,
          'disabledAt', disabled_at), 'deliveryId', ${d.id}, 'eventId', ${d.eventId})`,
        from: sql`from webhook_endpoints where id = ${d.endpointId} and changes() > 0`,
      }),
    ])
  }
  return { deliveryId: d.id, delivered: false }
}
