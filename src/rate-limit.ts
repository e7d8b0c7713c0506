import { eq, inArray, lte, sql } from 'drizzle-orm'
import { rateLimits } from '../db/schema'
import { changes, type Db } from './db'
import { RateLimited } from './errors'
import { preparedPer } from './prepared'
import { countHit, inProcessCounters, liveWindow } from './rate-limit-in-process'

export { countInProcess, countedInProcess } from './rate-limit-in-process'

/** The longest window any counter uses (sign-in's 15 minutes; public lookups use a minute). */
export const longestWindowMs = 15 * 60 * 1000

/** What this process knows of one counter: the stored count, and hits not yet written. */
interface Tally {
  windowStartMs: number
  stored: number
  /** Hits being written right now, by requests still waiting for their upsert. */
  sending: number
  unsent: number
}

/** Counters seen by this process, per database; swept once this many are held. */
const maxTallies = 10_000
const tallies = new WeakMap<Db, Map<string, Tally>>()

/** One counter of a hit: its key and how many hits its window allows. */
export interface Counter {
  key: string
  limit: number
}

/**
 * Counts a hit for `key` in a fixed window and refuses once `limit` is passed. The count is
 * stored in the database (an atomic upsert that returns the new count), so it holds across
 * processes and Worker isolates alike; a database one process serves alone can have its
 * counters kept in that process instead (`countInProcess`: exact, and no write at all).
 *
 * Writing on every hit would make every public read a write. This process keeps its own tally
 * in front: the first hit of a window is written, then only every `step`-th, and every one once
 * the count nears the limit, so within one process the limit is exact and a counter a customer
 * reads a few times costs one write. Across processes each may hold up to `step - 1` hits not
 * yet written, the slack a limiter against enumeration can afford.
 *
 * A limiter must never be why a read fails: when the count cannot be written (a read-only or
 * full database), the refusal is decided from the count as it stands, and the failure is
 * reported to `onWriteError` (default: the console) instead of failing the request.
 */
export function hit(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
  nowMs: number,
  onWriteError: (error: unknown) => void = warn,
): Promise<void> {
  return hitAll(db, [{ key, limit }], windowMs, nowMs, onWriteError)
}

/**
 * `hit` for several counters of one window at once (a public lookup counts its address and its
 * address with the code): the ones due a write are written together, in one upsert, and the hit
 * is refused when any of them is past its limit. Every counter is counted, the refused too.
 */
export async function hitAll(
  db: Db,
  counters: readonly Counter[],
  windowMs: number,
  nowMs: number,
  onWriteError: (error: unknown) => void = warn,
): Promise<void> {
  const inProcess = inProcessCounters(db)
  if (inProcess) {
    // Every counter is counted, then the hit is refused when any is past its limit.
    const windows = counters.map((c) => countHit(inProcess, c.key, windowMs, nowMs))
    const over = windows.find((w, i) => w.hits > counters[i]!.limit)
    if (over) throw new RateLimited(retryAfterSeconds(over.startMs, windowMs, nowMs))
    return
  }
  const expired = nowMs - windowMs
  const held = tallyOf(db, expired)
  const due: { counter: Counter; live: Tally | undefined; unsent: number }[] = []
  for (const counter of counters) {
    const step = Math.max(1, Math.floor(counter.limit / 5))
    const known = held.get(counter.key)
    const live = known && known.windowStartMs > expired ? known : undefined
    let unsent = 1
    if (live) {
      live.unsent++
      const nearLimit = live.stored + live.sending + live.unsent > counter.limit - step
      if (!nearLimit && live.unsent < step) continue
      unsent = live.unsent
      live.unsent = 0
      live.sending += unsent
    }
    due.push({ counter, live, unsent })
  }
  if (due.length === 0) return
  const counts = new Map<string, { hits: number; windowStartMs: number }>()
  try {
    const rows = await upsertFor(db, due.length).all({
      expired,
      nowMs,
      ...Object.fromEntries(
        due.flatMap((d, i) => [
          [`key${i}`, d.counter.key],
          [`hits${i}`, d.unsent],
        ]),
      ),
    })
    for (const row of rows) counts.set(row.key, row)
    for (const { counter, live, unsent } of due) {
      if (live) live.sending -= unsent
      const row = counts.get(counter.key)
      const tally = held.get(counter.key)
      if (row && tally?.windowStartMs === row.windowStartMs) {
        tally.stored = Math.max(tally.stored, row.hits)
      } else if (row) {
        held.set(counter.key, {
          windowStartMs: row.windowStartMs,
          stored: row.hits,
          sending: 0,
          unsent: 0,
        })
      }
    }
  } catch (error) {
    for (const d of due) {
      if (!d.live) continue
      d.live.sending -= d.unsent
      d.live.unsent += d.unsent // still owed to the database
    }
    onWriteError(error)
    const keys = due.map((d) => d.counter.key)
    const stored = await db.select().from(rateLimits).where(inArray(rateLimits.key, keys))
    for (const { counter, live, unsent } of due) {
      const found = stored.find((s) => s.key === counter.key)
      const current = found && found.windowStartMs > expired ? found : undefined
      // The hits that could not be counted are this one and those this process had not written.
      const windowStartMs = current?.windowStartMs ?? live?.windowStartMs
      const base = Math.max(current?.hits ?? 0, live?.stored ?? 0)
      if (windowStartMs !== undefined)
        counts.set(counter.key, { hits: base + unsent, windowStartMs })
    }
  }
  for (const { counter } of due) {
    const row = counts.get(counter.key)
    if (row && row.hits > counter.limit) {
      throw new RateLimited(retryAfterSeconds(row.windowStartMs, windowMs, nowMs))
    }
  }
}

