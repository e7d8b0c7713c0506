/**
 * A hub's floor on one Shanghai day: parcels received and inspected per hour, the backlog by
 * state (as it stands now), and how long parcels inspected that day waited since receipt.
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
  dwell: { receivedToInspectedP50: number | null; receivedToInspectedP90: number | null }
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
  const [received, inspected, backlog, dwell] = await Promise.all([
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
  ])
  const num = (rows: { hour: number; n: number }[]) =>
    rows.map((r) => ({ hour: Number(r.hour), n: Number(r.n) }))
  const counts = new Map(backlog.map((b) => [b.status, Number(b.n)]))
  const minutes = dwell.map((d) => Number(d.minutes))
  return {
    hubId: hub.id,
    date: input.date,
    dailyCapacityUnits: hub.dailyCapacityUnits,
    hourly: hourBuckets(num(received), num(inspected)),
    backlog: backlogStates.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    dwell: {
      receivedToInspectedP50: percentile(minutes, 50),
      receivedToInspectedP90: percentile(minutes, 90),
    },
  }
}
