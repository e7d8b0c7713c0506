/** Clocks, shares and labels of the inspection pages, in the page's language. */
import type { Locale } from '../../db/schema'
import { hasMessage, type Translate } from '../../src/i18n'
import { formatDecimal, formatPercent } from '../components/format'

/**
 * A stretch of time as people read a deadline: days and hours, or hours and minutes, or
 * minutes; under a minute says so. `static/countdown.js` repeats this rule in the browser.
 * @example formatDuration(72 * 60_000, t) // '1 h 12 min'
 */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000)
  if (minutes < 1) return t('inspection.clock.underMinute')
  const d = Math.floor(minutes / 1440)
  const h = Math.floor((minutes % 1440) / 60)
  const m = minutes % 60
  const parts: string[] = []
  if (d > 0) {
    parts.push(t('inspection.clock.days', { n: d }))
    if (h > 0) parts.push(t('inspection.clock.hours', { n: h }))
  } else {
    if (h > 0) parts.push(t('inspection.clock.hours', { n: h }))
    if (m > 0) parts.push(t('inspection.clock.minutes', { n: m }))
  }
  return parts.join(' ')
}

/** `due in 1 h 12 min` or `overdue by 20 min`; a deadline reached exactly is not yet late. */
export function formatCountdown(dueAt: string, now: Date, t: Translate): string {
  const left = Date.parse(dueAt) - now.getTime()
  return left >= 0
    ? t('inspection.clock.dueIn', { time: formatDuration(left, t) })
    : t('inspection.clock.overdueBy', { time: formatDuration(left, t) })
}

/** The templates `static/countdown.js` needs to say the same thing as the server. */
export function countdownFormat(t: Translate): string {
  return JSON.stringify({
    dueIn: t('inspection.clock.dueIn'),
    overdueBy: t('inspection.clock.overdueBy'),
    days: t('inspection.clock.days'),
    hours: t('inspection.clock.hours'),
    minutes: t('inspection.clock.minutes'),
    underMinute: t('inspection.clock.underMinute'),
    flag: t('inspection.clock.flag'),
    overdueCount: t('inspection.desk.overdueCount'),
    noneOverdue: t('inspection.desk.noneOverdue'),
  })
}

/** A share 0..1 as a whole percentage, or null for no data. */
export function formatShare(share: number | null, locale: Locale): string | null {
  if (share === null) return null
  return formatPercent(share, locale)
}

/** Hours with at most one decimal, e.g. `31` / `7.5`. */
export function formatHours(hours: number, locale: Locale): string {
  return formatDecimal(hours, locale, 1)
}

/**
 * A checklist item's question. Checklists are data (`src/inspection/checklists.ts`): an item
 * added there without copy yet shows its key rather than breaking the page.
 */
export function itemLabel(t: Translate, key: string): string {
  const k = `inspection.item.${key}`
  return hasMessage(k) ? t(k) : key
}

/** Why a rule narrowed the grades, for people (the rule's `reason` names the copy). */
export function reasonLabel(t: Translate, reason: string, params?: Record<string, number>) {
  const k = `inspection.reason.${reason}`
  return hasMessage(k) ? t(k, params) : reason
}
