/**
 * Whether a station is open at a moment, read from its opening hours ("09:00-21:00", "24:00"
 * for midnight, a closing time before the opening one for hours past midnight) and the weekdays
 * it is shut. Times are in Asia/Shanghai: China keeps one zone with no summer time, so the
 * moment is shifted by a fixed eight hours rather than through a time-zone database, which
 * Workers and Node would then both have to carry.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MINUTES = 24 * 60

export interface OpenState {
  openNow: boolean
  /** "21:00" while open (the day's closing time); null while closed. */
  closesAt: string | null
}

/** "09:00-21:00" → minutes after midnight; null for anything else. */
export function parseHours(hours: string): { opens: number; closes: number } | null {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(hours.trim())
  if (!m) return null
  const [opens, closes] = [Number(m[1]) * 60 + Number(m[2]), Number(m[3]) * 60 + Number(m[4])]
  if (opens >= DAY_MINUTES || closes > DAY_MINUTES) return null
  return { opens, closes }
}

/** The wall clock in Shanghai: ISO weekday (1 Monday … 7 Sunday) and minutes after midnight. */
export function shanghaiClock(now: Date): { weekday: number; minutes: number } {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS)
  return {
    weekday: local.getUTCDay() === 0 ? 7 : local.getUTCDay(),
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  }
}

const clockText = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/**
 * Open or closed at `now`. Hours that run past midnight belong to the day they opened on, so a
 * station shut on Mondays that opens Sunday 20:00-02:00 is still open at 01:00 on Monday.
 * @example openState('09:00-21:00', [], new Date('2026-11-25T12:59:00Z')) // { openNow: true, closesAt: '21:00' }
 */
export function openState(hours: string, closedDays: readonly number[], now: Date): OpenState {
  const parsed = parseHours(hours)
  const closed = { openNow: false, closesAt: null }
  if (!parsed || parsed.opens === parsed.closes) return closed
  const { weekday, minutes } = shanghaiClock(now)
  const yesterday = weekday === 1 ? 7 : weekday - 1
  const overnight = parsed.closes < parsed.opens
  const openToday = !closedDays.includes(weekday)
  if (!overnight) {
    const open = openToday && minutes >= parsed.opens && minutes < parsed.closes
    return open ? { openNow: true, closesAt: clockText(parsed.closes) } : closed
  }
  if (openToday && minutes >= parsed.opens)
    return { openNow: true, closesAt: clockText(parsed.closes) }
  if (!closedDays.includes(yesterday) && minutes < parsed.closes)
    return { openNow: true, closesAt: clockText(parsed.closes) }
  return closed
}
