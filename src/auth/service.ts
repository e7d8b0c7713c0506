import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm'
import { sessions, users, type Locale } from '../../db/schema'
import type { Db } from '../db'
import { preparedPer } from '../prepared'
import { Unauthenticated } from '../errors'
import type { PasswordHasher } from './password'
import type { Actor } from './roles'
import type { SignInInput } from './schemas'
import { reserveSignInAttempt, settleSuccessfulSignIn } from './throttle'
import { hashSecret, newSecret } from './tokens'

export type SessionKind = 'WEB' | 'API'

const hourMs = 3600 * 1000

/**
 * A session ends when it has not been used for `idleMs` or, however busy, `absoluteMs` after
 * sign-in. Browsers left open on a shop counter sign out overnight; programs keep a token a week
 * between runs.
 */
export const sessionPolicy: Record<SessionKind, { idleMs: number; absoluteMs: number }> = {
  WEB: { idleMs: 12 * hourMs, absoluteMs: 14 * 24 * hourMs },
  API: { idleMs: 7 * 24 * hourMs, absoluteMs: 30 * 24 * hourMs },
}

// Sliding the idle deadline is a write; doing it at most once a minute keeps page loads reads.
const touchEveryMs = 60 * 1000

// Verifying against a throwaway hash when the email is unknown keeps both paths equally slow,
// so response time does not reveal which emails have accounts. The decoy is made by the hasher
// in use, so it costs what a real hash costs.
const decoys = new WeakMap<PasswordHasher, Promise<string>>()
function decoyHash(hasher: PasswordHasher): Promise<string> {
  let decoy = decoys.get(hasher)
  if (!decoy) decoys.set(hasher, (decoy = hasher.hash(newSecret())))
  return decoy
}

export interface SignInDeps {
  hasher: PasswordHasher
  now: () => Date
}

/**
 * Checks an email and password and opens a session of `kind`. The attempt is reserved first
 * (see `throttle.ts`): `RateLimited` says which limit refused it and when to retry, even for the
 * right password, or throttling would be pointless. A wrong email or password is
 * `Unauthenticated`, without saying which. A right password stored with a weaker hash than the
 * hasher makes now is re-hashed.
 */
export async function signIn(
  db: Db,
  deps: SignInDeps,
  input: SignInInput & { ip: string; kind: SessionKind },
): Promise<{ token: string; actor: Actor }> {
  const nowMs = deps.now().getTime()
  await reserveSignInAttempt(db, input.email, input.ip, nowMs)
  const [user] = await db.select().from(users).where(eq(users.email, input.email))
  const stored = user?.passwordHash ?? (await decoyHash(deps.hasher))
  const ok = await deps.hasher.verify(input.password, stored)
  // A deactivated account is refused like a wrong password: sign-in says nothing more.
  if (!user || !ok || !user.active) throw new Unauthenticated('Email or password is wrong.')
  const rehashed = deps.hasher.needsRehash(user.passwordHash)
    ? await deps.hasher.hash(input.password)
    : null
  const token = newSecret()
  await db.batch([
    db.insert(sessions).values({
      tokenHash: await hashSecret(token),
      userId: user.id,
      kind: input.kind,
      createdAt: new Date(nowMs).toISOString(),
      expiresAt: new Date(nowMs + sessionPolicy[input.kind].idleMs).toISOString(),
    }),
    ...settleSuccessfulSignIn(db, input.email, input.ip),
    // Only over the hash just verified: a password changed meanwhile is never overwritten.
    ...(rehashed
      ? [
          db
            .update(users)
            .set({ passwordHash: rehashed })
            .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash))),
        ]
      : []),
  ])
  return { token, actor: toActor(user) }
}

/**
 * The actor behind a live (unexpired, unrevoked) session secret of `kind`, or null. Using a
 * session pushes its idle deadline forward, never past its absolute end.
 */
export async function actorForSession(
  db: Db,
  token: string,
  kind: SessionKind,
  now: Date,
): Promise<Actor | null> {
  const tokenHash = await hashSecret(token)
  const row = await sessionFor(db).get({ tokenHash, kind, now: now.toISOString() })
  if (!row) return null
  const policy = sessionPolicy[kind]
  const slid = Math.min(
    Date.parse(row.createdAt) + policy.absoluteMs,
    now.getTime() + policy.idleMs,
  )
  if (slid - Date.parse(row.expiresAt) >= touchEveryMs) {
    const expiresAt = new Date(slid).toISOString()
    await db
      .update(sessions)
      .set({ expiresAt })
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          isNull(sessions.revokedAt),
          lt(sessions.expiresAt, expiresAt),
        ),
      )
  }
  return { ...toActor(row.user), unreadNotifications: Number(row.unread) }
}

/** The live session behind a token hash, with its user: every signed-in request reads it. */
const sessionFor = preparedPer((db) =>
  db
    .select({
      user: users,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      // Read with the session, so the bell on every page costs no statement of its own.
      unread: sql<number>`(select count(*) from user_notifications n
        where n.user_id = ${users.id} and n.read_at is null)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        eq(sessions.kind, sql.placeholder('kind')),
        eq(users.active, true),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
      ),
    )
    .prepare(),
)

/** Ends a session for good; signing out twice is harmless. */
export async function revokeSession(db: Db, token: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(sessions.tokenHash, await hashSecret(token)), isNull(sessions.revokedAt)))
}

/** Remembers the user's language for every later page. */
export async function setLocale(db: Db, actor: Actor, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, actor.userId))
}

export function toActor(user: typeof users.$inferSelect): Actor {
  return {
    userId: user.id,
    allianceId: user.allianceId,
    email: user.email,
    role: user.role,
    displayName: user.displayName,
    locale: user.locale,
    merchantId: user.merchantId,
    stationId: user.stationId,
    hubId: user.hubId,
    active: user.active,
  }
}
