/** The demo accounts as the domain functions see them: one actor per person acting. */
import { asc } from 'drizzle-orm'
import type { Actor } from '../../../src/auth/roles'
import type { Db } from '../../../src/db'
import { users } from '../../schema'

/** Marks every audit entry of the history, so the log tells it from what people did later. */
export const historyRequestId = 'demo-history'

export interface Cast {
  coordinator: Actor
  merchant(merchantId: string): Actor
  station(stationId: string): Actor
  hub(hubId: string): Actor
}

export async function loadCast(db: Db): Promise<Cast> {
  const rows = await db.select().from(users).orderBy(asc(users.id))
  const actors = rows.map((u): Actor => ({
    userId: u.id,
    allianceId: u.allianceId,
    email: u.email,
    role: u.role,
    displayName: u.displayName,
    locale: u.locale,
    merchantId: u.merchantId,
    stationId: u.stationId,
    hubId: u.hubId,
    requestId: historyRequestId,
  }))
  const byKey = new Map<string, Actor>()
  for (const a of actors) {
    const key = a.merchantId ?? a.stationId ?? a.hubId ?? a.role
    if (!byKey.has(key)) byKey.set(key, a)
  }
  const find = (key: string) => {
    const found = byKey.get(key)
    if (!found) throw new Error(`the demo has no account for ${key}`)
    return found
  }
  return {
    coordinator: find('COORDINATOR'),
    merchant: find,
    station: find,
    hub: find,
  }
}
