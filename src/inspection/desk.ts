/**
 * The working lists of the after-sales loop: the merchant's desk (returns waiting for its first
 * response, its decision or its follow-up close, nearest deadline first) and a hub's inspection
 * queue (parcels received and not yet graded, oldest first). Both read the same derived clocks
 * as the service levels, so a deadline shows as passed the moment it passes.
 */
import { and, asc, eq, inArray, notInArray, or, sql } from 'drizzle-orm'
import { inspections, returns, type Grade, type ResolutionKind } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import type { Db } from '../db'
import { NotFound } from '../errors'
import { getHub } from '../network/service'
import { normalizeCode } from '../returns/code'
import { getReturn, inAlliance, type Return } from '../returns/service'
import { checklists, type ChecklistItem } from './checklists'
import { photosOf, type InspectionPhoto } from './photos'
import { allowedResolutions } from './rules'
import { getInspection, slaFacts } from './service'
import { computeSla, type Sla } from './sla'

export type DeskAction = 'RESPOND' | 'RESOLVE' | 'CLOSE'
export type DeskClock = 'FIRST_RESPONSE' | 'RESOLUTION'

export interface DeskItem {
  return: Return
  /** What the merchant still has to do, in the order the page offers it. */
  needs: DeskAction[]
  /** The hub's grade, once inspected. */
  grade: Grade | null
  sla: Sla
  /** The nearest deadline still running and its clock; null when only the close is left. */
  dueAt: string | null
  dueFor: DeskClock | null
  overdue: boolean
  /** The decisions the grade leaves open (empty before inspection). */
  allowedResolutions: ResolutionKind[]
}

const open = ['CANCELLED', 'CLOSED'] as const

/** Pure: what a return asks of its merchant at `now`, or null when nothing. */
export function deskItemOf(r: Return, grade: Grade | null, sla: Sla, now: Date): DeskItem | null {
  if ((open as readonly string[]).includes(r.status)) return null
  const needs: DeskAction[] = []
  const clocks: { at: string; clock: DeskClock }[] = []
  if (!sla.firstRespondedAt) {
    needs.push('RESPOND')
    clocks.push({ at: sla.firstResponseDueAt, clock: 'FIRST_RESPONSE' })
  }
  if (r.status === 'INSPECTED' && grade) {
    needs.push('RESOLVE')
    if (sla.resolutionDueAt) clocks.push({ at: sla.resolutionDueAt, clock: 'RESOLUTION' })
  }
  if (r.status === 'RESOLVED') needs.push('CLOSE')
  if (needs.length === 0) return null
  clocks.sort((a, b) => a.at.localeCompare(b.at))
  const next = clocks[0]
  return {
    return: r,
    needs,
    grade,
    sla,
    dueAt: next?.at ?? null,
    dueFor: next?.clock ?? null,
    overdue: next ? Date.parse(next.at) < now.getTime() : false,
    allowedResolutions: grade && needs.includes('RESOLVE') ? allowedResolutions(grade) : [],
  }
}

/** Nearest deadline first; items with no deadline (a close) last, oldest first among equals. */
function byDeadline(a: DeskItem, b: DeskItem): number {
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1
    if (b.dueAt === null) return -1
    return a.dueAt.localeCompare(b.dueAt)
  }
  return (
    a.return.createdAt.localeCompare(b.return.createdAt) || a.return.id.localeCompare(b.return.id)
  )
}

/**
 * The merchant's after-sales desk: its open returns with no first response yet, those graded
 * and waiting for its decision, and those resolved and waiting for the follow-up close.
 */
export async function afterSalesDesk(db: Db, actor: Actor | null, now: Date): Promise<DeskItem[]> {
  const a = requireRole(actor, 'MERCHANT')
  const rows = await db
    .select({ r: returns, grade: inspections.grade })
    .from(returns)
    .leftJoin(inspections, eq(inspections.returnId, returns.id))
    .where(
      and(
        eq(returns.merchantId, a.merchantId!),
        notInArray(returns.status, [...open]),
        or(
          inArray(returns.status, ['INSPECTED', 'RESOLVED']),
          sql`not exists (select 1 from return_responses rr where rr.return_id = ${returns.id})`,
        ),
      ),
    )
  const facts = await slaFacts(
    db,
    rows.map((row) => row.r.id),
  )
  return rows
    .map((row) => deskItemOf(row.r, row.grade, computeSla(facts.get(row.r.id)!, now), now))
    .filter((item): item is DeskItem => item !== null)
    .sort(byDeadline)
}

/** One return as the desk shows it (null once nothing is left to do); NOT_FOUND if not its own. */
export async function getDeskItem(
  db: Db,
  actor: Actor | null,
  id: string,
  now: Date,
): Promise<DeskItem | null> {
  const a = requireRole(actor, 'MERCHANT')
  const r = await getReturn(db, a, id)
  const [facts, inspection] = await Promise.all([slaFacts(db, [r.id]), getInspection(db, r.id)])
  return deskItemOf(r, (inspection?.grade as Grade) ?? null, computeSla(facts.get(r.id)!, now), now)
}

export interface QueueItem {
  return: Return
  arrivedAt: string
  resolutionDueAt: string
  overdue: boolean
}

/**
 * Parcels received at a hub and not yet inspected, the longest-waiting first, each with the
 * deadline of its 24-hour resolution clock. A hub operator sees its own hub; a coordinator one
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
      (x, y) => x.arrivedAt.localeCompare(y.arrivedAt) || x.return.id.localeCompare(y.return.id),
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