/**
 * The counters' upsert for `rows` keys, built once per database and row count: a new window
 * (the stored one ended at `expired`) starts from this hit, a live one adds to it. Placeholders
 * `key0`, `hits0`, … `expired`, `nowMs`.
 */
const upserts = new Map<number, (db: Db) => ReturnType<typeof buildUpsert>>()
function upsertFor(db: Db, rows: number) {
  let upsert = upserts.get(rows)
  if (!upsert) upserts.set(rows, (upsert = preparedPer((db) => buildUpsert(db, rows))))
  return upsert(db)
}

function buildUpsert(db: Db, rows: number) {
  const expired = sql.placeholder('expired')
  const ended = sql`${rateLimits.windowStartMs} <= ${expired}`
  return db
    .insert(rateLimits)
    .values(
      Array.from({ length: rows }, (_, i) => ({
        key: sql.placeholder(`key${i}`),
        windowStartMs: sql.placeholder('nowMs'),
        hits: sql.placeholder(`hits${i}`),
      })),
    )
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${ended} then excluded.hits else ${rateLimits.hits} + excluded.hits end`,
        windowStartMs: sql`case when ${ended} then excluded.window_start_ms else ${rateLimits.windowStartMs} end`,
      },
    })
    .returning({
      key: rateLimits.key,
      hits: rateLimits.hits,
      windowStartMs: rateLimits.windowStartMs,
    })
    .prepare()
}

/**
 * Refuses when `key` has already reached `limit` in its window, without counting a hit: for a
 * limit that only some answers count against (the tracking page's misses), checked before the
 * answer is known so a refused caller learns nothing from it. `stored` is the counter's row when
 * the caller read it along with its answer (null: there is none), saving a statement; without
 * it the row is read here when this process has no tally of its own.
 */
export async function peek(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
  nowMs: number,
  stored?: StoredCount | null,
): Promise<void> {
  const inProcess = inProcessCounters(db)
  if (inProcess) {
    const w = liveWindow(inProcess, key, windowMs, nowMs)
    if (w && w.hits >= limit) throw new RateLimited(retryAfterSeconds(w.startMs, windowMs, nowMs))
    return
  }
  const expired = nowMs - windowMs
  const known = tallyOf(db, expired).get(key)
  let count: number
  let windowStartMs: number
  if (known && known.windowStartMs > expired) {
    count = known.stored + known.sending + known.unsent
    windowStartMs = known.windowStartMs
  } else {
    const [row] =
      stored === undefined
        ? await db
            .select({ hits: rateLimits.hits, windowStartMs: rateLimits.windowStartMs })
            .from(rateLimits)
            .where(eq(rateLimits.key, key))
        : [stored]
    if (!row || row.windowStartMs <= expired) return
    ;({ hits: count, windowStartMs } = row)
  }
  if (count >= limit) {
    throw new RateLimited(retryAfterSeconds(windowStartMs, windowMs, nowMs))
  }
}

/** A counter as stored: its window's start and the hits written in it. */
export interface StoredCount {
  hits: number
  windowStartMs: number
}

const retryAfterSeconds = (windowStartMs: number, windowMs: number, nowMs: number) =>
  Math.max(1, Math.ceil((windowStartMs + windowMs - nowMs) / 1000))

/** This process's tallies for `db`, with the ended ones dropped once too many are held. */
function tallyOf(db: Db, expired: number): Map<string, Tally> {
  let held = tallies.get(db)
  if (!held) tallies.set(db, (held = new Map()))
  if (held.size >= maxTallies) {
    for (const [key, t] of held) if (t.windowStartMs <= expired) held.delete(key)
    // Still half full of live windows: forgetting them only means their next hit is written,
    // and the next sweep is then at least half the bound away rather than a few hits.
    if (held.size >= maxTallies / 2) held.clear()
  }
  return held
}

function warn(error: unknown) {
  console.warn('Rate-limit counter not written; limited from the stored count instead:', error)
}

/**
 * Deletes counters whose window ended and whose delay is over: they count nothing any more.
 * Returns how many went.
 */
export async function pruneRateLimits(db: Db, nowMs: number): Promise<number> {
  const gone = await db
    .delete(rateLimits)
    .where(
      sql`${lte(rateLimits.windowStartMs, nowMs - longestWindowMs)} and ${lte(rateLimits.notBeforeMs, nowMs)}`,
    )
  return changes(gone)
}
