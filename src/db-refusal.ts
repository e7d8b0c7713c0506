/**
 * Refusals raised by the database's own triggers. A trigger that guards a rule the app explains
 * to people starts its RAISE message with a stable code (`WRONG_HUB: …`, `BAD_USER_INPUT:<field>`);
 * this finds the code, whichever driver wrapped the error (libSQL puts it in the message, D1 and
 * drizzle in `cause`). Trigger text itself is never matched.
 */
export type DatabaseRefusal = 'WRONG_HUB' | 'WRONG_STATION' | 'NOT_MISROUTED'

const refusals: readonly DatabaseRefusal[] = ['WRONG_HUB', 'WRONG_STATION', 'NOT_MISROUTED']

/** The first match of `pattern` in the error's message or in one of its causes. */
function findInChain(error: unknown, pattern: RegExp): RegExpExecArray | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const match = pattern.exec(e instanceof Error ? e.message : String(e))
    if (match) return match
    e = e instanceof Error ? e.cause : undefined
  }
  return null
}

const refusalPattern = new RegExp(`\\b(${refusals.join('|')}):`)

/**
 * The stable code of a trigger's refusal, or null for any other error.
 * @example databaseRefusal(new Error('SQLITE_CONSTRAINT: WRONG_HUB: a parcel is …')) // 'WRONG_HUB'
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
