import { sql } from 'drizzle-orm'
import { check, index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { alliances } from './alliance'
import { users } from './auth'
import { createdAt } from './columns'
import { merchants } from './network'

export const apiScopes = [
  'RETURNS_READ',
  'RETURNS_WRITE',
  'BOOKINGS_READ',
  'BOOKINGS_WRITE',
  'STATEMENTS_READ',
  'WEBHOOKS_MANAGE',
  'INSURANCE_READ',
] as const
export type ApiScope = (typeof apiScopes)[number]

/**
 * Named API tokens a merchant (for its merchant) or the coordinator (for the alliance) hands to a
 * program. Only a SHA-256 of the secret is stored; `scopes` is a JSON array of `ApiScope`.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    /** The owning merchant; null for a coordinator (alliance) token. */
    merchantId: text('merchant_id').references(() => merchants.id),
    name: text('name').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<ApiScope[]>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    ...createdAt,
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [
    index('api_tokens_owner').on(t.allianceId, t.merchantId),
    check('api_tokens_name_length', sql`length(${t.name}) between 1 and 80`),
  ],
)
