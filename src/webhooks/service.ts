/**
 * Webhook endpoints and their delivery log, as their owners manage them: a merchant's for its
 * own events, the coordinator's (merchant null) for the alliance's. Another owner's endpoint or
 * delivery is NOT_FOUND, as everywhere else.
 */
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm'
import { webhookDeliveries, webhookEndpoints } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import { changes, type Db } from '../db'
import { fromBase64, toBase64Url, utf8 } from '../encoding'
import { Conflict, InvalidInput, NotFound } from '../errors'
import { newId } from '../ids'
import { parseInput } from '../parse-input'
import {
  deliveriesPage,
  webhookEndpointInput,
  webhookEndpointPatch,
  type WebhookEndpointPatch,
} from './schemas'
import { newWebhookSecret } from './signature'
import { webhookTargetRefusal } from './target'

/** Whether private and plain-HTTP targets are allowed (`WEBHOOK_ALLOW_PRIVATE`). */
export interface TargetPolicy {
  allowPrivate: boolean
}

const endpointView = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  enabled: webhookEndpoints.enabled,
  disabledAt: webhookEndpoints.disabledAt,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
}
export type WebhookEndpointView = {
  id: string
  url: string
  description: string
  events: string[]
  enabled: boolean
  disabledAt: string | null
  createdAt: string
  updatedAt: string
}

const deliveryView = {
  id: webhookDeliveries.id,
  endpointId: webhookDeliveries.endpointId,
  eventId: webhookDeliveries.eventId,
  eventType: webhookDeliveries.eventType,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  lastResponseStatus: webhookDeliveries.lastResponseStatus,
  lastLatencyMs: webhookDeliveries.lastLatencyMs,
  lastError: webhookDeliveries.lastError,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  deliveredAt: webhookDeliveries.deliveredAt,
  createdAt: webhookDeliveries.createdAt,
  eventSeq: webhookDeliveries.eventSeq,
}
export type WebhookDeliveryView = Awaited<ReturnType<typeof deliveryById>>

function owner(actor: Actor | null): Actor {
  return requireRole(actor, 'MERCHANT', 'COORDINATOR')
}

function ownedBy(a: Actor) {
  return and(
    eq(webhookEndpoints.allianceId, a.allianceId),
    a.role === 'MERCHANT'
      ? eq(webhookEndpoints.merchantId, a.merchantId ?? '')
      : isNull(webhookEndpoints.merchantId),
  )
}

function assertTarget(url: string, policy: TargetPolicy) {
  const refusal = webhookTargetRefusal(url, policy.allowPrivate)
  if (refusal) {
    throw new InvalidInput('url', `not a public https URL (${refusal})`, {
      reason: 'WEBHOOK_TARGET',
    })
  }
}

/**
 * Registers an endpoint; the returned `secret` is the only time it is ever shown.
 * @example await createWebhookEndpoint(db, merchant, { url: 'https://shop.example/hooks',
 *   events: ['return.received'] }, now, { allowPrivate: false })
 */
export async function createWebhookEndpoint(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now: Date,
  policy: TargetPolicy,
): Promise<{ secret: string; endpoint: WebhookEndpointView }> {
  const a = owner(actor)
  const parsed = parseInput(webhookEndpointInput, input)
  assertTarget(parsed.url, policy)
  const at = now.toISOString()
  const secret = newWebhookSecret()
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({
      id: newId('whe'),
      allianceId: a.allianceId,
      merchantId: a.role === 'MERCHANT' ? a.merchantId : null,
      url: parsed.url,
      description: parsed.description,
      events: [...new Set(parsed.events)],
      secret,
      createdBy: a.userId,
      createdAt: at,
      updatedAt: at,
    })
    .returning(endpointView)
  return { secret, endpoint: endpoint! }
}

export async function listWebhookEndpoints(
  db: Db,
  actor: Actor | null,
): Promise<WebhookEndpointView[]> {
  const a = owner(actor)
  return db
    .select(endpointView)
    .from(webhookEndpoints)
    .where(ownedBy(a))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
}

export async function getWebhookEndpoint(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<WebhookEndpointView> {
  const a = owner(actor)
  const [row] = await db
    .select(endpointView)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), ownedBy(a)))
  if (!row) throw new NotFound('Webhook endpoint')
  return row
}

