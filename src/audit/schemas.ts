import * as z from 'zod'
import { isoDate } from '../calendar/schemas'

const optionalText = z
  .string()
  .trim()
  .max(100, { error: 'at most 100 characters' })
  .optional()
  .transform((v) => v || undefined)

/** The audit log's filters and paging, shared by the page's query string and the API. */
export const auditFilterSchema = z.object({
  action: optionalText,
  entityId: optionalText,
  actor: optionalText,
  from: z
    .union([isoDate, z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  to: z
    .union([isoDate, z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  first: z.coerce
    .number({ error: 'enter a number' })
    .int({ error: 'enter a whole number' })
    .min(1, { error: '1 to 100' })
    .max(100, { error: '1 to 100' })
    .default(50),
  /** The cursor: entries older than this id. */
  after: z
    .union([z.coerce.number().int().min(1), z.literal('')])
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
})
export type AuditFilter = z.output<typeof auditFilterSchema>
