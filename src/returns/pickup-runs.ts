/**
 * Pickup runs carry parcels from a station to a hub. Creating a run takes every parcel waiting
 * at the station for that hub in one statement; receiving at the hub is idempotent per parcel
 * (run_receipts is keyed by the return); closing lists what was expected but not received and
 * what arrived without being on the run, so nothing silently disappears. Every statement that
 * changes a run or a parcel names the caller's hub in its own WHERE (`hubsActedFor`), and
 * migration 0020's triggers refuse a receipt, an arrival or a close at any other hub: a parcel
 * bound for another hub is refused at the scan and recorded as mis-routed on the run.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import {
  pickupRuns,
  returns,
  runMisroutes,
  runReceipts,
  sortLanes,
  sortPlans,
  stations,
  type Category,
  type LaneKindName,
  type QuarantineReason,
} from '../../db/schema'
import { requireHub, requireRole, type Actor } from '../auth/roles'
import { changes, type Db } from '../db'
import { databaseRefusal } from '../db-refusal'
import { Conflict, InvalidInput, NotFound } from '../errors'
import { newId } from '../ids'
import {
  getHub,
  getStation,
  hubsActedFor,
  listHubs,
  type Hub,
  type Station,
} from '../network/service'
import { auditEntry } from '../audit/log'
import { addDays, localDate, localInstant } from '../calendar/local-date'
import { ensureSortPlan } from '../hubs/service'
import { laneFor } from '../hubs/sort-plan'
import { auditReturnMove } from './audit'
import { returnEvent, returnMoveEvent } from './events'
import { normalizeCode } from './code'
import { servingHub } from './hub-suggestion'
import { inAlliance, type Return } from './service'
import { transferLaneCountToday, transferOf, transferStatements } from './transfer-scan'

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
    db.run(sql`
      insert into pickup_runs (id, station_id, hub_id, status, created_by, created_at)
      select ${id}, ${station.id}, ${hubId}, 'OPEN', ${a.userId}, ${at}
      where ${hubId} in ${hubsActedFor(a)}`),
    db.run(sql`
      update returns set status = 'IN_TRANSIT', pickup_run_id = ${id},
        updated_by = ${a.userId}, updated_at = ${at}
      where station_id = ${station.id} and hub_id = ${hubId} and status = 'AT_STATION'
        and exists (select 1 from pickup_runs where id = ${id})`),
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
    returnEvent(
      db,
      'return.picked_up',
      at,
      sql`r.id in (select e.return_id from return_events e
        where e.pickup_run_id = ${id} and e.status = 'IN_TRANSIT' and e.at = ${at})`,
    ),
  ])
  return getPickupRun(db, a, id)
}

async function nearestHubId(db: Db, a: Actor, point: { lat: number; lng: number }) {
  const hub = servingHub(point, await listHubs(db, a))
  if (!hub) throw new NotFound('Hub')
  return hub.id
}

/** A run of the actor's hub, or a transfer run it sent (any run for a coordinator). */
export async function getPickupRun(db: Db, actor: Actor | null, id: string): Promise<PickupRun> {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  const [run] = await db
    .select()
    .from(pickupRuns)
    .where(
      and(
        eq(pickupRuns.id, id),
        sql`(${pickupRuns.hubId} in ${hubsActedFor(a)} or ${pickupRuns.fromHubId} in ${hubsActedFor(a)})`,
      ),
    )
  if (!run) throw new NotFound('Pickup run')
  return run
}

export interface Receipt {
  return: Return
  alreadyReceived: boolean
  /** False when the parcel was not on this run's manifest. */
  expected: boolean
  /** The lane the hub's sort plan put it in (null: its merchant is in no lane of the plan). */
  lane: { code: string; kind: LaneKindName } | null
  /** Parcels received at this hub into that lane today (Shanghai), this one included. */
  laneCountToday: number
  /** False for a parcel bound for another hub: put on the transfer lane, not received here. */
  received: boolean
  /** The hub a mis-routed parcel is transferred to; null when it was received here. */
  transferToHubId: string | null
  /** Why the receipt sent it to quarantine; null when it was not flagged. */
  quarantineReason: QuarantineReason | null
}

/** Why a scan was refused, in `Conflict.details.reason`, for pages to explain it. */
export type ReceiveRefusal = 'WRONG_HUB' | 'RUN_CLOSED' | 'NOT_CHECKED_IN'

