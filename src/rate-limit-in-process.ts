import type { Db } from './db'

/** One counter's fixed window as this process holds it. */
interface Window {
  startMs: number
  hits: number
}

/**
 * The windows of one length in two generations: those started since `since` and those started
 * in the generation before. A generation is at least a window long, so when one more has passed,
 * every window in the older one has ended and it goes whole; nothing is swept key by key. (A Map
 * swept from the front keeps the deleted entries as holes every later walk from the front steps
 * over: at tens of thousands of addresses each hit took tens of microseconds.)
 */
interface Generations {
  current: Map<string, Window>
  previous: Map<string, Window>
  since: number
}

type Counters = Map<number, Generations>

/** Counters held per window length before the older generation is forgotten early. */
const maxWindows = 100_000
const held = new WeakMap<Db, Counters>()

/**
 * Keeps the rate-limit counters of `db` in this process's memory instead of the database: exact,
 * and no write on a public read. Only for a database one process serves alone (the Node entry's
 * embedded file); where several processes or Worker isolates share the database, the counters
 * must stay in it (the default), or each would allow the whole limit.
 *
 * Counts are forgotten when the process restarts (a limit of a minute or a quarter of an hour
 * starts again), and past 100,000 windows of one length the older generation goes, so memory
 * stays bounded when addresses are sprayed; either way a limit can only be too generous, never
 * refuse more.
 * @example if (url.startsWith('file:')) countInProcess(db)
 */
export function countInProcess(db: Db): void {
  if (!held.has(db)) held.set(db, new Map())
}

/** Whether the counters of `db` are kept in this process (`countInProcess`). */
export const countedInProcess = (db: Db): boolean => held.has(db)

/** The in-process counters of `db`, or undefined when they are kept in the database. */
export const inProcessCounters = (db: Db): Counters | undefined => held.get(db)

/** The generations of one length, moved on when a window's length has passed since the last move. */
function windowsOf(counters: Counters, windowMs: number, nowMs: number): Generations {
  let g = counters.get(windowMs)
  if (!g) counters.set(windowMs, (g = { current: new Map(), previous: new Map(), since: nowMs }))
  if (nowMs - g.since >= windowMs) {
    // Two lengths on, the current generation's windows have ended too.
    g.previous = nowMs - g.since >= 2 * windowMs ? new Map() : g.current
    g.current = new Map()
    g.since = nowMs
  }
  return g
}

/** Counts one hit of `key` and returns its window as it now stands. */
export function countHit(counters: Counters, key: string, windowMs: number, nowMs: number): Window {
  const g = windowsOf(counters, windowMs, nowMs)
  let w = g.current.get(key) ?? g.previous.get(key)
  if (w && w.startMs > nowMs - windowMs) {
    w.hits++
    return w
  }
  if (g.current.size >= maxWindows / 2) {
    g.previous = g.current
    g.current = new Map()
    g.since = nowMs
  }
  // Ended (or behind a clock set back): the key starts again in the current generation, which
  // is read first.
  g.current.set(key, (w = { startMs: nowMs, hits: 1 }))
  return w
}

/** `key`'s live window without counting, or undefined when it has none. */
export function liveWindow(counters: Counters, key: string, windowMs: number, nowMs: number) {
  const g = windowsOf(counters, windowMs, nowMs)
  const w = g.current.get(key) ?? g.previous.get(key)
  return w && w.startMs > nowMs - windowMs ? w : undefined
}
