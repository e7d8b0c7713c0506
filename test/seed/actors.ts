import { eq } from 'drizzle-orm'
import { users } from '../../db/schema'
import type { Actor } from '../../src/auth/roles'
import type { TestApp } from '../helpers/app'

/** A demo account as the domain functions see it, for calling them directly. */
export async function actorFor(t: TestApp, email: string): Promise<Actor> {
  const [u] = await t.db.select().from(users).where(eq(users.email, email))
  if (!u) throw new Error(`no demo account ${email}`)
  return {
    userId: u.id,
    allianceId: u.allianceId,
    email: u.email,
    role: u.role,
    displayName: u.displayName,
    locale: u.locale,
    merchantId: u.merchantId,
    stationId: u.stationId,
    hubId: u.hubId,
  }
}
