/**
 * How the close of a month and every write of money into it are serialised by the database,
 * with no lock held across requests (D1 has no interactive transactions):
 *
 * - every write into a month (a cost, its void or reversal, an adjustment, a commission, an
 *   order-value declaration) moves the month's row in `month_versions`, by trigger, in the
 *   statement that writes (migration 0025);
 * - a close reads that version before it computes the split, and its batch writes the settlement
 *   only if the version has not moved, so a write acknowledged meanwhile makes the close fail
 *   whole instead of being left out;
 * - a write into a month checks in its own statement that the month has no settlement (and the
 *   frozen-month triggers refuse it anyway), so a write that lost the race to a close is refused
 *   with a CONFLICT saying the month has just closed, never stored beside the settlement.
 *
 * So an acknowledged entry is always in exactly one settlement.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db'
import { databaseRefusal, isForeignKeyViolation, isUniqueViolation } from '../db-refusal'
import { Conflict } from '../errors'

/** The month's version now (0 before anything was written into it). */
export async function monthVersion(db: Db, allianceId: string, month: string): Promise<number> {
  const [row] = await db.all<{ version: number }>(sql`
    select version from month_versions where alliance_id = ${allianceId} and month = ${month}`)
  return Number(row?.version ?? 0)
}

/** SQL that holds while the month's version is still `version`. */
export const monthUnchanged = (allianceId: string, month: string, version: number): SQL => sql`
  coalesce((select version from month_versions
    where alliance_id = ${allianceId} and month = ${month}), 0) = ${version}`

/** SQL that holds while the month (a value or a column) has no settlement. */
export const monthOpen = (allianceId: string | SQL, month: string | SQL): SQL => sql`
  not exists (select 1 from settlements where alliance_id = ${allianceId} and month = ${month})`

/** Whether a database error is a frozen-month trigger refusing a write (`MONTH_CLOSED:`). */
export const refusedAsClosed = (error: unknown): boolean =>
  databaseRefusal(error) === 'MONTH_CLOSED'

/**
 * Whether a batch was refused by a key of the database rather than broken: a row whose guard
 * wrote nothing leaves the rows that reference it without their parent (a foreign key), or a
 * concurrent request took the unique key first. Such a batch wrote nothing at all.
 */
export const refusedByKey = (error: unknown): boolean =>
  isForeignKeyViolation(error) || isUniqueViolation(error)

/**
 * The answer to a write that lost the race to the month's close: nothing was written. Pages say
 * it in the reader's language from `details.reason`.
 */
export function justClosed(month: string, what = 'nothing was recorded'): Conflict {
  return new Conflict(
    `${month} has just been closed, so ${what}; a correction to a closed month is an adjustment.`,
    { reason: 'MONTH_CLOSED', month },
  )
}
