/** Names, kinds and links for the settlement pages, in the page's language. */
import type { LineKind, Locale } from '../../db/schema'
import type { Hub, Merchant, Station } from '../../src/network/service'
import { formatPercent } from '../components/format'
import { localizedName } from '../../src/i18n/localized-name'

/** The order kinds of line are shown in, everywhere (tables, chart, CSV). */
export const lineKindOrder: readonly LineKind[] = [
  'HUB_UNITS',
  'HUB_BOOKED',
  'TRANSPORT',
  'SHARED',
  'COMMISSION',
  'PREMIUM',
  'ADJUSTMENT',
]

/** Display names of the alliance's merchants, hubs and stations, by id. */
export interface Names {
  merchant(id: string): string
  hub(id: string): string
  station(id: string): string
}

export function namesFor(
  locale: Locale,
  lists: { merchants?: Merchant[]; hubs?: Hub[]; stations?: Station[] },
): Names {
  const merchants = new Map((lists.merchants ?? []).map((m) => [m.id, localizedName(m, locale)]))
  const hubs = new Map((lists.hubs ?? []).map((h) => [h.id, localizedName(h, locale)]))
  const stations = new Map((lists.stations ?? []).map((s) => [s.id, s.name]))
  return {
    merchant: (id) => merchants.get(id) ?? id,
    hub: (id) => hubs.get(id) ?? id,
    station: (id) => stations.get(id) ?? id,
  }
}

/** A share of a total as a percentage with one decimal, e.g. `12.5%`. */
export function formatShare(part: number, whole: number, locale: Locale): string {
  if (whole === 0) return '—'
  return formatPercent(part / whole, locale, 1, true)
}

/** Sums amounts by kind of line. */
export function byKind(lines: readonly { kind: LineKind; amountFen: number }[]) {
  const out = Object.fromEntries(lineKindOrder.map((k) => [k, 0])) as Record<LineKind, number>
  for (const l of lines) out[l.kind] += l.amountFen
  return out
}

export const settlementHref = (month: string) => `/settlement?${new URLSearchParams({ month })}`

export const statementHref = (month: string, merchantId?: string) =>
  `/statements/${month}${merchantId ? `?${new URLSearchParams({ merchant: merchantId })}` : ''}`

export const statementCsvHref = (month: string, merchantId?: string) =>
  `/statements/${month}.csv${merchantId ? `?${new URLSearchParams({ merchant: merchantId })}` : ''}`
