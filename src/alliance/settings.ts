import { and, desc, eq, lte } from 'drizzle-orm'
import { allianceSettings } from '../../db/schema'
import type { Db } from '../db'
import { NotFound } from '../errors'

export type AllianceSettings = typeof allianceSettings.$inferSelect

/** The settings version in force on local date `on` (the latest that took effect by then). */
export async function settingsOn(
  db: Db,
  allianceId: string,
  on: string,
): Promise<AllianceSettings> {
  const [row] = await db
    .select()
    .from(allianceSettings)
    .where(
      and(eq(allianceSettings.allianceId, allianceId), lte(allianceSettings.effectiveFrom, on)),
    )
    .orderBy(desc(allianceSettings.effectiveFrom), desc(allianceSettings.version))
    .limit(1)
  if (!row) throw new NotFound('Alliance settings')
  return row
}
