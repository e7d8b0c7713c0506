/**
 * Browsing the audit log (coordinators only): newest first, filtered by action, entity id,
 * actor and local date range, paged by an "older than" cursor (the entry id).
 */
import { and, desc, eq, gte, lt, sql, type SQLWrapper } from 'drizzle-orm'
import { auditLog, users } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import { addDays, daysBetween, localInstant } from '../calendar/local-date'
import type { Db } from '../db'
import type { AuditFilter } from './schemas'

export interface AuditEntry {
  id: number
  at: string
  actorUserId: string | null
  actorName: string | null
  actorRole: string
  requestId: string | null
  action: string
  entityType: string
  entityId: string
  before: string | null
  after: string | null
}

export interface AuditPage {
  entries: AuditEntry[]
  /** The cursor for the next, older page; null on the last page. */
  olderCursor: number | null
}

/**
 * One page of the actor's alliance's audit log matching `filter`, newest first.
 * @example const { entries, olderCursor } = await browseAudit(db, coordinator, { first: 50 })
 */
export async function browseAudit(
  db: Db,
  actor: Actor | null,
  filter: AuditFilter,
): Promise<AuditPage> {
  const a = requireRole(actor, 'COORDINATOR')
  const at = dateTerm(filter)
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorName: users.displayName,
      actorRole: auditLog.actorRole,
      requestId: auditLog.requestId,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.beforeJson,
      after: auditLog.afterJson,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.allianceId, a.allianceId),
        filter.action ? eq(auditLog.action, filter.action) : undefined,
        filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
        filter.actor ? eq(auditLog.actorUserId, filter.actor) : undefined,
        filter.from ? gte(at, localInstant(filter.from, 0).toISOString()) : undefined,
        filter.to ? lt(at, localInstant(addDays(filter.to, 1), 0).toISOString()) : undefined,
        filter.after !== undefined ? lt(auditLog.id, filter.after) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(filter.first + 1)
  const entries = rows.slice(0, filter.first)
  const more = rows.length > filter.first
  return { entries, olderCursor: more ? entries[entries.length - 1]!.id : null }
}

/**
 * The column a date filter compares. A short range is found by the (alliance, at) index and its
 * few rows sorted by id; over a long one, sorting every match would cost more than walking the
 * log newest first until a page is full, so `+at` keeps SQLite off that index.
 */
function dateTerm(filter: AuditFilter): SQLWrapper {
  const days = filter.from && filter.to ? daysBetween(filter.from, filter.to) + 1 : Infinity
  return days <= maxIndexedDays ? auditLog.at : sql`+${auditLog.at}`
}
const maxIndexedDays = 31

/** The actions recorded so far in the actor's alliance, for the filter's choices. */
export async function auditActions(db: Db, actor: Actor | null): Promise<string[]> {
  const a = requireRole(actor, 'COORDINATOR')
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.allianceId, a.allianceId))
    .orderBy(sql`1`)
  return rows.map((r) => r.action)
}
