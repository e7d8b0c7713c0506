/** What every settlement route reads the same way: the month asked for, and who may post. */
import type { Context } from 'hono'
import { localDate, shiftMonth } from '../../calendar/local-date'
import { monthParam } from '../../http/params'
import { only } from '../../http/only'
import type { AppEnv } from '../../http/types'

export type Ctx = Context<AppEnv>

export const thisMonth = (now: Date) => localDate(now).slice(0, 7)

/** The months a list shows as live previews: this one and, until it closes, the last. */
export const openMonths = (now: Date) => [thisMonth(now), shiftMonth(thisMonth(now), -1)]

/** A month the address must name. */
export const requiredMonth = (value: string | undefined) => monthParam(value || 'missing', '')

/** The coordinator's posts: who may send one is checked before the form is read. */
export const coordinatorOnly = only('COORDINATOR')
