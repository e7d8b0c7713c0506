import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { roles } from './auth'

/**
 * The append-only audit log: one row per change of money, capacity, status or membership, written
 * in the same batch as the change itself (so an entry exists exactly when the change does).
 * Triggers (migration 0016) refuse every UPDATE and DELETE. Browsing pages newest first by
 * (at, id), the id breaking ties within a millisecond: every filter's index ends in those two
 * columns, so a page is one range scan whatever the filter and however long the log.
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
    index('audit_log_at').on(t.allianceId, t.at, t.id),
    index('audit_log_entity_at').on(t.allianceId, t.entityId, t.at, t.id),
    index('audit_log_action_at').on(t.allianceId, t.action, t.at, t.id),
    index('audit_log_actor_at').on(t.allianceId, t.actorUserId, t.at, t.id),
  ],
)
