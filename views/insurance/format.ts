/** Formatting for the insurance pages, in the page's language. */
import type { Locale } from '../../db/schema'

/** A rate in basis points as a percentage, e.g. `50` → `0.5%`. */
export function formatRate(bp: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    bp / 10_000,
  )
}

/** An amount of yuan for a chart's axis, e.g. `¥5K` / `¥5千`. */
export function formatCompactYuan(fen: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(fen / 100)
}

/** A month `YYYY-MM` on a chart axis: `Oct` / `10月`. */
export function formatAxisMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  )
}

/** The year of a month `YYYY-MM` under a chart axis: `2026` / `2026年`. */
export function formatAxisYear(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric' }).format(
    new Date(`${month}-01T00:00:00Z`),
  )
}

/** A share as a whole or one-decimal percentage, e.g. `0.6667` → `66.7%`. */
export function formatShare(ratio: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio)
}

/** A calendar date with its year, e.g. `Nov 20, 2026` / `2026年11月20日`. */
export function formatDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(`${date}T00:00:00Z`),
  )
}
