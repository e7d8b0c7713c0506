/**
 * Dates, instants, numbers and lists for people, in the page's language: every page formats
 * through these (money through `formatFen` in src/money.ts). Each formatter is built once per
 * locale and pattern (src/i18n/intl.ts). Instants are stored in UTC and read on the alliance's
 * clock, Asia/Shanghai, with a 24-hour clock in both languages; calendar dates (`YYYY-MM-DD`)
 * and months (`YYYY-MM`) are already local, so they are formatted in UTC to stay the same day.
 */
import type { Locale } from '../../db/schema'
import { localDate } from '../../src/calendar/local-date'
import {
  dateTimeFormat,
  dateTimesWith,
  listFormat,
  numberFormat,
  numbersWith,
} from '../../src/i18n/intl'

const zone = 'Asia/Shanghai'
const utcDay = (date: string) => new Date(`${date}T00:00:00Z`)
const utcMonth = (month: string) => utcDay(`${month}-01`)

const instants = dateTimesWith({
  timeZone: zone,
  dateStyle: 'medium',
  timeStyle: 'short',
  hourCycle: 'h23',
})

/**
 * Instants already formatted, per locale: `Intl`'s format is most of a timeline's cost, and the
 * same instants come back (a card polling itself, a list paged through, the same return looked
 * up again). Bounded: emptied when full.
 */
const formattedInstants: Record<Locale, Map<string, string>> = { 'zh-CN': new Map(), en: new Map() }
const instantsKept = 5_000

/** An instant as a Shanghai date and time: `2026年11月25日 10:00` / `Nov 25, 2026, 10:00`. */
export function formatInstant(iso: string, locale: Locale): string {
  const kept = formattedInstants[locale]
  let text = kept.get(iso)
  if (text === undefined) {
    text = instants(locale).format(new Date(iso))
    if (kept.size >= instantsKept) kept.clear()
    kept.set(iso, text)
  }
  return text
}

const dayTimes = dateTimesWith({
  timeZone: zone,
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** An instant as a Shanghai day and time without the year: `11月25日 12:00` / `Nov 25, 12:00`. */
export function formatDayTime(iso: string, locale: Locale): string {
  return dayTimes(locale).format(new Date(iso))
}

const clocks = dateTimesWith({
  timeZone: zone,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** An instant's Shanghai time of day: `10:00`. */
export function formatClock(iso: string, locale: Locale): string {
  return clocks(locale).format(new Date(iso))
}

/** The Shanghai calendar date of an instant: `2026年11月20日` / `Nov 20, 2026`. */
export function formatInstantDate(iso: string, locale: Locale): string {
  return dateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(utcDay(localDate(new Date(iso))))
}

const dates = dateTimesWith({ timeZone: 'UTC', dateStyle: 'medium' })

/** A calendar date with its year: `2026年11月20日` / `Nov 20, 2026`. */
export function formatDate(date: string, locale: Locale): string {
  return dates(locale).format(utcDay(date))
}

const days = dateTimesWith({ timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' })

/** A calendar date with its weekday: `11月27日周五` / `Fri, Nov 27`. */
export function formatDay(date: string, locale: Locale): string {
  return days(locale).format(utcDay(date))
}

/** A compact date for narrow column headers: `27日周五` / `27 Fri`. */
export function formatShortDay(date: string, locale: Locale): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric' }).format(
    utcDay(date),
  )
}

/** A month `YYYY-MM`: `2026年11月` / `November 2026`. */
export function formatMonth(month: string, locale: Locale): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(
    utcMonth(month),
  )
}

/** A compact month for chart labels: `26年10月` / `Oct 26`. */
export function formatShortMonth(month: string, locale: Locale): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', year: '2-digit', month: 'short' }).format(
    utcMonth(month),
  )
}

/** A month's name alone, for a chart's axis: `10月` / `Oct`. */
export function formatMonthName(month: string, locale: Locale): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', month: 'short' }).format(utcMonth(month))
}

/** A month's year, under a chart's axis: `2026年` / `2026`. */
export function formatYear(month: string, locale: Locale): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric' }).format(utcMonth(month))
}

/** Monday to Sunday, short and long. */
export function weekdays(locale: Locale): { short: string; long: string }[] {
  const short = dateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' })
  const long = dateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long' })
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const day = utcDay(`2024-01-0${i + 1}`)
    return { short: short.format(day), long: long.format(day) }
  })
}

const counts = numbersWith()

/** A count with the locale's grouping: `1,234`. */
export function formatCount(n: number, locale: Locale): string {
  return counts(locale).format(n)
}

/** A number with at most `digits` decimals: `7.5`. */
export function formatDecimal(n: number, locale: Locale, digits: number): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(n)
}

/**
 * A ratio as a percentage with at most `digits` decimals (exactly `digits` when `fixed`).
 * @example formatPercent(0.553, 'en') // '55%'
 */
export function formatPercent(ratio: number, locale: Locale, digits = 0, fixed = false): string {
  const options = fixed
    ? { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }
    : { style: 'percent', maximumFractionDigits: digits }
  return numberFormat(locale, options as Intl.NumberFormatOptions).format(ratio)
}

/** `850 m` under a kilometre, else `12.3 km` (`850米` / `12.3公里` in Chinese). */
export function formatDistance(meters: number, locale: Locale): string {
  if (meters < 1000) {
    return numberFormat(locale, { style: 'unit', unit: 'meter' }).format(
      Math.round(meters / 10) * 10,
    )
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: meters < 100_000 ? 1 : 0,
  }).format(meters / 1000)
}

/** A file's size in whole kB under a megabyte, else MB with one decimal. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const kb = bytes / 1024
  return kb < 1024
    ? numberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(
        Math.max(1, kb),
      )
    : numberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
        kb / 1024,
      )
}

/** An amount of fen as compact yuan for a chart's axis: `¥5K` / `¥5千`. */
export function formatCompactFen(fen: number, locale: Locale): string {
  return numberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(fen / 100)
}

/**
 * Words joined as a list: `a, b and c` / `a、b和c`; `unit` joins without a conjunction
 * (`a b c` in English), as for a list of services.
 */
export function formatList(
  items: readonly string[],
  locale: Locale,
  kind: 'conjunction' | 'unit' = 'conjunction',
): string {
  const options: Intl.ListFormatOptions =
    kind === 'unit' ? { style: 'narrow', type: 'unit' } : { style: 'long', type: 'conjunction' }
  return listFormat(locale, options).format(items)
}
