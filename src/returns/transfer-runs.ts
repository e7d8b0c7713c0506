/**
 * Hub-to-hub transfer runs: what a hub's transfer lane for another hub holds goes onto one run,
 * which that hub receives like any pickup run (the same manifest, scan and close). A transfer run
 * is a `pickup_runs` row with `from_hub_id` set.
 */
import { sql } from 'drizzle-orm'
import { requireHub, requireRole, type Actor } from '../auth/roles'
import { auditEntry } from '../audit/log'
import { changes, type Db } from '../db'
import { Conflict, InvalidInput } from '../errors'
import { newId } from '../ids'
import { getHub, hubsActedFor } from '../network/service'
import { getPickupRun, type PickupRun } from './pickup-runs'

/** Parcels waiting on a hub's transfer lanes, per hub they go to. */
export interface TransferWaiting {
  toHubId: string
  parcels: number
  since: string
}

/** What the hub's transfer lanes hold now, not yet on a run, per destination hub. */
export async function transfersWaiting(
  db: Db,
  actor: Actor | null,
  fromHubId: string,
): Promise<TransferWaiting[]> {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  requireHub(a, (await getHub(db, a, fromHubId)).id)
  const rows = await db.all<{ toHubId: string; parcels: number; since: string }>(sql`
    select t.to_hub_id as toHubId, count(*) as parcels, min(t.at) as since
    from hub_transfers t join returns r on r.id = t.return_id
    where t.from_hub_id = ${fromHubId} and t.run_id is null
      and r.status in ('AT_STATION', 'IN_TRANSIT')
    group by t.to_hub_id
    order by t.to_hub_id`)
  return rows.map((r) => ({ ...r, parcels: Number(r.parcels) }))
}

/**
 * Puts every parcel waiting on `fromHubId`'s transfer lane for `toHubId` onto a new run to that
 * hub, in one batch: the run exists only when at least one parcel waits, and each parcel is
 * taken once (the `run_id is null` guard and migration 0036's trigger).
 * @example await createTransferRun(db, hub1Operator, { fromHubId: 'hub_1', toHubId: 'hub_2' }, now)
 */
export async function createTransferRun(
  db: Db,
  actor: Actor | null,
  input: { fromHubId: string; toHubId: string },
  now: Date,
): Promise<PickupRun> {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  const from = await getHub(db, a, input.fromHubId)
  requireHub(a, from.id)
  const to = await getHub(db, a, input.toHubId)
  if (to.id === from.id) throw new InvalidInput('toHubId', 'a transfer goes to another hub')
  const id = newId('run')
  const at = now.toISOString()
  const waiting = sql`select t.return_id from hub_transfers t join returns r on r.id = t.return_id
    where t.from_hub_id = ${from.id} and t.to_hub_id = ${to.id} and t.run_id is null
      and r.status in ('AT_STATION', 'IN_TRANSIT')`
  const onRun = sql`(select return_id from hub_transfers where run_id = ${id})`
  const [created] = await db.batch([
    db.run(sql`
      insert into pickup_runs (id, station_id, hub_id, from_hub_id, status, created_by, created_at)
      select ${id}, r.station_id, ${to.id}, ${from.id}, 'OPEN', ${a.userId}, ${at}
      from returns r
      where r.id in (${waiting}) and r.station_id is not null and ${from.id} in ${hubsActedFor(a)}
      order by r.updated_at, r.id
      limit 1`),
    db.run(sql`
      update hub_transfers set run_id = ${id}
      where from_hub_id = ${from.id} and to_hub_id = ${to.id} and return_id in (${waiting})
        and exists (select 1 from pickup_runs where id = ${id})`),
    // A parcel still at its station (scanned off a manifest by mistake) sets off with the run; one
    // already in transit just changes run, which is no status move.
    db.run(sql`
      update returns set status = 'IN_TRANSIT', pickup_run_id = ${id},
        updated_by = ${a.userId}, updated_at = ${at}
      where id in ${onRun} and status = 'AT_STATION'`),
    db.run(sql`
      update returns set pickup_run_id = ${id}, updated_by = ${a.userId}, updated_at = ${at}
      where id in ${onRun} and status = 'IN_TRANSIT'`),
    auditEntry(db, a, {
      action: 'transferRun.open',
      entity: 'pickupRun',
      entityId: id,
      at,
      after: sql`json_object('status', 'OPEN', 'fromHubId', ${from.id}, 'toHubId', ${to.id},
        'parcels', (select count(*) from hub_transfers where run_id = ${id}))`,
      from: sql`from pickup_runs where id = ${id}`,
    }),
  ])
  if (changes(created) === 0) {
    throw new Conflict('No parcel waits on this transfer lane.', { reason: 'NOTHING_TO_TRANSFER' })
  }
  return getPickupRun(db, a, id)
}

/** The runs a hub sent to others, newest first. */
export function sentTransferRuns(db: Db, a: Actor, fromHubId: string) {
  return db.all<{ id: string; toHubId: string; status: string; createdAt: string }>(sql`
    select id, hub_id as toHubId, status, created_at as createdAt from pickup_runs
    where from_hub_id = ${fromHubId} and from_hub_id in ${hubsActedFor(a)}
    order by created_at desc, id desc limit 20`)
}
