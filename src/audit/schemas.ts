import * as z from '../zod'
import { isoDate } from '../calendar/schemas'

const optionalText = z.pipe(
  z.optional(z.string().check(z.trim(), z.maxLength(100, { error: 'at most 100 characters' }))),
  z.transform((v) => v || undefined),
)

/** The last entry of a page, as the cursor of the next one: `<at>~<id>`. */
export interface AuditCursor {
  at: string
  id: number
}

/** An entry's place in the log, newest first, as the next page's `after`. */
export const auditCursor = (entry: AuditCursor) => `${entry.at}~${entry.id}`

const cursorPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)~([1-9]\d{0,15})$/

/**
 * A page cursor. Links made before the log was ordered by time carried a bare entry id; they
 * are refused with copy saying to start from the newest, never read as something else.
 */
const cursor = z.pipe(
  z.optional(z.string().check(z.trim())),
  z.transform((v, ctx): AuditCursor | undefined => {
    if (!v) return undefined
    const m = cursorPattern.exec(v)
    if (m && !Number.isNaN(Date.parse(m[1]!))) return { at: m[1]!, id: Number(m[2]) }
    ctx.issues.push({
      code: 'custom',
      input: v,
      message: 'not a cursor of this log: start again from the newest entries',
      params: { reason: 'AUDIT_CURSOR' },
    })
    return z.NEVER
  }),
)

/** A date filter; left empty, no filter. */
const optionalDate = () =>
  z.pipe(
    z.optional(z.union([isoDate, z.literal('')])),
    z.transform((v) => v || undefined),
  )

/** The audit log's filters and paging, shared by the page's query string and the API. */
export const auditFilterSchema = z.object({
  action: optionalText,
  entityId: optionalText,
  /** A user id (the API's `actor`). */
  actor: optionalText,
  /** Part of a person's name or email, matched without regard to case. */
  person: optionalText,
  from: optionalDate(),
  to: optionalDate(),
  first: z._default(
    z.coerce
      .number({ error: 'enter a number' })
      .check(
        z.int({ error: 'enter a whole number' }),
        z.gte(1, { error: '1 to 100' }),
        z.lte(100, { error: '1 to 100' }),
      ),
    50,
  ),
  /** The cursor: entries older than this one. */
  after: cursor,
})
export type AuditFilter = z.output<typeof auditFilterSchema>
