import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { alliances } from './alliance'
import { createdAt } from './columns'
import { hubs, merchants, stations } from './network'

export const roles = ['COORDINATOR', 'MERCHANT', 'STATION_OPERATOR', 'HUB_OPERATOR'] as const
export type Role = (typeof roles)[number]

export const locales = ['en', 'zh-CN'] as const
export type Locale = (typeof locales)[number]

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    email: text('email').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull(),
    displayName: text('display_name').notNull(),
    locale: text('locale', { enum: locales }).notNull().default('zh-CN'),
    merchantId: text('merchant_id').references(() => merchants.id),
    stationId: text('station_id').references(() => stations.id),
    hubId: text('hub_id').references(() => hubs.id),
    /** A deactivated user cannot sign in and holds no session; reactivating restores access. */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...createdAt,
  },
  (t) => [
    // A user belongs to exactly the organisation its role needs, and to no other.
    check(
      'users_role_membership',
      sql`(${t.role} = 'MERCHANT') = (${t.merchantId} is not null)
        and (${t.role} = 'STATION_OPERATOR') = (${t.stationId} is not null)
        and (${t.role} = 'HUB_OPERATOR') = (${t.hubId} is not null)`,
    ),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
)

export const sessionKinds = ['WEB', 'API'] as const

/** Cookie sessions (WEB) and bearer tokens (API). Only a SHA-256 of the secret is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: sessionKinds }).notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    ...createdAt,
  },
  (t) => [index('sessions_user').on(t.userId)],
)

export const linkKinds = ['INVITE', 'RESET'] as const
export type LinkKind = (typeof linkKinds)[number]

/**
 * One-time links handed to a person: an invitation to create an account (`INVITE`, with the
 * role and organisation it will have) or a password reset of an existing user (`RESET`). Only a
 * SHA-256 of the link's secret is stored; a link works once, until `expiresAt`, unless revoked.
 */
export const accessLinks = sqliteTable(
  'access_links',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    kind: text('kind', { enum: linkKinds }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    email: text('email').notNull(),
    role: text('role', { enum: roles }).notNull(),
    merchantId: text('merchant_id').references(() => merchants.id),
    stationId: text('station_id').references(() => stations.id),
    hubId: text('hub_id').references(() => hubs.id),
    /** The user a reset is for (null for an invitation until it is accepted). */
    userId: text('user_id').references(() => users.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    revokedAt: text('revoked_at'),
    ...createdAt,
  },
  (t) => [
    index('access_links_alliance').on(t.allianceId, t.kind),
    check(
      'access_links_role_membership',
      sql`(${t.role} = 'MERCHANT') = (${t.merchantId} is not null)
        and (${t.role} = 'STATION_OPERATOR') = (${t.stationId} is not null)
        and (${t.role} = 'HUB_OPERATOR') = (${t.hubId} is not null)`,
    ),
    check('access_links_reset_user', sql`${t.kind} = 'INVITE' or ${t.userId} is not null`),
    check('access_links_email_lower', sql`${t.email} = lower(${t.email})`),
    check('access_links_once', sql`not (${t.usedAt} is not null and ${t.revokedAt} is not null)`),
  ],
)