/** Changes an endpoint; switching it back on clears when it was switched off. */
export async function updateWebhookEndpoint(
  db: Db,
  actor: Actor | null,
  id: string,
  input: unknown,
  now: Date,
  policy: TargetPolicy,
): Promise<WebhookEndpointView> {
  const a = owner(actor)
  const patch: WebhookEndpointPatch = parseInput(webhookEndpointPatch, input)
  if (patch.url !== undefined) assertTarget(patch.url, policy)
  const [row] = await db
    .update(webhookEndpoints)
    .set({
      ...(patch.url !== undefined && { url: patch.url }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.events !== undefined && { events: [...new Set(patch.events)] }),
      ...(patch.enabled !== undefined && {
        enabled: patch.enabled,
        // Saving an endpoint that is already off keeps when it was switched off.
        disabledAt: patch.enabled
          ? null
          : sql`coalesce(${webhookEndpoints.disabledAt}, ${now.toISOString()})`,
      }),
      updatedAt: now.toISOString(),
    })
    .where(and(eq(webhookEndpoints.id, id), ownedBy(a)))
    .returning(endpointView)
  if (!row) throw new NotFound('Webhook endpoint')
  return row
}

/** Removes an endpoint and its delivery log; nothing more is sent to it. */
export async function deleteWebhookEndpoint(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<WebhookEndpointView> {
  const endpoint = await getWebhookEndpoint(db, actor, id)
  await db.batch([
    db.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id)),
    db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)),
  ])
  return endpoint
}

const encodeCursor = (seq: number) => toBase64Url(utf8(String(seq)))
function decodeCursor(cursor: string): number {
  try {
    const seq = Number(
      new TextDecoder().decode(fromBase64(cursor.replace(/-/g, '+').replace(/_/g, '/'))),
    )
    if (Number.isSafeInteger(seq) && seq > 0) return seq
  } catch {
    // fall through to the input error
  }
  throw new InvalidInput('after', 'not a cursor from a previous page')
}

/** An endpoint's deliveries, newest event first, a page at a time. */
export async function listWebhookDeliveries(
  db: Db,
  actor: Actor | null,
  endpointId: string,
  page: unknown,
) {
  const endpoint = await getWebhookEndpoint(db, actor, endpointId)
  const { first, after } = parseInput(deliveriesPage, page)
  const rows = await db
    .select(deliveryView)
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpoint.id),
        after ? lt(webhookDeliveries.eventSeq, decodeCursor(after)) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.eventSeq))
    .limit(first + 1)
  const nodes = rows.slice(0, first)
  const last = nodes.at(-1)
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor(last.eventSeq) : null,
    },
  }
}

async function deliveryById(db: Db, a: Actor, id: string) {
  const [row] = await db
    .select({ ...deliveryView, enabled: webhookEndpoints.enabled })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.id, id), ownedBy(a)))
  if (!row) throw new NotFound('Webhook delivery')
  return row
}

const disabled = () => new Conflict('This endpoint is disabled.', { reason: 'WEBHOOK_DISABLED' })

/** "Send again": the delivery is due now, with a fresh round of retries. */
export async function redeliverWebhook(
  db: Db,
  actor: Actor | null,
  deliveryId: string,
  now: Date,
): Promise<WebhookDeliveryView> {
  const a = owner(actor)
  const delivery = await deliveryById(db, a, deliveryId)
  if (!delivery.enabled) throw disabled()
  const result = await db.run(sql`
    update webhook_deliveries set status = 'PENDING', failures = 0,
      next_attempt_at = ${now.toISOString()}
    where id = ${delivery.id}
      and exists (select 1 from webhook_endpoints w where w.id = endpoint_id and w.enabled = 1)`)
  if (changes(result) === 0) throw disabled()
  return deliveryById(db, a, delivery.id)
}

/**
 * "Send a test event": a `webhook.test` event for this endpoint only, delivered like any other.
 * Its outbox row is written already fanned out, so no consumer and no other endpoint sees it.
 */
export async function sendTestWebhook(
  db: Db,
  actor: Actor | null,
  endpointId: string,
  now: Date,
): Promise<WebhookDeliveryView> {
  const a = owner(actor)
  const endpoint = await getWebhookEndpoint(db, a, endpointId)
  if (!endpoint.enabled) throw disabled()
  const at = now.toISOString()
  const eventId = newId('evt', 24)
  const deliveryId = newId('whd')
  const data = JSON.stringify({ endpointId: endpoint.id, test: true })
  await db.batch([
    db.run(sql`
      insert into outbox_events (id, type, alliance_id, merchant_id, data, created_at,
        fanned_out_at)
      values (${eventId}, 'webhook.test', ${a.allianceId}, ${a.role === 'MERCHANT' ? a.merchantId : null},
        ${data}, ${at}, ${at})`),
    db.run(sql`
      insert into webhook_deliveries (id, endpoint_id, event_id, event_seq, event_type, status,
        next_attempt_at, created_at)
      select ${deliveryId}, ${endpoint.id}, id, seq, type, 'PENDING', ${at}, ${at}
      from outbox_events where id = ${eventId}`),
  ])
  return deliveryById(db, a, deliveryId)
}
