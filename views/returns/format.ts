import type { Locale } from '../../db/schema'

// Instants are stored in UTC; people read them on the alliance's clock (Asia/Shanghai).
const zone = 'Asia/Shanghai'

/** `2026年11月25日 10:00` / `Nov 25, 2026, 10:00` */
export function formatInstant(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(iso))
}

/** `10:00` */
export function formatClock(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))
}

/** `2026-11` → `2026年11月` / `November 2026` */
export function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
  }).format(new Date(Date.UTC(y, m - 1, 1)))
}

/** `850 m` under a kilometre, else `12.3 km` (`850米` / `12.3公里` in Chinese). */
export function formatDistance(meters: number, locale: Locale): string {
  if (meters < 1000) {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'meter' }).format(
      Math.round(meters / 10) * 10,
    )
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: meters < 100_000 ? 1 : 0,
  }).format(meters / 1000)
}