const runClosed = () =>
  new Conflict('This pickup run is closed.', { reason: 'RUN_CLOSED' satisfies ReceiveRefusal })

/** The refusal of a parcel bound for another hub; `hubId` names where it belongs. */
function wrongHub(hub: Hub) {
  return new Conflict(
    `This parcel belongs to ${hub.name}: put it in the transfer lane to send it on.`,
    { reason: 'WRONG_HUB' satisfies ReceiveRefusal, hubId: hub.id },
  )
}

/**
 * Scans a parcel in at the run's hub. A parcel on the run moves IN_TRANSIT → AT_HUB; a parcel
 * that was not on it (still AT_STATION, or on another run) is received too and recorded as
 * unexpected. The receipt row (one per return) makes a repeat scan a no-op. A parcel bound for
 * another hub is refused (CONFLICT, reason WRONG_HUB) and recorded on the run as mis-routed:
 * it stays where it was in the flow, for its own hub to receive.
 */
export async function receiveParcel(
  db: Db,
  actor: Actor | null,
  input: { runId: string; code: string; quarantine?: QuarantineReason },
  now: Date,
): Promise<Receipt> {
  const run = await getPickupRun(db, actor, input.runId)
  // The sending hub may read a transfer run it sent, but only the receiving hub scans into it.
  const a = requireHub(actor, run.hubId)
  if (run.status === 'CLOSED') throw runClosed()
  const code = normalizeCode(input.code)
  if (!code) throw new InvalidInput('code', 'not a return code')
  const [parcel] = await db
    .select()
    .from(returns)
    .where(and(eq(returns.code, code), inAlliance(a)))
  if (!parcel) throw new NotFound('Return')
  const at = now.toISOString()
  const move = { returnId: parcel.id, at }
  // The lane comes from the plan in force now; the receipt keeps its code and the plan's version.
  // A parcel for another hub goes to this hub's transfer lane for that hub.
  const plan = await ensureSortPlan(db, a, run.hubId, now)
  const misrouted = parcel.hubId !== run.hubId
  const quarantine = misrouted ? null : (input.quarantine ?? null)
  const lane = misrouted ? transferLane(plan, parcel.hubId) : sortLane(plan, parcel, quarantine)
  // The run as this caller may scan into it: open, and at a hub the caller acts for.
  const here = sql`p.id = ${run.id} and p.status = 'OPEN' and p.hub_id in ${hubsActedFor(a)}
    and r.id = ${parcel.id} and r.status in ('AT_STATION', 'IN_TRANSIT')`
  // Moves happen only behind the receipt this very scan wrote.
  const received = sql`exists (select 1 from run_receipts x
    where x.return_id = ${parcel.id} and x.run_id = ${run.id} and x.at = ${at})`
  const toTransit = sql`
    update returns set status = 'IN_TRANSIT', pickup_run_id = coalesce(pickup_run_id, ${run.id}),
      updated_by = ${a.userId}, updated_at = ${at}
    where id = ${parcel.id} and status = 'AT_STATION' and ${received}`
  const toHub = sql`
    update returns set status = 'AT_HUB', updated_by = ${a.userId}, updated_at = ${at}
    where id = ${parcel.id} and status = 'IN_TRANSIT' and ${received}`
  let results: unknown[]
  try {
    results = await db.batch([
      db.run(sql`
        insert into run_receipts (return_id, run_id, expected, received_by, at, lane_code,
          sort_plan_version, quarantine_reason, hub_id, merchant_id)
        select r.id, p.id, coalesce(r.pickup_run_id = p.id, 0), ${a.userId}, ${at},
          ${lane?.code ?? null}, ${lane ? plan.version : null}, ${quarantine}, p.hub_id,
          r.merchant_id
        from returns r join pickup_runs p on ${here} and r.hub_id = p.hub_id
        where true
        on conflict (return_id) do nothing`),
      db.run(toTransit),
      auditReturnMove(db, a, {
        action: 'parcel.pickUp',
        ...move,
        from: 'AT_STATION',
        to: 'IN_TRANSIT',
      }),
      returnMoveEvent(db, { returnId: parcel.id, to: 'IN_TRANSIT', at }),
      db.run(toHub),
      auditReturnMove(db, a, {
        action: 'parcel.receive',
        ...move,
        from: 'IN_TRANSIT',
        to: 'AT_HUB',
      }),
      returnMoveEvent(db, { returnId: parcel.id, to: 'AT_HUB', at }),
      db.run(sql`
        insert into run_misroutes (run_id, return_id, scanned_by, at)
        select p.id, r.id, ${a.userId}, ${at}
        from returns r join pickup_runs p on ${here} and r.hub_id <> p.hub_id
        where true
        on conflict (run_id, return_id) do nothing`),
      auditEntry(db, a, {
        action: 'parcel.misrouted',
        entity: 'return',
        entityId: parcel.id,
        at,
        after: { runId: run.id, scannedAtHubId: run.hubId, boundForHubId: parcel.hubId },
        from: sql`from run_misroutes where run_id = ${run.id} and return_id = ${parcel.id}
          and at = ${at} and changes() > 0`,
      }),
      ...transferStatements(
        db,
        a,
        {
          returnId: parcel.id,
          runId: run.id,
          fromHubId: run.hubId,
          toHubId: parcel.hubId,
          lane,
          sortPlanVersion: lane ? plan.version : null,
          at,
        },
        here,
      ),
    ])
  } catch (error) {
    if (databaseRefusal(error) === 'WRONG_HUB') throw wrongHub(await getHub(db, a, parcel.hubId))
    throw error
  }
  const [receipt] = results
  if (changes(receipt) > 0) {
    const [after] = await db.select().from(returns).where(eq(returns.id, parcel.id))
    return {
      return: after!,
      alreadyReceived: false,
      expected: parcel.pickupRunId === run.id,
      lane,
      laneCountToday: await laneCountToday(db, run.hubId, lane?.code, now),
      received: true,
      transferToHubId: null,
      quarantineReason: quarantine,
    }
  }
  // The transfer statements close the batch; their first wrote the transfer, if this scan did.
  if (misrouted) return transferReceipt(db, a, run, parcel, changes(results.at(-3)) === 0, now)
  const [previous] = await db.select().from(runReceipts).where(eq(runReceipts.returnId, parcel.id))
  const [current] = await db.select().from(returns).where(eq(returns.id, parcel.id))
  if (previous) {
    const earlier = await receiptLane(db, run.hubId, previous)
    return {
      return: current!,
      alreadyReceived: true,
      expected: previous.expected,
      lane: earlier,
      laneCountToday: await laneCountToday(db, run.hubId, earlier?.code, now),
      received: true,
      transferToHubId: null,
      quarantineReason: previous.quarantineReason,
    }
  }
  if (current!.status === 'REGISTERED' || current!.status === 'CANCELLED') {
    throw new Conflict('This parcel was never checked in at a station.', {
      reason: 'NOT_CHECKED_IN' satisfies ReceiveRefusal,
      status: current!.status,
    })
  }
  // Nothing else refuses a parcel of this hub: the run was closed meanwhile.
  throw runClosed()
}

