/**
 * `Intl` formatters built once per locale and options, then reused. Building one is costly (it
 * loads ICU data and resolves the locale): a new formatter per formatted value once took a third
 * of a page's CPU and hundreds of MiB under load. Every formatter in the app comes from here.
 */
import type { Locale } from '../../db/schema'

const formatters = new Map<string, unknown>()

function cached<T>(kind: string, locale: Locale, options: object, make: () => T): T {
  const key = `${kind}\u0000${locale}\u0000${JSON.stringify(options)}`
  let formatter = formatters.get(key) as T | undefined
  if (formatter === undefined) {
    formatter = make()
    formatters.set(key, formatter)
  }
  return formatter
}

/**
 * The shared `Intl.NumberFormat` for `locale` and `options`.
 * @example numberFormat('en', { style: 'percent' }).format(0.5) // '50%'
 */
export const numberFormat = (locale: Locale, options: Intl.NumberFormatOptions = {}) =>
  cached('n', locale, options, () => new Intl.NumberFormat(locale, options))

/**
 * The shared `Intl.DateTimeFormat` for `locale` and `options`.
 * @example dateTimeFormat('en', { timeZone: 'UTC', year: 'numeric' }).format(new Date(0)) // '1970'
 */
export const dateTimeFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
  cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options))

/**
 * The shared `Intl.ListFormat` for `locale` and `options`.
 * @example listFormat('en', { type: 'conjunction' }).format(['a', 'b']) // 'a and b'
 */
export const listFormat = (locale: Locale, options: Intl.ListFormatOptions) =>
  cached('l', locale, options, () => new Intl.ListFormat(locale, options))

/**
 * Formatters for options fixed where they are written, looked up by locale alone: the options
 * are not serialised on every formatted value, as `dateTimeFormat` must for options built per call.
 * @example const year = dateTimesWith({ timeZone: 'UTC', year: 'numeric' }); year('en').format(d)
 */
export function dateTimesWith(options: Intl.DateTimeFormatOptions) {
  return perLocale((locale) => dateTimeFormat(locale, options))
}

/** `dateTimesWith` for numbers. */
export function numbersWith(options: Intl.NumberFormatOptions = {}) {
  return perLocale((locale) => numberFormat(locale, options))
}

function perLocale<T>(build: (locale: Locale) => T): (locale: Locale) => T {
  const byLocale = new Map<Locale, T>()
  return (locale) => {
    let formatter = byLocale.get(locale)
    if (formatter === undefined) byLocale.set(locale, (formatter = build(locale)))
    return formatter
  }
}
