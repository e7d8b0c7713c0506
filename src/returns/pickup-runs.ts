/**
 * Pickup runs carry parcels from a station to a hub. Creating a run takes every parcel waiting
 * at the station for that hub in one statement; receiving at the hub is idempotent per parcel
 * (run_receipts is keyed by the return); closing lists what was expected but not received and
 * what arrived without being on the run, so nothing silently disappears.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { pickupRuns, returns, runReceipts, stations } from '../../db/schema'
import { requireHub, requireRole, type Actor } from '../auth/roles'
import { changes, type Db } from '../db'
import { Conflict, InvalidInput, NotFound } from '../errors'
import { newId } from '../ids'
import { getHub, getStation, listHubs, type Station } from '../network/service'
import { auditEntry } from '../audit/log'
import { auditReturnMove } from './audit'
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
    auditEntry(db, a, {
      action: 'pickupRun.open',
      entity: 'pickupRun',
      entityId: id,
      at,
      after: { status: 'OPEN', stationId: station.id, hubId },
    }),
    auditEntry(db, a, {
      action: 'parcel.pickUp',
      entity: 'return',
      entityId: sql`e.return_id`,
      at,
      before: { status: 'AT_STATION' },
      after: sql`json_object('status', e.status, 'pickupRunId', e.pickup_run_id)`,
      from: sql`from return_events e where e.pickup_run_id = ${id} and e.status = 'IN_TRANSIT'
        and e.at = ${at}`,
    }),
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
  const move = { returnId: parcel.id, at }
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
    auditReturnMove(db, a, {
      action: 'parcel.pickUp',
      ...move,
      from: 'AT_STATION',
      to: 'IN_TRANSIT',
    }),
    db.run(toHub),
    auditReturnMove(db, a, { action: 'parcel.receive', ...move, from: 'IN_TRANSIT', to: 'AT_HUB' }),
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
  const at = now.toISOString()
  await db.batch([
    db.run(sql`
      update pickup_runs set status = 'CLOSED', closed_by = ${actor!.userId}, closed_at = ${at}
      where id = ${run.id} and status = 'OPEN'`),
    auditEntry(db, actor!, {
      action: 'pickupRun.close',
      entity: 'pickupRun',
      entityId: run.id,
      at,
      before: { status: 'OPEN' },
      after: { status: 'CLOSED' },
      from: sql`from pickup_runs where id = ${run.id} and closed_at = ${at} and status = 'CLOSED'
        and changes() > 0`,
    }),
  ])
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

export interface StationWaiting {
  station: Station
  hubId: string
  /** Parcels checked in there, bound for the hub, not yet on a run. */
  parcels: number
  /** When the longest-waiting of them was checked in. */
  since: string
}

/**
 * Stations holding checked-in parcels for a hub: what the next pickup runs should collect, most
 * parcels first. A hub operator sees its own hub; a coordinator one hub, or every hub.
 */
export async function stationsWaiting(
  db: Db,
  actor: Actor | null,
  hubId?: string,
): Promise<StationWaiting[]> {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  const hub = a.hubId ?? hubId
  if (hub) requireHub(a, (await getHub(db, a, hub)).id)
  const parcels = sql<number>`count(*)`
  return db
    .select({
      station: stations,
      hubId: returns.hubId,
      parcels,
      since: sql<string>`min(${returns.updatedAt})`,
    })
    .from(returns)
    .innerJoin(stations, eq(stations.id, returns.stationId))
    .where(and(eq(returns.status, 'AT_STATION'), hub ? eq(returns.hubId, hub) : inAlliance(a)))
    .groupBy(returns.stationId, returns.hubId)
    .orderBy(desc(parcels), asc(stations.id), asc(returns.hubId))
}

export interface RunSummary {
  run: PickupRun
  stationName: string
  /** Parcels the run took from the station (its manifest). */
  expected: number
  /** Parcels of the manifest scanned in at a hub (with this run or, rarely, another). */
  received: number
  /** Parcels scanned in against this run without being on it. */
  unexpected: number
}

/**
 * Recent runs, newest first, with their counts: a hub operator's own hub; every hub, or the one
 * asked for, for a coordinator.
 */
export async function runSummaries(
  db: Db,
  actor: Actor | null,
  options: { hubId?: string; limit?: number } = {},
): Promise<RunSummary[]> {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  const hub = a.hubId ?? options.hubId
  const rows = await db
    .select({
      run: pickupRuns,
      stationName: stations.name,
      expected: sql<number>`(select count(*) from returns r where r.pickup_run_id = ${pickupRuns.id}
        and not exists (select 1 from run_receipts x
          where x.return_id = r.id and x.run_id = ${pickupRuns.id} and x.expected = 0))`,
      received: sql<number>`(select count(*) from returns r where r.pickup_run_id = ${pickupRuns.id}
        and exists (select 1 from run_receipts x where x.return_id = r.id
          and not (x.run_id = ${pickupRuns.id} and x.expected = 0)))`,
      unexpected: sql<number>`(select count(*) from run_receipts x
        where x.run_id = ${pickupRuns.id} and x.expected = 0)`,
    })
    .from(pickupRuns)
    .innerJoin(stations, eq(stations.id, pickupRuns.stationId))
    .where(
      hub
        ? eq(pickupRuns.hubId, hub)
        : sql`${pickupRuns.hubId} in (select id from hubs where alliance_id = ${a.allianceId})`,
    )
    .orderBy(desc(pickupRuns.createdAt), desc(pickupRuns.id))
    .limit(options.limit ?? 50)
  return rows
}

export interface ManifestLine {
  parcel: Return
  /** Where and when it was scanned in at a hub; null while it has not been. */
  receipt: { runId: string; at: string } | null
}

export interface RunManifest extends RunReconciliation {
  /** What the run took from the station, whether received yet or not. */
  lines: ManifestLine[]
}

/** A run's manifest with each parcel's receipt, plus what `reconcile` reports. */
export async function runManifest(
  db: Db,
  actor: Actor | null,
  runId: string,
): Promise<RunManifest> {
  const reconciliation = await reconcile(db, actor, runId)
  const unexpected = new Set(reconciliation.unexpected.map((r) => r.id))
  const parcels = (await runParcels(db, actor, runId)).filter((p) => !unexpected.has(p.id))
  const receipts = await db
    .select({ returnId: runReceipts.returnId, runId: runReceipts.runId, at: runReceipts.at })
    .from(runReceipts)
    .innerJoin(returns, eq(returns.id, runReceipts.returnId))
    .where(eq(returns.pickupRunId, runId))
  const byReturn = new Map(receipts.map((r) => [r.returnId, { runId: r.runId, at: r.at }]))
  return {
    ...reconciliation,
    lines: parcels.map((parcel) => ({ parcel, receipt: byReturn.get(parcel.id) ?? null })),
  }
}
