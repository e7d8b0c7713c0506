/** Rates and shares on the insurance pages, in the page's language. */
import type { Locale } from '../../db/schema'
import { formatPercent } from '../components/format'

/** A rate in basis points as a percentage, e.g. `50` → `0.5%`. */
export function formatRate(bp: number, locale: Locale): string {
  return formatPercent(bp / 10_000, locale, 2)
}

/** A share as a whole or one-decimal percentage, e.g. `0.6667` → `66.7%`. */
export function formatShare(ratio: number, locale: Locale): string {
  return formatPercent(ratio, locale, 1)
}
