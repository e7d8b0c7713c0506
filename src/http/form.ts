/**
 * Form posts, validated once: the route names its zod schema (the same one its GraphQL
 * mutation parses) and, when a refused form should come back with its fields marked, how to
 * re-render it. The handler then reads typed data from `c.req.valid('form')`.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { validator } from 'hono/validator'
import * as z from '../zod'
import { InvalidInput } from '../errors'
import { issueKey, issueText } from './refusal-copy'
import type { AppEnv } from './types'

/** A form that did not validate: what was sent (to refill it) and a phrase per wrong field. */
export interface FormRefusal {
  /** The first problem, as the refusal the rest of the edge answers with (400). */
  error: InvalidInput
  /** Field name → what is wrong with it, in the user's language. */
  fields: Record<string, string>
  /** The text of every field as sent, so the form can be shown again as it was. */
  sent: Record<string, string>
}

type Rerender = (c: Context<AppEnv>, refusal: FormRefusal) => Response | Promise<Response>

/**
 * Validates the posted form with `schema`. Without `onInvalid` a bad form is a 400 refusal for
 * the app's error handler; with it, the route answers, typically with the same form marked.
 * @example route.post('/x', form(xSchema, (c, refused) => renderX(c, refused)), async (c) => {
 *   const input = c.req.valid('form') })
 */
export function form<S extends z.core.$ZodType>(
  schema: S,
  onInvalid?: Rerender,
): MiddlewareHandler<AppEnv, string, { in: { form: z.input<S> }; out: { form: z.output<S> } }> {
  return validator('form', async (value, c: Context<AppEnv>) => {
    const parsed = z.safeParse(schema, lastValues(value))
    if (parsed.success) return parsed.data as z.output<S>
    const refusal = formRefusal(c, parsed.error, value)
    if (!onInvalid) throw refusal.error
    c.status(400)
    return onInvalid(c, refusal)
  }) as never
}

/** The refusal for a zod error on a form, in the request's language. */
export function formRefusal(
  c: Context<AppEnv>,
  error: z.core.$ZodError,
  value: Record<string, unknown> = {},
): FormRefusal {
  const lang = { t: c.get('t'), locale: c.get('locale') }
  const values = lastValues(value)
  const sentValue = (issue: z.core.$ZodIssue) => values[String(issue.path[0])]
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    fields[String(issue.path[0] ?? 'form')] ??= issueText(lang, issue, sentValue(issue))
  }
  const first = error.issues[0]!
  const field = first.path.map(String).join('.') || 'form'
  return {
    error: new InvalidInput(field, first.message, { problem: issueKey(first, sentValue(first)) }),
    fields,
    sent: Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v : '']),
    ),
  }
}

// Several files under one name stay a list (a form's `multiple` input); a text field sent twice
// is not something a browser's form does, and keeps its last value as parseBody would.
function lastValues(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    out[key] = Array.isArray(v) && !v.every((f) => f instanceof File) ? v.at(-1) : v
  }
  return out
}
