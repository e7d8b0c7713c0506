/** What every settlement route reads the same way: the month asked for, and who may post. */
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { requireRole } from '../../auth/roles'
import { localDate, shiftMonth } from '../../calendar/local-date'
import { isoMonth } from '../../calendar/schemas'
import { InvalidInput } from '../../errors'
import type { Lang } from '../../i18n'
import type { AppEnv } from '../../http/types'

export type Ctx = Context<AppEnv>

export const lang = (c: Ctx): Lang => ({ t: c.var.t, locale: c.var.locale })

export const thisMonth = (now: Date) => localDate(now).slice(0, 7)

/** The months a list shows as live previews: this one and, until it closes, the last. */
export const openMonths = (now: Date) => [thisMonth(now), shiftMonth(thisMonth(now), -1)]

/** `month` from the address as `YYYY-MM`, or `fallback` when absent; anything else is a 400. */
export function monthParam(value: string | undefined, fallback: string): string {
  if (!value) return fallback
  const parsed = isoMonth.safeParse(value)
  if (!parsed.success) {
    throw new InvalidInput('month', 'use a month as YYYY-MM', { problem: 'form.format' })
  }
  return parsed.data
}

/** A month the address must name. */
export const requiredMonth = (value: string | undefined) => monthParam(value || 'missing', '')

/** The coordinator's posts: who may send one is checked before the form is read. */
export const coordinatorOnly = createMiddleware<AppEnv>(async (c, next) => {
  requireRole(c.var.actor, 'COORDINATOR')
  await next()
})
