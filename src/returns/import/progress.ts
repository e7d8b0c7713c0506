/**
 * How far a confirmed import has got, as its batches recorded it: the page polls this while
 * the import runs, so what it shows is what the database holds, not an estimate.
 */
import { eq } from 'drizzle-orm'
import { returnImports } from '../../../db/schema'
import { requireRole, type Actor } from '../../auth/roles'
import type { Db } from '../../db'
import { getImport } from './service'

export type ImportProgress =
  | { state: 'STARTING' }
  | { state: 'RUNNING'; done: number; total: number }
  | { state: 'FINISHED'; id: string; created: number; skipped: number }

/**
 * The progress of import `id`. One not written yet is STARTING (the page asks from the moment
 * the merchant confirms, before the first batch lands); another organisation's is NOT_FOUND.
 */
export async function importProgress(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<ImportProgress> {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const [exists] = await db
    .select({ id: returnImports.id })
    .from(returnImports)
    .where(eq(returnImports.id, id))
  if (!exists) return { state: 'STARTING' }
  const r = await getImport(db, a, id)
  if (r.finishedAt) {
    return { state: 'FINISHED', id: r.id, created: r.createdCount, skipped: r.skippedCount }
  }
  return { state: 'RUNNING', done: r.linesDone, total: r.linesTotal }
}
