import * as z from '../../zod'
import { importFields, type ImportField } from './columns'

/** Text of one upload: well above 10,000 lines of a shop export, well below the body limits. */
export const maxCsvChars = 4 * 1024 * 1024

/** An import as asked for, by the page or GraphQL. */
export const importReturnsSchema = z.object({
  csv: z.string().check(
    z.maxLength(maxCsvChars, { error: `at most ${maxCsvChars} characters` }),
    z.refine((csv) => csv.trim() !== '', { error: 'choose a CSV file' }),
  ),
  mapping: z.pipe(
    z.optional(
      z.partialRecord(
        z.enum(importFields),
        z.optional(z.string().check(z.trim(), z.maxLength(200))),
      ),
    ),
    z.transform((m) =>
      m
        ? (Object.fromEntries(Object.entries(m).filter(([, v]) => v)) as Partial<
            Record<ImportField, string>
          >)
        : undefined,
    ),
  ),
  dryRun: z._default(z.boolean(), false),
  /** The id the check step chose for the confirmed import (`newImportId`). */
  id: z.optional(z.string().check(z.regex(/^imp_[0-9a-z]{16}$/))),
})