/**
 * The answer to a scan of a parcel bound for another hub: the transfer lane it went on, or the
 * refusal when it was not put there (already at its own hub, or further along).
 */
async function transferReceipt(
  db: Db,
  a: Actor,
  run: PickupRun,
  parcel: Return,
  repeated: boolean,
  now: Date,
) {
  const transfer = await transferOf(db, parcel.id, run.hubId)
  if (!transfer) throw wrongHub(await getHub(db, a, parcel.hubId))
  const [current] = await db.select().from(returns).where(eq(returns.id, parcel.id))
  const [lane] = transfer.laneCode
    ? await db
        .select({ code: sortLanes.code, kind: sortLanes.kind })
        .from(sortLanes)
        .innerJoin(sortPlans, eq(sortPlans.id, sortLanes.planId))
        .where(
          and(
            eq(sortPlans.hubId, run.hubId),
            eq(sortPlans.version, transfer.sortPlanVersion ?? 0),
            eq(sortLanes.code, transfer.laneCode),
          ),
        )
    : []
  return {
    return: current!,
    alreadyReceived: repeated,
    expected: false,
    lane: lane ?? null,
    laneCountToday: lane ? await transferLaneCountToday(db, run.hubId, lane.code, now) : 0,
    received: false,
    transferToHubId: transfer.toHubId,
    quarantineReason: null,
  } satisfies Receipt
}

type StoredPlan = Awaited<ReturnType<typeof ensureSortPlan>>

