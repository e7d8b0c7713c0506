/**
 * Closing the loop on a return: first response, inspection at the hub, the merchant's
 * resolution, follow-up close, the customer's rating, and the service clocks derived from it all.
 * Each step is one INSERT or conditional UPDATE; migration 0006's triggers enforce the order and
 * the grade rules in the database too.
 */
import { asc, eq, sql } from 'drizzle-orm'
import {
  hubs,
  inspections,
  resolutions,
  returnRatings,
  returnResponses,
  returns,
  type Grade,
} from '../../db/schema'
import { auditEntry } from '../audit/log'
import { requireRole, type Actor } from '../auth/roles'
import { localDate } from '../calendar/local-date'
import { changes, inList, type Db } from '../db'
import { databaseRefusal } from '../db-refusal'
import { Conflict, NotFound, withinRanges } from '../errors'
import { newId } from '../ids'
import { hit } from '../rate-limit'
import { auditReturnMove } from '../returns/audit'
import { normalizeCode } from '../returns/code'
import { returnEvent, returnMoveEvent } from '../returns/events'
import { getReturn, type Return } from '../returns/service'
import { assertGradeFits, assertResolutionAllowed, parseAnswers } from './rules'
import type { InspectInput, ResolveInput } from './schemas'
import { computeSla, type Sla } from './sla'

/** Records a message to the customer; the first one stops the 2-hour first-response clock. */
export async function respondToReturn(
  db: Db,
  actor: Actor | null,
  id: string,
  message: string,
  now: Date,
): Promise<Return> {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const r = await getReturn(db, a, id)
  if (r.status === 'CANCELLED' || r.status === 'CLOSED') {
    throw new Conflict(`This return is ${r.status.toLowerCase()}.`, {
      reason: 'RETURN_STATUS',
      status: r.status,
    })
  }
  const response = { id: newId('rsp'), text: message, at: now.toISOString() }
  await db.batch([
    db.insert(returnResponses).values({
      id: response.id,
      returnId: r.id,
      message,
      actorId: a.userId,
      at: response.at,
    }),
    responseEvent(db, r.id, response),
  ])
  return r
}

/**
 * Runs an inspection's batch; migration 0020's trigger refuses an inspector of another hub,
 * which is the same NOT_FOUND as the return's own visibility gives.
 */
async function inspectAtOwnHub<T extends Parameters<Db['batch']>[0]>(db: Db, batch: T) {
  try {
    return await db.batch(batch)
  } catch (error) {
    if (databaseRefusal(error) === 'WRONG_HUB') throw new NotFound('Return')
    throw error
  }
}

/**
 * Hub staff grade a parcel at their hub against its category's checklist. The return must be
 * bound for the inspector's hub: `getReturn` shows a hub operator only those, and the database
 * refuses an inspection by another hub's operator whatever the caller checked.
 */
export async function inspectReturn(
  db: Db,
  actor: Actor | null,
  input: InspectInput,
  now: Date,
): Promise<Return> {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  const r = await getReturn(db, a, input.returnId)
  if (r.status !== 'AT_HUB') {
    throw new Conflict(
      `Only a parcel received at the hub can be inspected; this one is ${r.status}.`,
      { reason: 'RETURN_STATUS', status: r.status },
    )
  }
  const answers = parseAnswers(r.category, input.checklist)
  assertGradeFits(r.category, answers, input.grade, localDate(now))
  const at = now.toISOString()
  const [inserted] = await inspectAtOwnHub(db, [
    db
      .insert(inspections)
      .values({
        returnId: r.id,
        grade: input.grade,
        checklist: answers,
        notes: input.notes,
        inspectorId: a.userId,
        at,
      })
      .onConflictDoNothing()
      .returning(),
    auditReturnMove(
      db,
      a,
      { action: 'return.inspect', returnId: r.id, from: r.status, to: 'INSPECTED', at },
      sql`json_object('status', e.status, 'grade', ${input.grade})`,
    ),
    returnMoveEvent(
      db,
      { returnId: r.id, to: 'INSPECTED', at },
      sql`, 'inspection', json_object('grade', ${input.grade}, 'at', ${at})`,
    ),
  ])
  if (inserted.length === 0) {
    throw new Conflict('This return was already inspected.', { reason: 'ALREADY_INSPECTED' })
  }
  return getReturn(db, a, r.id)
}

