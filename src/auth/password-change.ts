import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm'
import { sessions, users } from '../../db/schema'
import { changes, type Db } from '../db'
import { Conflict, InvalidInput } from '../errors'
import { requireActor, type Actor } from './roles'
import type { ChangePasswordInput } from './schemas'
import type { SignInDeps } from './service'
import { reserveSignInAttempt, settleSuccessfulSignIn } from './throttle'
import { hashSecret } from './tokens'

/**
 * The signed-in user replaces their password, proving the current one. Guesses at the current
 * password count against the sign-in limits, so a stolen session cannot find it quickly. The new
 * hash and the end of every other session (browsers and tokens; `currentToken` stays) are one
 * atomic batch; returns how many sessions ended.
 */
export async function changePassword(
  db: Db,
  deps: SignInDeps,
  actor: Actor | null,
  input: ChangePasswordInput,
  context: { ip: string; currentToken: string | null },
): Promise<number> {
  const a = requireActor(actor)
  const now = deps.now()
  await reserveSignInAttempt(db, a.email, context.ip, now.getTime())
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, a.userId))
  if (!user || !(await deps.hasher.verify(input.currentPassword, user.passwordHash))) {
    throw new InvalidInput('currentPassword', 'the current password is wrong')
  }
  if (input.newPassword === input.currentPassword) {
    throw new InvalidInput('newPassword', 'choose a password other than the current one')
  }
  const newHash = await deps.hasher.hash(input.newPassword)
  const keep = context.currentToken ? await hashSecret(context.currentToken) : ''
  const [updated, ended] = await db.batch([
    db
      .update(users)
      .set({ passwordHash: newHash })
      .where(and(eq(users.id, a.userId), eq(users.passwordHash, user.passwordHash))),
    // Conditional on the new hash being in place, so a lost race ends nobody's sessions.
    db
      .update(sessions)
      .set({ revokedAt: now.toISOString() })
      .where(
        and(
          eq(sessions.userId, a.userId),
          ne(sessions.tokenHash, keep),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now.toISOString()),
          sql`exists (select 1 from ${users} where ${users.id} = ${a.userId} and ${users.passwordHash} = ${newHash})`,
        ),
      ),
    ...settleSuccessfulSignIn(db, a.email, context.ip),
  ])
  if (changes(updated) === 0) {
    throw new Conflict('The password was changed meanwhile. Sign in again.', {
      reason: 'PASSWORD_CHANGED',
    })
  }
  return changes(ended)
}
