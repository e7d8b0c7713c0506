/** Date, month and number formatting for the booking pages, in the page's language. */
import type { Locale } from '../../db/schema'

const utc = (date: string) => new Date(`${date}T00:00:00Z`)

/** A calendar date for people, e.g. `Fri, Nov 27` / `11月27日周五`. */
export function formatDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  }).format(utc(date))
}

/** A compact date for narrow column headers, e.g. `27 Fri` / `27日周五`. */
export function formatShortDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
  }).format(utc(date))
}

/** A month `YYYY-MM` for people, e.g. `November 2026` / `2026年11月`. */
export function formatMonth(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
  }).format(utc(`${month}-01`))
}

/** Monday to Sunday, short and long, in the page's language. */
export function weekdays(locale: Locale): { short: string; long: string }[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const day = utc(`2024-01-0${i + 1}`)
    return {
      short: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' }).format(day),
      long: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long' }).format(day),
    }
  })
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: string): number {
  return (utc(date).getUTCDay() + 6) % 7
}

/** The month `delta` months after `month` (`YYYY-MM`). */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + delta, 1))
  return d.toISOString().slice(0, 7)
}

export function formatUnits(units: number, locale: Locale): string {
  return units.toLocaleString(locale)
}

/** A ratio as a whole percentage, e.g. `0.553` → `55%`. */
export function formatPercent(ratio: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio)
}