export async function getInspection(db: Db, returnId: string) {
  const [row] = await db.select().from(inspections).where(eq(inspections.returnId, returnId))
  return row ?? null
}

export async function getResolution(db: Db, returnId: string) {
  const [row] = await db.select().from(resolutions).where(eq(resolutions.returnId, returnId))
  return row ?? null
}

/** The inspections of many returns, in one statement. */
export function inspectionsOf(db: Db, returnIds: readonly string[]) {
  return db.select().from(inspections).where(inList(inspections.returnId, returnIds))
}

/** The resolutions of many returns, in one statement. */
export function resolutionsOf(db: Db, returnIds: readonly string[]) {
  return db.select().from(resolutions).where(inList(resolutions.returnId, returnIds))
}

/**
 * Checks a decision as `resolveReturn` would, writing nothing: what a page's confirmation step
 * asks before the irreversible write. Returns the return it would resolve.
 */
export async function checkResolution(
  db: Db,
  actor: Actor | null,
  input: ResolveInput,
): Promise<Return> {
  const a = requireRole(actor, 'MERCHANT')
  const r = await getReturn(db, a, input.returnId)
  const inspection = await getInspection(db, r.id)
  if (r.status !== 'INSPECTED' || !inspection) {
    throw new Conflict(`Only an inspected return can be resolved; this one is ${r.status}.`, {
      reason: 'RETURN_STATUS',
      status: r.status,
    })
  }
  assertResolutionAllowed(
    inspection.grade as Grade,
    input.resolution,
    input.refundFen,
    r.orderValueFen,
  )
  return r
}

/** The merchant decides what happens to an inspected return. */
export async function resolveReturn(
  db: Db,
  actor: Actor | null,
  input: ResolveInput,
  now: Date,
): Promise<Return> {
  const a = requireRole(actor, 'MERCHANT')
  const r = await checkResolution(db, a, input)
  const at = now.toISOString()
  // The database holds the refund's range too (resolutions_refund_positive, _cap).
  const [inserted] = await withinRanges(
    db.batch([
      db
        .insert(resolutions)
        .values({
          returnId: r.id,
          resolution: input.resolution,
          refundFen: input.refundFen ?? null,
          actorId: a.userId,
          at,
        })
        .onConflictDoNothing()
        .returning(),
      auditReturnMove(
        db,
        a,
        { action: 'return.resolve', returnId: r.id, from: r.status, to: 'RESOLVED', at },
        sql`json_object('status', e.status, 'resolution', ${input.resolution}, 'refundFen',
        ${input.refundFen ?? null})`,
      ),
      returnMoveEvent(
        db,
        { returnId: r.id, to: 'RESOLVED', at },
        sql`, 'resolution', json_object('kind', ${input.resolution}, 'refundFen',
        ${input.refundFen ?? null}, 'at', ${at})`,
      ),
    ]),
    `a refund is more than zero and at most the order value, ${r.orderValueFen} fen`,
  )
  if (inserted.length === 0) {
    throw new Conflict('This return was already resolved.', { reason: 'ALREADY_RESOLVED' })
  }
  return getReturn(db, a, r.id)
}

/** The follow-up: the merchant (or coordinator) closes a resolved return. */
export async function closeReturn(db: Db, actor: Actor | null, id: string, now: Date) {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const r = await getReturn(db, a, id)
  const at = now.toISOString()
  const [result] = await db.batch([
    db.run(sql`
      update returns set status = 'CLOSED', updated_by = ${a.userId}, updated_at = ${at}
      where id = ${r.id} and status = 'RESOLVED'`),
    auditReturnMove(db, a, {
      action: 'return.close',
      returnId: r.id,
      from: 'RESOLVED',
      to: 'CLOSED',
      at,
    }),
    returnMoveEvent(db, { returnId: r.id, to: 'CLOSED', at }),
  ])
  if (changes(result) === 0 && r.status !== 'CLOSED') {
    throw new Conflict(`Only a resolved return can be closed; this one is ${r.status}.`, {
      reason: 'RETURN_STATUS',
      status: r.status,
    })
  }
  return getReturn(db, a, id)
}

/**
 * The customer rates a resolved return, once, with the code as the key. Limited per IP like
 * the tracking lookup.
 */