/** This hub's transfer lane for parcels bound for `hubId` (null: the plan has none for it). */
function transferLane(plan: StoredPlan, hubId: string) {
  const lane = plan.lanes.find((l) => l.kind === 'TRANSFER' && l.toHubId === hubId)
  return lane ? { code: lane.code, kind: lane.kind } : null
}

/** The lane of `plan` a parcel goes to: quarantine when the receipt flags it. */
function sortLane(plan: StoredPlan, parcel: Return, quarantine: QuarantineReason | null) {
  const lanes = plan.lanes.map((l) => ({
    code: l.code,
    kind: l.kind,
    merchantIds: l.merchants.map((m) => m.id),
  }))
  const lane = laneFor(lanes, {
    merchantId: parcel.merchantId,
    large: parcel.largeItem,
    quarantine: quarantine !== null,
  })
  return lane ? { code: lane.code, kind: lane.kind } : null
}

/** The lane an earlier receipt recorded, as the plan version it used had it. */
async function receiptLane(
  db: Db,
  hubId: string,
  receipt: typeof runReceipts.$inferSelect,
): Promise<Receipt['lane']> {
  if (!receipt.laneCode || receipt.sortPlanVersion === null) return null
  const [lane] = await db
    .select({ code: sortLanes.code, kind: sortLanes.kind })
    .from(sortLanes)
    .innerJoin(sortPlans, eq(sortPlans.id, sortLanes.planId))
    .where(
      and(
        eq(sortPlans.hubId, hubId),
        eq(sortPlans.version, receipt.sortPlanVersion),
        eq(sortLanes.code, receipt.laneCode),
      ),
    )
  return lane ?? null
}

/** Receipts at a hub into lane `code` on the Shanghai day of `now`. */
async function laneCountToday(db: Db, hubId: string, code: string | undefined, now: Date) {
  if (!code) return 0
  const today = localDate(now)
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(runReceipts)
    .innerJoin(pickupRuns, eq(pickupRuns.id, runReceipts.runId))
    .where(
      and(
        eq(pickupRuns.hubId, hubId),
        eq(runReceipts.laneCode, code),
        sql`${runReceipts.at} >= ${localInstant(today, 0).toISOString()}`,
        sql`${runReceipts.at} < ${localInstant(addDays(today, 1), 0).toISOString()}`,
      ),
    )
  return Number(row?.n ?? 0)
}

export interface RunReconciliation {
  run: PickupRun
  /** On the run but not scanned in at the hub: still IN_TRANSIT, to be found. */
  missing: Return[]
  /** Scanned in against this run without being on it. */
  unexpected: Return[]
  /** Scanned here though bound for another hub: refused, to be sent on to `hubId`. */
  misrouted: MisroutedParcel[]
  received: number
}

/**
 * A parcel scanned at the wrong hub, as that hub sees it: what its label says (code, category,
 * destination) and when it was scanned, nothing of the merchant or the order.
 */
export interface MisroutedParcel {
  returnId: string
  code: string
  category: Category
  /** The hub it is bound for. */
  hubId: string
  /** Where it is in the flow now: AT_HUB once its own hub received it. */
  status: Return['status']
  scannedAt: string
}

/** Closes a run (once; closing again just shows the result) and reconciles it. */
export async function closePickupRun(
  db: Db,
  actor: Actor | null,
  runId: string,
  now: Date,
): Promise<RunReconciliation> {
  const run = await getPickupRun(db, actor, runId)
  requireHub(actor, run.hubId)
  const at = now.toISOString()
  await db.batch([
    db.run(sql`
      update pickup_runs set status = 'CLOSED', closed_by = ${actor!.userId}, closed_at = ${at}
      where id = ${run.id} and status = 'OPEN' and hub_id in ${hubsActedFor(actor!)}`),
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
  const misrouted = await db
    .select({
      returnId: returns.id,
      code: returns.code,
      category: returns.category,
      hubId: returns.hubId,
      status: returns.status,
      scannedAt: runMisroutes.at,
    })
    .from(runMisroutes)
    .innerJoin(returns, eq(returns.id, runMisroutes.returnId))
    .where(eq(runMisroutes.runId, run.id))
    .orderBy(asc(returns.code))
  return { run, missing, unexpected, misrouted, received: receipts.length }
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
      and(
        sql`${pickupRuns.hubId} in ${hubsActedFor(a)}`,
        hub ? eq(pickupRuns.hubId, hub) : undefined,
      ),
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
