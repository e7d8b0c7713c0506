/**
 * Local calendar dates of the alliance (Asia/Shanghai). China has kept UTC+8 without daylight
 * saving since 1991, so a fixed offset is exact for every date Nestwork handles and needs no
 * time-zone database in the Worker bundle.
 */
const OFFSET_MS = 8 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is false). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === value
}

/** True for a month written `YYYY-MM`. */
export function isIsoMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value)
}

/** The local date in Shanghai at `instant`. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant at which a local wall-clock time on `date` happens, e.g. ('2026-11-25', 18). */
export function localInstant(date: string, hour: number, minute = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + (hour * 60 + minute) * 60_000)
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS)
}

/** Every date from `from` to `to`, both included. */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

/** The first and last date of a month `YYYY-MM`. */
export function monthBounds(month: string): { from: string; to: string } {
  const from = `${month}-01`
  const [y, m] = month.split('-').map(Number) as [number, number]
  const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
  return { from, to }
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** A date's place in a Monday-first week: 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7
}

/**
 * The month `delta` months after `YYYY-MM` (before it when negative).
 * @example shiftMonth('2026-01', -1) // '2025-12'
 */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1 + delta, 1)).toISOString().slice(0, 7)
}

/** The UTC instants where a local month starts and the next one starts. */
export function monthInstants(month: string): { start: string; end: string } {
  return {
    start: localInstant(`${month}-01`, 0).toISOString(),
    end: localInstant(`${nextMonth(month)}-01`, 0).toISOString(),
  }
}
