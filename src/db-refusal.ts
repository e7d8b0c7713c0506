/**
 * Refusals raised by the database itself. A trigger that guards a rule the app explains to
 * people starts its RAISE message with a stable code (`WRONG_HUB: …`, `MONTH_CLOSED: …`,
 * `BAD_USER_INPUT:<field>`), and SQLite names the key a unique constraint refused; this finds
 * either, whichever driver wrapped the error (libSQL puts it in the message, D1 and drizzle in
 * `cause`). Trigger text itself is never matched.
 */
import { DrizzleQueryError } from 'drizzle-orm'

export type DatabaseRefusal = 'WRONG_HUB' | 'WRONG_STATION' | 'NOT_MISROUTED' | 'MONTH_CLOSED'

const refusals: readonly DatabaseRefusal[] = [
  'WRONG_HUB',
  'WRONG_STATION',
  'NOT_MISROUTED',
  'MONTH_CLOSED',
]

/**
 * The first match of `pattern` in the error's message or in one of its causes. Drizzle's own
 * wrapper is skipped: its message repeats the query's parameters, which may be anything typed.
 */
function findInChain(error: unknown, pattern: RegExp): RegExpExecArray | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const match =
      e instanceof DrizzleQueryError
        ? null
        : pattern.exec(e instanceof Error ? e.message : String(e))
    if (match) return match
    e = e instanceof Error ? e.cause : undefined
  }
  return null
}

const refusalPattern = new RegExp(`\\b(${refusals.join('|')}):`)

/**
 * The stable code of a trigger's refusal, or null for any other error.
 * @example databaseRefusal(new Error('SQLITE_CONSTRAINT: WRONG_HUB: a parcel is …')) // 'WRONG_HUB'
 * @example databaseRefusal(new Error('SQLITE_CONSTRAINT: MONTH_CLOSED: month is closed'))
 *   // 'MONTH_CLOSED'
 */
export function databaseRefusal(error: unknown): DatabaseRefusal | null {
  return (findInChain(error, refusalPattern)?.[1] as DatabaseRefusal | undefined) ?? null
}

/**
 * The field a trigger refused as out of range (`BAD_USER_INPUT:<field>`, see db/migrations).
 * @example refusedField(new Error('SQLITE_CONSTRAINT: BAD_USER_INPUT:refundFen')) // 'refundFen'
 */
export function refusedField(error: unknown): string | undefined {
  return findInChain(error, /BAD_USER_INPUT:(\w+)/)?.[1]
}

/**
 * Whether a unique constraint refused the write on `key`: a column as SQLite names it,
 * `table.column`, or a composite key's columns joined by `, ` (another key's refusal is not it);
 * without `key`, any unique constraint.
 * @example isUniqueViolation(new Error('UNIQUE constraint failed: returns.code'), 'returns.code')
 *   // true
 */
export function isUniqueViolation(error: unknown, key?: string): boolean {
  const violated = findInChain(error, /UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)/)?.[1]
  return violated !== undefined && (key === undefined || violated === key)
}

/**
 * Whether a foreign key refused the write: in a batch, entries whose guarded parent row was not
 * written (see `postTransaction` in src/insurance/service.ts).
 */
export function isForeignKeyViolation(error: unknown): boolean {
  return findInChain(error, /FOREIGN KEY constraint failed/) !== null
}