export async function rateReturn(
  db: Db,
  input: { code: string; stars: number; comment: string },
  ip: string,
  now: Date,
  requestId?: string,
): Promise<{ stars: number; comment: string }> {
  await hit(db, `rate:${ip}`, 10, 60_000, now.getTime())
  const code = normalizeCode(input.code)
  const [r] = code ? await db.select().from(returns).where(eq(returns.code, code)) : []
  if (!r) throw new NotFound('Return')
  if (r.status !== 'RESOLVED' && r.status !== 'CLOSED') {
    throw new Conflict('A return can be rated once it is resolved.', { reason: 'NOT_RESOLVED' })
  }
  const [hub] = await db
    .select({ allianceId: hubs.allianceId })
    .from(hubs)
    .where(eq(hubs.id, r.hubId))
  const at = now.toISOString()
  const [inserted] = await db.batch([
    db
      .insert(returnRatings)
      .values({ returnId: r.id, stars: input.stars, comment: input.comment, at })
      .onConflictDoNothing()
      .returning(),
    // The customer is anonymous: the entry names no actor.
    auditEntry(
      db,
      { allianceId: hub!.allianceId, requestId },
      {
        action: 'return.rate',
        entity: 'return',
        entityId: r.id,
        at,
        after: { stars: input.stars },
        from: sql`where changes() > 0`,
      },
    ),
    // The comment is the customer's own words, so the event carries only the stars.
    returnEvent(
      db,
      'return.rated',
      at,
      sql`r.id = ${r.id} and changes() > 0`,
      sql`, 'rating', json_object('stars', ${input.stars}, 'at', ${at})`,
    ),
  ])
  if (inserted.length === 0) {
    throw new Conflict('This return has already been rated.', { reason: 'ALREADY_RATED' })
  }
  return { stars: input.stars, comment: input.comment }
}

/** The ratings of many returns, in one statement. */
export function ratingsOf(db: Db, returnIds: readonly string[]) {
  return db.select().from(returnRatings).where(inList(returnRatings.returnId, returnIds))
}

/**
 * The facts the clocks need, for many returns in one query. Ids travel as one JSON parameter
 * (`json_each`) because D1 binds at most 100 parameters per statement.
 */
export async function slaFacts(db: Db, returnIds: string[]) {
  if (returnIds.length === 0) return new Map<string, Parameters<typeof computeSla>[0]>()
  const rows = await db.all<{
    id: string
    registered_at: string
    first_responded_at: string | null
    arrived_at: string | null
    resolved_at: string | null
  }>(sql`
    select r.id, r.created_at as registered_at,
      (select min(at) from return_responses where return_id = r.id) as first_responded_at,
      (select min(at) from return_events where return_id = r.id and status = 'AT_HUB') as arrived_at,
      (select min(at) from return_events where return_id = r.id and status = 'RESOLVED') as resolved_at
    from returns r where r.id in (select value from json_each(${JSON.stringify(returnIds)}))`)
  return new Map(
    rows.map((r) => [
      r.id,
      {
        registeredAt: r.registered_at,
        firstRespondedAt: r.first_responded_at,
        arrivedAt: r.arrived_at,
        resolvedAt: r.resolved_at,
      },
    ]),
  )
}

/** The service clocks of many returns at `now`, in one statement; unknown ids are left out. */
export async function returnSlas(
  db: Db,
  returnIds: readonly string[],
  now: Date,
): Promise<Map<string, Sla>> {
  const facts = await slaFacts(db, [...returnIds])
  return new Map([...facts].map(([id, f]) => [id, computeSla(f, now)]))
}

/** The responses to many returns the caller has already been shown, oldest first. */
export function responsesOf(db: Db, returnIds: readonly string[]) {
  return db
    .select()
    .from(returnResponses)
    .where(inList(returnResponses.returnId, returnIds))
    .orderBy(asc(returnResponses.at))
}

/**
 * `return.responded`, right after the message's insert: every message the shop writes to the
 * customer, the first one being its first response.
 */
export function responseEvent(
  db: Db,
  returnId: string,
  message: { id: string; text: string; at: string },
) {
  return returnEvent(
    db,
    'return.responded',
    message.at,
    sql`r.id = ${returnId} and changes() > 0`,
    sql`, 'message', json_object('id', ${message.id}, 'text', ${message.text}, 'at', ${message.at},
      'first', json(case when (select count(*) from return_responses where return_id = r.id) = 1
        then 'true' else 'false' end))`,
  )
}
