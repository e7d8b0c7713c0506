/** What routes read off every request the same way: the page's language, a month in the query. */
import type { Context } from 'hono'
import { isoMonth } from '../calendar/schemas'
import { InvalidInput } from '../errors'
import type { Lang } from '../i18n'
import type { AppEnv } from './types'

/** The request's language, for the sentence builders in views/<capability>/messages.ts. */
export const langOf = (c: Context<AppEnv>): Lang => ({ t: c.get('t'), locale: c.get('locale') })

/**
 * `?month=` as `YYYY-MM`, or `fallback` when absent; anything else is a 400 naming the field.
 * @example monthParam(c.req.query('month'), thisMonth) // '2026-11'
 */
export function monthParam<F extends string | undefined>(
  value: string | undefined,
  fallback: F,
): string | F {
  if (!value) return fallback
  const parsed = isoMonth.safeParse(value)
  if (!parsed.success) {
    throw new InvalidInput('month', 'use a month as YYYY-MM', { problem: 'form.format' })
  }
  return parsed.data
}
