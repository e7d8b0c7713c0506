/**
 * The hub's side of inspection: its queue (parcels received and not yet graded, nearest deadline first,
 * on the same derived clocks as the service levels), finding a parcel by the code scanned, and
 * what the inspection screen needs for one parcel.
 */
import { and, asc, eq } from 'drizzle-orm'
import { returns } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import type { Db } from '../db'
import { NotFound } from '../errors'
import { getHub } from '../network/service'
import { normalizeCode } from '../returns/code'
import { getReturn, inAlliance, type Return } from '../returns/service'
import { checklists, type ChecklistItem } from './checklists'
import { photosOf, type InspectionPhoto } from './photos'
import { getInspection, slaFacts } from './service'
import { computeSla, type Sla } from './sla'

export interface QueueItem {
  return: Return
  arrivedAt: string
  resolutionDueAt: string
  overdue: boolean
}

/**
 * Parcels received at a hub and not yet inspected, the nearest SLA deadline (its 24-hour
 * resolution clock) first, then the longest-waiting. A hub operator sees its own hub; a coordinator one
 * hub or every hub of the alliance.
 */
export async function inspectionQueue(
  db: Db,
  actor: Actor | null,
  now: Date,
  hubId?: string,
): Promise<QueueItem[]> {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  if (a.role === 'HUB_OPERATOR' && hubId && hubId !== a.hubId) throw new NotFound('Hub')
  const scope = a.role === 'HUB_OPERATOR' ? a.hubId! : hubId
  if (scope && a.role === 'COORDINATOR') await getHub(db, a, scope)
  const rows = await db
    .select()
    .from(returns)
    .where(
      and(
        inAlliance(a),
        eq(returns.status, 'AT_HUB'),
        scope ? eq(returns.hubId, scope) : undefined,
      ),
    )
    .orderBy(asc(returns.updatedAt), asc(returns.id))
  const facts = await slaFacts(
    db,
    rows.map((r) => r.id),
  )
  return rows
    .map((r) => {
      const sla = computeSla(facts.get(r.id)!, now)
      const arrivedAt = facts.get(r.id)!.arrivedAt ?? r.updatedAt
      const resolutionDueAt = sla.resolutionDueAt ?? arrivedAt
      return { return: r, arrivedAt, resolutionDueAt, overdue: sla.resolutionBreached }
    })
    .sort(
      (x, y) =>
        x.resolutionDueAt.localeCompare(y.resolutionDueAt) ||
        x.arrivedAt.localeCompare(y.arrivedAt) ||
        x.return.id.localeCompare(y.return.id),
    )
}

/**
 * The return a hub operator scanned or typed, if it is one of its hub's (a coordinator: any of
 * the alliance's). Another hub's parcel is NOT_FOUND, like a code that does not exist.
 */
export async function findParcelByCode(db: Db, actor: Actor | null, typed: string) {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  const code = normalizeCode(typed)
  if (!code) throw new NotFound('Return')
  const [row] = await db
    .select({ id: returns.id })
    .from(returns)
    .where(and(eq(returns.code, code), inAlliance(a)))
  if (!row) throw new NotFound('Return')
  return getReturn(db, a, row.id)
}

export interface InspectionSheet {
  return: Return
  items: ChecklistItem[]
  sla: Sla
  inspection: Awaited<ReturnType<typeof getInspection>>
  /** Photos taken so far, oldest first. */
  photos: InspectionPhoto[]
}

/** What the inspection screen needs for one parcel at the operator's hub. */
export async function inspectionSheet(
  db: Db,
  actor: Actor | null,
  id: string,
  now: Date,
): Promise<InspectionSheet> {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  const r = await getReturn(db, a, id)
  const [facts, inspection, photos] = await Promise.all([
    slaFacts(db, [r.id]),
    getInspection(db, r.id),
    photosOf(db, r.id),
  ])
  return {
    return: r,
    items: checklists[r.category].items,
    sla: computeSla(facts.get(r.id)!, now),
    inspection,
    photos,
  }
}
