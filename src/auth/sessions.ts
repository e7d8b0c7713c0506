import { and, asc, count, desc, eq, gt, isNotNull, isNull, like, lte, or } from 'drizzle-orm'
import { sessions, users, type Role } from '../../db/schema'
import { changes, type Db } from '../db'
import { NotFound } from '../errors'
import { requireActor, requireRole, type Actor } from './roles'
import type { SessionKind } from './service'
import { hashSecret } from './tokens'

/** A live session as its owner sees it; `id` is a prefix of the stored hash, never the secret. */
export interface SessionView {
  id: string
  kind: SessionKind
  createdAt: string
  /** When it ends unless used again before then. */
  expiresAt: string
  current: boolean
}

const idLength = 16

function live(now: Date) {
  return and(isNull(sessions.revokedAt), gt(sessions.expiresAt, now.toISOString()))
}

/** The caller's own live sessions, newest first; `currentToken` marks the one in use. */
export async function listOwnSessions(
  db: Db,
  actor: Actor | null,
  currentToken: string | null,
  now: Date,
): Promise<SessionView[]> {
  const a = requireActor(actor)
  const currentHash = currentToken ? await hashSecret(currentToken) : null
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, a.userId), live(now)))
    .orderBy(desc(sessions.createdAt))
  return rows.map((row) => ({
    id: row.tokenHash.slice(0, idLength),
    kind: row.kind,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    current: row.tokenHash === currentHash,
  }))
}

/** Ends one of the caller's own sessions by its id (another user's id is NOT_FOUND). */
export async function revokeOwnSession(
  db: Db,
  actor: Actor | null,
  sessionId: string,
  now: Date,
): Promise<void> {
  const a = requireActor(actor)
  if (!/^[0-9a-f]{16}$/.test(sessionId)) throw new NotFound('session')
  const result = await db
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(sessions.userId, a.userId), like(sessions.tokenHash, `${sessionId}%`), live(now)))
  if (changes(result) === 0) throw new NotFound('session')
}

/** Signs the caller out on every device and program; returns how many sessions ended. */
export async function revokeAllOwnSessions(db: Db, actor: Actor | null, now: Date) {
  const a = requireActor(actor)
  return revokeSessionsOf(db, a.userId, now)
}

/**
 * A coordinator ends every session of a user of the alliance (a lost phone, someone who left).
 * Users of other alliances are NOT_FOUND.
 */
export async function revokeUserSessions(
  db: Db,
  actor: Actor | null,
  userId: string,
  now: Date,
): Promise<number> {
  const a = requireRole(actor, 'COORDINATOR')
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.allianceId, a.allianceId)))
  if (!user) throw new NotFound('user')
  return revokeSessionsOf(db, user.id, now)
}

async function revokeSessionsOf(db: Db, userId: string, now: Date): Promise<number> {
  const result = await db
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(sessions.userId, userId), live(now)))
  return changes(result)
}

export interface UserSessionsRow {
  id: string
  displayName: string
  email: string
  role: Role
  active: boolean
  liveSessions: number
}

/** The alliance's users with how many live sessions each holds, for coordinators. */
export async function listUsersWithSessions(
  db: Db,
  actor: Actor | null,
  now: Date,
): Promise<UserSessionsRow[]> {
  const a = requireRole(actor, 'COORDINATOR')
  const liveCount = db
    .select({ userId: sessions.userId, n: count().as('n') })
    .from(sessions)
    .where(live(now))
    .groupBy(sessions.userId)
    .as('live_count')
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      active: users.active,
      n: liveCount.n,
    })
    .from(users)
    .leftJoin(liveCount, eq(liveCount.userId, users.id))
    .where(eq(users.allianceId, a.allianceId))
    .orderBy(asc(users.role), asc(users.displayName))
  return rows.map(({ n, ...row }) => ({ ...row, liveSessions: n ?? 0 }))
}

/**
 * Deletes sessions that can never be used again (expired, or revoked), so the table holds only
 * live ones. Returns how many went.
 */
export async function pruneEndedSessions(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(or(lte(sessions.expiresAt, now.toISOString()), isNotNull(sessions.revokedAt)))
    .returning({ tokenHash: sessions.tokenHash })
  return gone.length
}
