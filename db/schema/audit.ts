import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { roles } from './auth'

/**
 * The append-only audit log: one row per change of money, capacity, status or membership, written
 * in the same batch as the change itself (so an entry exists exactly when the change does).
 * Triggers (migration 0016) refuse every UPDATE and DELETE. The autoincrement id is the order of
 * writing, so browsing pages by it, newest first.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    allianceId: text('alliance_id').notNull(),
    at: text('at').notNull(),
    /** Null for public (customer) and system changes. */
    actorUserId: text('actor_user_id'),
    actorRole: text('actor_role', { enum: [...roles, 'PUBLIC'] }).notNull(),
    requestId: text('request_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    beforeJson: text('before_json'),
    afterJson: text('after_json'),
  },
  (t) => [
    index('audit_log_alliance').on(t.allianceId, t.id),
    index('audit_log_entity').on(t.allianceId, t.entityId, t.id),
    index('audit_log_action').on(t.allianceId, t.action, t.id),
    index('audit_log_actor').on(t.allianceId, t.actorUserId, t.id),
    index('audit_log_at').on(t.allianceId, t.at),
  ],
)
