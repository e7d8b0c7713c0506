import type { Db } from './db'

/** One counter's fixed window as this process holds it. */
interface Window {
  startMs: number
  hits: number
}

/**
 * Live windows per window length, oldest start first: a window that starts again is moved to the
 * end, so the ended ones are always at the front and go in one sweep from there.
 */
type Counters = Map<number, Map<string, Window>>

/** Counters held per window length before the oldest live ones are forgotten. */
const maxWindows = 100_000
const held = new WeakMap<Db, Counters>()

/**
 * Keeps the rate-limit counters of `db` in this process's memory instead of the database: exact,
 * and no write on a public read. Only for a database one process serves alone (the Node entry's
 * embedded file); where several processes or Worker isolates share the database, the counters
 * must stay in it (the default), or each would allow the whole limit.
 *
 * Counts are forgotten when the process restarts (a limit of a minute or a quarter of an hour
 * starts again), and past 100,000 live windows of one length the oldest go, so memory stays
 * bounded when addresses are sprayed; either way a limit can only be too generous, never refuse
 * more.
 * @example if (url.startsWith('file:')) countInProcess(db)
 */
export function countInProcess(db: Db): void {
  if (!held.has(db)) held.set(db, new Map())
}

/** Whether the counters of `db` are kept in this process (`countInProcess`). */
export const countedInProcess = (db: Db): boolean => held.has(db)

/** The in-process counters of `db`, or undefined when they are kept in the database. */
export const inProcessCounters = (db: Db): Counters | undefined => held.get(db)

/** The live windows of one length, the ended ones swept from the front first. */
function windowsOf(counters: Counters, windowMs: number, expired: number) {
  let windows = counters.get(windowMs)
  if (!windows) counters.set(windowMs, (windows = new Map()))
  for (const [key, w] of windows) {
    if (w.startMs > expired) break
    windows.delete(key)
  }
  return windows
}

/** Counts one hit of `key` and returns its window as it now stands. */
export function countHit(counters: Counters, key: string, windowMs: number, nowMs: number): Window {
  const expired = nowMs - windowMs
  const windows = windowsOf(counters, windowMs, expired)
  let w = windows.get(key)
  if (w && w.startMs > expired) {
    w.hits++
    return w
  }
  // A clock set back can leave an ended window behind a live one: it starts again, at the end.
  if (w) windows.delete(key)
  if (windows.size >= maxWindows) windows.delete(windows.keys().next().value!)
  windows.set(key, (w = { startMs: nowMs, hits: 1 }))
  return w
}

/** `key`'s live window without counting, or undefined when it has none. */
export function liveWindow(counters: Counters, key: string, windowMs: number, nowMs: number) {
  const expired = nowMs - windowMs
  const w = windowsOf(counters, windowMs, expired).get(key)
  return w && w.startMs > expired ? w : undefined
}
