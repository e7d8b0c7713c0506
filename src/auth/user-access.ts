/**
 * Access to an existing account: a reset link with which its user sets a new password (ending
 * every session of theirs), and deactivation (sign-in refused, sessions and links ended) or
 * reactivation. A coordinator acts on any user of the alliance, a merchant's user on the users
 * of its own merchant.
 */
import { and, eq, isNull, sql } from 'drizzle-orm'
import { accessLinks, users } from '../../db/schema'
import { auditEntry } from '../audit/log'
import { changes, type Db } from '../db'
import { Conflict, Forbidden, NotFound } from '../errors'
import { newId } from '../ids'
import { linkUrl, linkView, newLinkSecret, usableLink, type LinkView } from './access-links'
import { requireActor, type Actor } from './roles'
import { sessionPolicy, toActor, type SessionKind, type SignInDeps } from './service'
import { settleSuccessfulSignIn } from './throttle'
import { hashSecret, newSecret } from './tokens'

/** The user `userId` if the actor may manage its access; NOT_FOUND for anyone else's. */
async function managedUser(db: Db, a: Actor, userId: string) {
  if (a.role !== 'COORDINATOR' && a.role !== 'MERCHANT') throw new Forbidden()
  const [user] = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.allianceId, a.allianceId),
        a.role === 'MERCHANT' ? eq(users.merchantId, a.merchantId ?? '') : undefined,
      ),
    )
  if (!user) throw new NotFound('user')
  return user
}

const inactive = () => new Conflict('This account is deactivated.', { reason: 'USER_INACTIVE' })

/** Creates a reset link for a user (ending any earlier one) and returns it, url shown once. */
export async function createPasswordReset(
  db: Db,
  actor: Actor | null,
  userId: string,
  context: { now: Date; origin: string },
): Promise<LinkView> {
  const a = requireActor(actor)
  const user = await managedUser(db, a, userId)
  if (!user.active) throw inactive()
  const { token, tokenHash, expiresAt } = await newLinkSecret(context.now)
  const at = context.now.toISOString()
  const row = {
    id: newId('rst'),
    allianceId: a.allianceId,
    kind: 'RESET' as const,
    tokenHash,
    email: user.email,
    role: user.role,
    merchantId: user.merchantId,
    stationId: user.stationId,
    hubId: user.hubId,
    userId: user.id,
    createdBy: a.userId,
    expiresAt,
    usedAt: null,
    revokedAt: null,
    createdAt: at,
  }
  await db.batch([
    db
      .update(accessLinks)
      .set({ revokedAt: at })
      .where(
        and(
          eq(accessLinks.userId, user.id),
          eq(accessLinks.kind, 'RESET'),
          isNull(accessLinks.usedAt),
          isNull(accessLinks.revokedAt),
        ),
      ),
    db.insert(accessLinks).values(row),
    auditEntry(db, a, {
      action: 'password.resetLink',
      entity: 'user',
      entityId: user.id,
      at,
      after: { linkId: row.id, expiresAt },
    }),
  ])
  return linkView(row, linkUrl(context.origin, 'RESET', token))
}

/**
 * Sets the password of a reset link's user, marks the link used, ends every session of the
 * user and opens a new one of `kind`: one atomic batch, conditional on the link being usable.
 */
export async function resetPassword(
  db: Db,
  deps: SignInDeps,
  input: { token: string; newPassword: string; kind: SessionKind; ip: string },
) {
  const now = deps.now()
  const link = await usableLink(db, input.token, 'RESET', now)
  const userId = link.userId!
  const [user] = await db.select().from(users).where(eq(users.id, userId))
  if (!user?.active) throw inactive()
  const at = now.toISOString()
  const newHash = await deps.hasher.hash(input.newPassword)
  const session = newSecret()
  const usable = sql`token_hash = ${link.tokenHash} and used_at is null and revoked_at is null
    and expires_at > ${at}`
  const changed = sql`exists (select 1 from users where id = ${userId} and password_hash = ${newHash})`
  const [updated] = await db.batch([
    db.run(sql`
      update users set password_hash = ${newHash}
      where id = ${userId} and active = 1 and exists (select 1 from access_links where ${usable})`),
    db.run(sql`update access_links set used_at = ${at} where ${usable} and ${changed}`),
    db.run(sql`
      update sessions set revoked_at = ${at}
      where user_id = ${userId} and revoked_at is null and ${changed}`),
    db.run(sql`
      insert into sessions (token_hash, user_id, kind, expires_at, created_at)
      select ${await hashSecret(session)}, id, ${input.kind},
        ${new Date(now.getTime() + sessionPolicy[input.kind].idleMs).toISOString()}, ${at}
      from users where id = ${userId} and password_hash = ${newHash}`),
    auditEntry(
      db,
      { allianceId: link.allianceId, userId, role: user.role },
      {
        action: 'password.reset',
        entity: 'user',
        entityId: userId,
        at,
        after: { linkId: link.id },
        from: sql`from users where id = ${userId} and password_hash = ${newHash}`,
      },
    ),
    ...settleSuccessfulSignIn(db, user.email, input.ip),
  ])
  if (changes(updated) === 0) {
    // The link was used, revoked or the user deactivated between the check and the batch.
    await usableLink(db, input.token, 'RESET', now)
    throw inactive()
  }
  return { token: session, actor: toActor({ ...user, passwordHash: newHash }) }
}

/**
 * Deactivates a user (sign-in refused, every session and pending reset link ended, in one
 * batch) or reactivates it. Returns the user as it is now.
 */
export async function setUserActive(
  db: Db,
  actor: Actor | null,
  userId: string,
  active: boolean,
  now: Date,
): Promise<Actor> {
  const a = requireActor(actor)
  const user = await managedUser(db, a, userId)
  if (user.id === a.userId) {
    throw new Conflict('You cannot deactivate your own account.', { reason: 'OWN_ACCOUNT' })
  }
  const at = now.toISOString()
  await db.batch([
    db.run(
      sql`update users set active = ${active ? 1 : 0} where id = ${userId} and active = ${active ? 0 : 1}`,
    ),
    auditEntry(db, a, {
      action: active ? 'user.activate' : 'user.deactivate',
      entity: 'user',
      entityId: userId,
      at,
      before: { active: !active },
      after: { active },
      from: sql`from users where id = ${userId} and changes() > 0`,
    }),
    ...(active
      ? []
      : [
          db.run(sql`update sessions set revoked_at = ${at}
            where user_id = ${userId} and revoked_at is null`),
          db.run(sql`update access_links set revoked_at = ${at}
            where user_id = ${userId} and kind = 'RESET' and used_at is null and revoked_at is null`),
        ]),
  ])
  const [after] = await db.select().from(users).where(eq(users.id, userId))
  return toActor(after!)
}

/** A merchant's user: the users of its own merchant with their live sessions. */
export async function listMerchantUsers(db: Db, actor: Actor | null, now: Date) {
  const a = requireActor(actor)
  if (a.role !== 'MERCHANT' || !a.merchantId) throw new Forbidden()
  const live = sql`(select count(*) from sessions s where s.user_id = ${users.id}
    and s.revoked_at is null and s.expires_at > ${now.toISOString()})`
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      active: users.active,
      liveSessions: sql<number>`${live}`,
    })
    .from(users)
    .where(and(eq(users.allianceId, a.allianceId), eq(users.merchantId, a.merchantId)))
    .orderBy(users.displayName)
  return rows.map((r) => ({ ...r, liveSessions: Number(r.liveSessions) }))
}
