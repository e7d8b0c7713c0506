/**
 * The demo accounts the landing page's tour introduces, one per role. The tour is shown only
 * where the demo alliance was seeded, so a real deployment never advertises accounts it lacks.
 */
import { eq } from 'drizzle-orm'
import { users, type Role } from '../../db/schema'
import type { Db } from '../db'

export interface TourStop {
  role: Role
  email: string
}

export const tourStops: TourStop[] = [
  { role: 'MERCHANT', email: 'merchant1@nestwork.demo' },
  { role: 'STATION_OPERATOR', email: 'station1@nestwork.demo' },
  { role: 'HUB_OPERATOR', email: 'hub1@nestwork.demo' },
  { role: 'COORDINATOR', email: 'coordinator@nestwork.demo' },
]

/** The published password every demo account shares (db/seed/seed.ts). */
export const demoTourPassword = 'nestwork-demo'

/** Whether this database holds the demo accounts. */
export async function hasDemoAccounts(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, tourStops.at(-1)!.email))
    .limit(1)
  return row !== undefined
}
