import { sql, type SQL } from 'drizzle-orm'
import { changes, type Db } from '../db'
import type { OutboxEvent } from '../events/types'
import { audienceOf, kindOfEvent, type Audience } from './audience'

function audienceSql(a: Audience): SQL {
  const groups: SQL[] = []
  if (a.merchantId) groups.push(sql`(u.role = 'MERCHANT' and u.merchant_id = ${a.merchantId})`)
  if (a.stationId) groups.push(sql`(u.role = 'STATION_OPERATOR' and u.station_id = ${a.stationId})`)
  if (a.hubId) groups.push(sql`(u.role = 'HUB_OPERATOR' and u.hub_id = ${a.hubId})`)
  if (a.coordinators) groups.push(sql`u.role = 'COORDINATOR'`)
  return groups.length === 0 ? sql`0` : sql.join(groups, sql` or `)
}

/**
 * Tells everyone the event concerns, except those who switched its kind off, in one statement:
 * all of them or none. Unique per user and event, so calling it again for the same event (an
 * outbox drained twice) tells nobody twice. Only the event's own alliance is ever reached.
 * @returns how many people were told
 * @example await notifyForEvent(db, event) // from the outbox drain, via eventConsumers
 */
export async function notifyForEvent(db: Db, event: OutboxEvent): Promise<number> {
  const kind = kindOfEvent[event.type]
  if (!kind) return 0
  const data = JSON.stringify(event.data ?? {})
  const result = await db.run(sql`
    insert into user_notifications (id, user_id, event_id, kind, return_id, data, created_at)
    select 'ntf_' || lower(hex(randomblob(8))), u.id, ${event.id}, ${kind}, ${event.returnId},
      ${data}, ${event.createdAt}
    from users u
    where u.alliance_id = ${event.allianceId} and u.active = 1
      and (${audienceSql(audienceOf(kind, event))})
      and not exists (
        select 1 from notification_preferences p
        where p.user_id = u.id and p.kind = ${kind} and p.enabled = 0)
    on conflict (user_id, event_id) do nothing`)
  return changes(result)
}
