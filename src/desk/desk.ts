/**
 * The merchant's after-sales desk: its returns waiting for a first response, a decision or the
 * follow-up close, nearest deadline first. It reads the same derived clocks as the service
 * levels, so a deadline shows as passed the moment it passes; the steps themselves are the
 * inspection domain's (src/inspection/service.ts).
 */
import { and, eq, inArray, notInArray, or, sql } from 'drizzle-orm'
import { inspections, returns, type Grade, type ResolutionKind } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import type { Db } from '../db'
import { allowedResolutions } from '../inspection/rules'
import { getInspection, slaFacts } from '../inspection/service'
import { computeSla, type Sla } from '../inspection/sla'
import { getReturn, type Return } from '../returns/service'

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
