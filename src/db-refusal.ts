/**
 * Refusals raised by the database's own triggers. A trigger that guards a rule the app explains
 * to people starts its RAISE message with a stable code (`WRONG_HUB: …`); this finds the code,
 * whichever driver wrapped the error (libSQL puts it in the message, D1 and drizzle in `cause`).
 */
export type DatabaseRefusal = 'WRONG_HUB' | 'WRONG_STATION' | 'NOT_MISROUTED'

const refusals: readonly DatabaseRefusal[] = ['WRONG_HUB', 'WRONG_STATION', 'NOT_MISROUTED']

/**
 * The stable code of a trigger's refusal, or null for any other error.
 * @example databaseRefusal(new Error('SQLITE_CONSTRAINT: WRONG_HUB: a parcel is …')) // 'WRONG_HUB'
 */
export function databaseRefusal(error: unknown): DatabaseRefusal | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const text = e instanceof Error ? e.message : String(e)
    const found = refusals.find((code) => text.includes(`${code}:`))
    if (found) return found
    e = e instanceof Error ? e.cause : undefined
  }
  return null
}
