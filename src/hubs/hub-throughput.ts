/**
 * A hub's floor on one Shanghai day: parcels received and inspected per hour, the backlog by
 * state (as it stands now), how long parcels inspected (resolved) that day waited since receipt
 * (inspection), and how many went into each lane.
 */
import { sql } from 'drizzle-orm'
import type { ReturnStatus } from '../../db/schema'
import { requireHub, requireRole, type Actor } from '../auth/roles'
import { addDays, localInstant } from '../calendar/local-date'
import type { Db } from '../db'
import { getHub } from '../network/service'
import { hourBuckets, percentile, type HourBucket } from './throughput'

/** The states a parcel waits in on its way through a hub, in flow order. */
const backlogStates = ['IN_TRANSIT', 'AT_HUB', 'INSPECTED'] as const satisfies ReturnStatus[]

export interface HubThroughput {
  hubId: string
  date: string
  dailyCapacityUnits: number
  hourly: HourBucket[]
  backlog: { status: (typeof backlogStates)[number]; count: number }[]
  dwell: {
    receivedToInspectedP50: number | null
    receivedToInspectedP90: number | null
    inspectedToResolvedP50: number | null
    inspectedToResolvedP90: number | null
  }
  /** Parcels sorted into each lane that day: receipts, and transfers onto transfer lanes. */
  lanes: { code: string; count: number }[]
}

/** Hours of Shanghai time of an instant column, 0–23 (Shanghai keeps +08:00 all year). */
const shanghaiHour = (column: string) =>
  sql.raw(`cast(strftime('%H', ${column}, '+8 hours') as integer)`)

/**
 * The hub's throughput on `date` (YYYY-MM-DD, Asia/Shanghai): its operator's or a coordinator's.
 * @example await hubThroughput(db, hubOperator, { hubId: 'hub_1', date: '2026-11-25' })
 */
export async function hubThroughput(
  db: Db,
  actor: Actor | null,
  input: { hubId: string; date: string },
): Promise<HubThroughput> {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  const hub = await getHub(db, a, input.hubId)
  requireHub(a, hub.id)
  const start = localInstant(input.date, 0).toISOString()
  const end = localInstant(addDays(input.date, 1), 0).toISOString()
  const [received, inspected, backlog, dwell, resolved, lanes] = await Promise.all([
    db.all<{ hour: number; n: number }>(sql`
      select ${shanghaiHour('x.at')} as hour, count(*) as n
      from run_receipts x join returns r on r.id = x.return_id
      where r.hub_id = ${hub.id} and x.at >= ${start} and x.at < ${end}
      group by hour`),
    db.all<{ hour: number; n: number }>(sql`
      select ${shanghaiHour('i.at')} as hour, count(*) as n
      from inspections i join returns r on r.id = i.return_id
      where r.hub_id = ${hub.id} and i.at >= ${start} and i.at < ${end}
      group by hour`),
    db.all<{ status: (typeof backlogStates)[number]; n: number }>(sql`
      select status, count(*) as n from returns
      where hub_id = ${hub.id} and status in ('IN_TRANSIT', 'AT_HUB', 'INSPECTED')
      group by status`),
    db.all<{ minutes: number }>(sql`
      select round((julianday(i.at) - julianday(x.at)) * 1440) as minutes
      from inspections i
      join returns r on r.id = i.return_id
      join run_receipts x on x.return_id = i.return_id
      where r.hub_id = ${hub.id} and i.at >= ${start} and i.at < ${end}`),
    db.all<{ minutes: number }>(sql`
      select round((julianday(e.at) - julianday(i.at)) * 1440) as minutes
      from return_events e
      join returns r on r.id = e.return_id
      join inspections i on i.return_id = e.return_id
      where r.hub_id = ${hub.id} and e.status = 'RESOLVED' and e.at >= ${start} and e.at < ${end}`),
    db.all<{ code: string; n: number }>(sql`
      select code, sum(n) as n from (
        select x.lane_code as code, count(*) as n
        from run_receipts x join pickup_runs p on p.id = x.run_id
        where p.hub_id = ${hub.id} and x.lane_code is not null and x.at >= ${start} and x.at < ${end}
        group by x.lane_code
        union all
        select lane_code, count(*) from hub_transfers
        where from_hub_id = ${hub.id} and lane_code is not null and at >= ${start} and at < ${end}
        group by lane_code)
      group by code order by code`),
  ])
  const num = (rows: { hour: number; n: number }[]) =>
    rows.map((r) => ({ hour: Number(r.hour), n: Number(r.n) }))
  const counts = new Map(backlog.map((b) => [b.status, Number(b.n)]))
  const minutes = dwell.map((d) => Number(d.minutes))
  const toResolved = resolved.map((d) => Number(d.minutes))
  return {
    hubId: hub.id,
    date: input.date,
    dailyCapacityUnits: hub.dailyCapacityUnits,
    hourly: hourBuckets(num(received), num(inspected)),
    backlog: backlogStates.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    dwell: {
      receivedToInspectedP50: percentile(minutes, 50),
      receivedToInspectedP90: percentile(minutes, 90),
      inspectedToResolvedP50: percentile(toResolved, 50),
      inspectedToResolvedP90: percentile(toResolved, 90),
    },
    lanes: lanes.map((l) => ({ code: l.code, count: Number(l.n) })),
  }
}
