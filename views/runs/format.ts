/** Names and instants for the pickup-run pages, in the page's language. */
import type { Locale } from '../../db/schema'
import type { Hub } from '../../src/network/service'

/** An instant as Shanghai wall-clock time, e.g. `2026年11月25日 10:00`. */
export function formatInstant(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(iso))
}

export const hubName = (hub: Hub, locale: Locale) => (locale === 'en' ? hub.name : hub.nameZh)
