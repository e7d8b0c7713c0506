/**
 * Writing to the outbox. Domain functions put `outboxEvent()` into the same batch as the change
 * (one transaction on libSQL and D1), exactly as they do `auditEntry()`, so an event exists
 * exactly when its change does. Reading it back is the drain's (src/events/drain.ts).
 */
import { SQL, sql } from 'drizzle-orm'
import type { Db } from '../db'
import type { EventType } from './types'

type Value = string | null | SQL

export interface OutboxChange {
  /** The event's type, or SQL choosing it from the selected row (`case b.status when …`). */
  type: EventType | SQL<EventType>
  allianceId: Value
  merchantId?: Value
  hubId?: Value
  stationId?: Value
  returnId?: Value
  /** The object as GraphQL shapes it, or SQL producing JSON text (`json_object(…)`). */
  data: Record<string, unknown> | SQL
  /** UTC ISO instant of the change. */
  at: string
  /**
   * A `from … where …` tail selecting the changed rows: one event per row, none when the change
   * did not happen; the values above may refer to its columns. After a conditional statement,
   * put the event right after it (or after the audit entry that follows it) and add
   * `changes() > 0`, as `auditEntry` explains.
   */
  from?: SQL
}

const value = (v: Value | undefined) => (v instanceof SQL ? v : sql`${v ?? null}`)
const json = (v: OutboxChange['data']) => (v instanceof SQL ? v : sql`${JSON.stringify(v)}`)

/**
 * The insert statement recording one event, to run in the change's own batch. The id is made by
 * the database, so a `from` selecting several rows gets one fresh `evt_` id per row.
 * @example
 * await db.batch([
 *   db.run(sql`update bookings set status = 'CANCELLED' where id = ${id} and status <> 'CANCELLED'`),
 *   outboxEvent(db, { type: 'booking.cancelled', allianceId, merchantId, at,
 *     data: { id, status: 'CANCELLED' }, from: sql`where changes() > 0` }),
 * ])
 */
export function outboxEvent(db: Db, change: OutboxChange) {
  return db.run(sql`
    insert into outbox_events (id, type, alliance_id, merchant_id, hub_id, station_id, return_id,
      data, created_at)
    select 'evt_' || lower(hex(randomblob(12))), ${change.type}, ${value(change.allianceId)},
      ${value(change.merchantId)}, ${value(change.hubId)}, ${value(change.stationId)},
      ${value(change.returnId)}, ${json(change.data)}, ${change.at}
    ${change.from ?? sql``}`)
}
