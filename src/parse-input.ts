import * as z from './zod'
import { InvalidInput } from './errors'

/**
 * Validates resolver arguments with the same zod schema the form uses; the first problem
 * becomes `BAD_USER_INPUT` naming the field.
 */
export function parseInput<S extends z.core.$ZodType>(schema: S, args: unknown): z.output<S> {
  const parsed = z.safeParse(schema, args)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  throw new InvalidInput(issue.path.join('.') || 'input', issue.message)
}

/**
 * GraphQL arguments with their explicit `null`s dropped: an optional GraphQL argument may arrive
 * as null, while the shared zod schemas (written for forms) mean "absent" by undefined.
 */
export const withoutNulls = (args: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null && v !== undefined))
