/**
 * Browsing the audit log (coordinators only): newest first, filtered by action, entity id,
 * actor or person and local date range, paged by a keyset cursor (the last entry's time and id).
 * Every filter has an index that ends in (at, id), so each page is one range scan of it.
 */
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm'
import { auditLog, users } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import { addDays, localInstant } from '../calendar/local-date'
import type { Db } from '../db'
import { auditCursor, type AuditFilter } from './schemas'

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
  /** The cursor for the next, older page (`<at>~<id>`); null on the last page. */
  olderCursor: string | null
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
  const people = filter.person ? await peopleMatching(db, a.allianceId, filter.person) : undefined
  if (people?.length === 0) return { entries: [], olderCursor: null }
  const limit = filter.first + 1
  const matching = (actorUserId?: string) =>
    and(
      eq(auditLog.allianceId, a.allianceId),
      filter.action ? eq(auditLog.action, filter.action) : undefined,
      filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
      filter.actor ? eq(auditLog.actorUserId, filter.actor) : undefined,
      actorUserId ? eq(auditLog.actorUserId, actorUserId) : undefined,
      filter.from ? gte(auditLog.at, localInstant(filter.from, 0).toISOString()) : undefined,
      filter.to ? lt(auditLog.at, localInstant(addDays(filter.to, 1), 0).toISOString()) : undefined,
      filter.after
        ? sql`(${auditLog.at}, ${auditLog.id}) < (${filter.after.at}, ${filter.after.id})`
        : undefined,
    )
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
    .where(people ? inArray(auditLog.id, newestOfEach(db, people, matching, limit)) : matching())
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
  const entries = rows.slice(0, filter.first)
  const more = rows.length > filter.first
  return { entries, olderCursor: more ? auditCursor(entries[entries.length - 1]!) : null }
}

/**
 * The ids of the newest `limit` entries among those of `people`: each person's newest `limit`,
 * found in the actor index, then merged. (`actor in (…)` would let SQLite walk the whole log
 * newest first, or gather and sort every entry of the people.)
 */
function newestOfEach(
  db: Db,
  people: string[],
  matching: (actorUserId: string) => SQL | undefined,
  limit: number,
) {
  const arms = people.map(
    (id) =>
      sql`select * from (${db
        .select({ id: auditLog.id, at: auditLog.at })
        .from(auditLog)
        .where(matching(id))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(limit)})`,
  )
  return sql`(select id from (${sql.join(arms, sql` union all `)}) order by at desc, id desc limit ${limit})`
}

/**
 * The ids of the alliance's users whose name or email contains `text`, whatever its case
 * (emails are stored in lower case); `%`, `_` and `\` in the text match themselves. At most
 * `maxPeople`: a text that matches more is not naming a person.
 */
async function peopleMatching(db: Db, allianceId: string, text: string): Promise<string[]> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.allianceId, allianceId),
        sql`(lower(${users.displayName}) like ${pattern} escape '\\' or ${users.email} like ${pattern} escape '\\')`,
      ),
    )
    .orderBy(users.id)
    .limit(maxPeople)
  return rows.map((r) => r.id)
}
const maxPeople = 20

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
