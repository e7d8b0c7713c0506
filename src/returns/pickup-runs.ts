/**
 * Pickup runs carry parcels from a station to a hub. Creating a run takes every parcel waiting
 * at the station for that hub in one statement; receiving at the hub is idempotent per parcel
 * (run_receipts is keyed by the return); closing lists what was expected but not received and
 * what arrived without being on the run, so nothing silently disappears.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { pickupRuns, returns, runReceipts } from '../../db/schema'
import { requireHub, requireRole, type Actor } from '../auth/roles'
import { changes, type Db } from '../db'
import { Conflict, InvalidInput, NotFound } from '../errors'
import { newId } from '../ids'
import { getHub, getStation, listHubs } from '../network/service'
import { normalizeCode } from './code'
import { distanceMeters } from './geo'
import { inAlliance, type Return } from './service'

export type PickupRun = typeof pickupRuns.$inferSelect

/**
 * Creates a run from a station to the actor's hub (a coordinator may name the hub, else the
 * station's nearest). It takes every parcel at the station bound for that hub.
 */
export async function createPickupRun(
  db: Db,
  actor: Actor | null,
  input: { stationId: string; hubId?: string },
  now: Date,
): Promise<PickupRun> {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  const station = await getStation(db, a, input.stationId)
  const hubId = a.hubId ?? input.hubId ?? (await nearestHubId(db, a, station))
  requireHub(a, (await getHub(db, a, hubId)).id)
  const id = newId('run')
  const at = now.toISOString()
  await db.batch([
    db.insert(pickupRuns).values({
      id,
      stationId: station.id,
      hubId,
      status: 'OPEN',
      createdBy: a.userId,
      createdAt: at,
    }),
    db.run(sql`
      update returns set status = 'IN_TRANSIT', pickup_run_id = ${id},
        updated_by = ${a.userId}, updated_at = ${at}
      where station_id = ${station.id} and hub_id = ${hubId} and status = 'AT_STATION'`),
  ])
  return getPickupRun(db, a, id)
}

async function nearestHubId(db: Db, a: Actor, point: { lat: number; lng: number }) {
  const hubs = await listHubs(db, a)
  hubs.sort((x, y) => distanceMeters(point, x) - distanceMeters(point, y))
  if (!hubs[0]) throw new NotFound('Hub')
  return hubs[0].id
}

/** A run of the actor's hub (any run for a coordinator). */
export async function getPickupRun(db: Db, actor: Actor | null, id: string): Promise<PickupRun> {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  const [run] = await db.select().from(pickupRuns).where(eq(pickupRuns.id, id))
  if (!run || (a.hubId && run.hubId !== a.hubId)) throw new NotFound('Pickup run')
  await getHub(db, a, run.hubId) // same alliance, or NOT_FOUND
  return run
}

export async function listPickupRuns(db: Db, actor: Actor | null, limit = 50) {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  return db
    .select()
    .from(pickupRuns)
    .where(
      a.hubId
        ? eq(pickupRuns.hubId, a.hubId)
        : sql`${pickupRuns.hubId} in (select id from hubs where alliance_id = ${a.allianceId})`,
    )
    .orderBy(desc(pickupRuns.createdAt))
    .limit(limit)
}

export interface Receipt {
  return: Return
  alreadyReceived: boolean
  /** False when the parcel was not on this run's manifest. */
  expected: boolean
}

/**
 * Scans a parcel in at the run's hub. A parcel on the run moves IN_TRANSIT → AT_HUB; a parcel
 * that was not on it (still AT_STATION, or on another run) is received too and recorded as
 * unexpected. The receipt row (one per return) makes a repeat scan a no-op.
 */
export async function receiveParcel(
  db: Db,
  actor: Actor | null,
  input: { runId: string; code: string },
  now: Date,
): Promise<Receipt> {
  const run = await getPickupRun(db, actor, input.runId)
  const a = actor!
  if (run.status === 'CLOSED') throw new Conflict('This pickup run is closed.')
  const code = normalizeCode(input.code)
  if (!code) throw new InvalidInput('code', 'not a return code')
  const [parcel] = await db
    .select()
    .from(returns)
    .where(and(eq(returns.code, code), inAlliance(a)))
  if (!parcel) throw new NotFound('Return')
  const [previous] = await db.select().from(runReceipts).where(eq(runReceipts.returnId, parcel.id))
  if (previous) return { return: parcel, alreadyReceived: true, expected: previous.expected }
  if (parcel.status === 'REGISTERED' || parcel.status === 'CANCELLED') {
    throw new Conflict('This parcel was never checked in at a station.', { status: parcel.status })
  }
  const at = now.toISOString()
  const expected = parcel.pickupRunId === run.id
  const toTransit = sql`
    update returns set status = 'IN_TRANSIT', pickup_run_id = coalesce(pickup_run_id, ${run.id}),
      updated_by = ${a.userId}, updated_at = ${at}
    where id = ${parcel.id} and status = 'AT_STATION'`
  const toHub = sql`
    update returns set status = 'AT_HUB', updated_by = ${a.userId}, updated_at = ${at}
    where id = ${parcel.id} and status = 'IN_TRANSIT'`
  const [receipt] = await db.batch([
    db.run(sql`
      insert into run_receipts (return_id, run_id, expected, received_by, at)
      values (${parcel.id}, ${run.id}, ${expected ? 1 : 0}, ${a.userId}, ${at})
      on conflict (return_id) do nothing`),
    db.run(toTransit),
    db.run(toHub),
  ])
  const [after] = await db.select().from(returns).where(eq(returns.id, parcel.id))
  return { return: after!, alreadyReceived: changes(receipt) === 0, expected }
}

export interface RunReconciliation {
  run: PickupRun
  /** On the run but not scanned in at the hub: still IN_TRANSIT, to be found. */
  missing: Return[]
  /** Scanned in against this run without being on it. */
  unexpected: Return[]
  received: number
}

/** Closes a run (once; closing again just shows the result) and reconciles it. */
export async function closePickupRun(
  db: Db,
  actor: Actor | null,
  runId: string,
  now: Date,
): Promise<RunReconciliation> {
  const run = await getPickupRun(db, actor, runId)
  await db.run(sql`
    update pickup_runs set status = 'CLOSED', closed_by = ${actor!.userId}, closed_at = ${now.toISOString()}
    where id = ${run.id} and status = 'OPEN'`)
  return reconcile(db, actor, runId)
}

/** What a run carried and what arrived, at any time. */
export async function reconcile(
  db: Db,
  actor: Actor | null,
  runId: string,
): Promise<RunReconciliation> {
  const run = await getPickupRun(db, actor, runId)
  const receipts = await db.select().from(runReceipts).where(eq(runReceipts.runId, run.id))
  const missing = await db
    .select()
    .from(returns)
    .where(and(eq(returns.pickupRunId, run.id), eq(returns.status, 'IN_TRANSIT')))
    .orderBy(asc(returns.code))
  const unexpected = await db
    .select()
    .from(returns)
    .where(
      sql`${returns.id} in (select return_id from run_receipts where run_id = ${run.id} and expected = 0)`,
    )
    .orderBy(asc(returns.code))
  return { run, missing, unexpected, received: receipts.length }
}

/** Parcels on a run, for its manifest. */
export async function runParcels(db: Db, actor: Actor | null, runId: string): Promise<Return[]> {
  const run = await getPickupRun(db, actor, runId)
  return db.select().from(returns).where(eq(returns.pickupRunId, run.id)).orderBy(asc(returns.code))
}
