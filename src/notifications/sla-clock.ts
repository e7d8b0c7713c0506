/**
 * The clock's notifications: a return whose next service deadline (first response, or
 * resolution once at the hub) falls within 30 minutes, and one that has breached. The clocks are
 * derived (`inspection/sla.ts`), so a scheduled job looks; each event's id is fixed by the return
 * and the clock, so the job running every minute tells each person once.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../db'
import type { OutboxEvent } from '../events/types'
import { slaFacts } from '../inspection/service'
import { computeSla, type Sla } from '../inspection/sla'
import { notifyForEvent } from './notify'

/** How long before a deadline people are warned. */
export const dueSoonMs = 30 * 60_000

export interface ClockedReturn {
  id: string
  code: string
  status: string
  allianceId: string
  merchantId: string
  hubId: string
  stationId: string | null
}

type Clock = 'FIRST_RESPONSE' | 'RESOLUTION'

/** The deadline still running on `sla` that falls within `dueSoonMs` of `now`, if any. */
export function dueSoon(sla: Sla, now: Date): { clock: Clock; dueAt: string } | null {
  const pending: { clock: Clock; dueAt: string | null; done: boolean }[] = [
    { clock: 'FIRST_RESPONSE', dueAt: sla.firstResponseDueAt, done: !!sla.firstRespondedAt },
    { clock: 'RESOLUTION', dueAt: sla.resolutionDueAt, done: !!sla.resolvedAt },
  ]
  for (const p of pending) {
    if (p.done || p.dueAt === null) continue
    const left = Date.parse(p.dueAt) - now.getTime()
    if (left > 0 && left <= dueSoonMs) return { clock: p.clock, dueAt: p.dueAt }
  }
  return null
}

/** The clock events a return makes at `now`, in the outbox's shape. */
export function clockEvents(r: ClockedReturn, sla: Sla, now: Date): OutboxEvent[] {
  const base = {
    allianceId: r.allianceId,
    merchantId: r.merchantId,
    hubId: r.hubId,
    stationId: r.stationId,
    returnId: r.id,
    createdAt: now.toISOString(),
  }
  const object = { id: r.id, code: r.code, status: r.status }
  if (sla.breached) {
    return [{ ...base, id: `evt_sla_breached_${r.id}`, type: 'sla.breached', data: object }]
  }
  const soon = dueSoon(sla, now)
  if (!soon) return []
  return [
    {
      ...base,
      id: `evt_sla_due_${soon.clock.toLowerCase()}_${r.id}`,
      type: 'sla.due_soon',
      data: { ...object, clock: soon.clock, dueAt: soon.dueAt },
    },
  ]
}

/**
 * Tells people of every open return due within 30 minutes or breached at `now` that they have
 * not yet been told of. Running it again changes nothing.
 * @returns how many people were told
 */
export async function notifySlaClocks(db: Db, now: Date): Promise<number> {
  const open = await db.all<ClockedReturn>(sql`
    select r.id, r.code, r.status, m.alliance_id as allianceId, r.merchant_id as merchantId,
      r.hub_id as hubId, r.station_id as stationId
    from returns r join merchants m on m.id = r.merchant_id
    where r.status not in ('RESOLVED', 'CLOSED', 'CANCELLED')
      and not exists (
        select 1 from user_notifications n where n.event_id = 'evt_sla_breached_' || r.id)`)
  const facts = await slaFacts(
    db,
    open.map((r) => r.id),
  )
  let told = 0
  for (const r of open) {
    for (const event of clockEvents(r, computeSla(facts.get(r.id)!, now), now)) {
      told += await notifyForEvent(db, event)
    }
  }
  return told
}
