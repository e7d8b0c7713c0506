/**
 * Batched, per-request look-ups for field resolvers: every `hub` of a list of bookings, every
 * `timeline` of a page of returns, is one statement, not one per row. Each loader applies the
 * same rule as the domain function it stands for (the actor's alliance, the returns it may see),
 * so a batch never hands out a row the single look-up would have refused.
 */
import { hubs, merchants, stations } from '../../db/schema'
import type { Actor } from '../auth/roles'
import type { Db } from '../db'
import type { NotFoundEntity } from '../refusal-reasons'
import { NotFound } from '../errors'
import { photosOfReturns, photoViewer } from '../inspection/photos'
import {
  inspectionsOf,
  ratingsOf,
  resolutionsOf,
  responsesOf,
  returnSlas,
} from '../inspection/service'
import { trackDetails } from '../inspection/customer-view'
import { inAllianceByIds } from '../network/service'
import { reconcile, type RunReconciliation } from '../returns/pickup-runs'
import { timelines, visibleReturns } from '../returns/service'
import { costsByIds } from '../settlement/service'

interface Loader<V> {
  load(key: string): Promise<V>
  /** Remembers a value already read (e.g. by a mutation), so no field reads it again. */
  prime(key: string, value: V): void
}

/**
 * Keys asked for in the same tick go to `batch` as one list; each key's answer (or refusal) is
 * kept for the rest of the request. A key `batch` leaves out gets `missing(key)`, which may throw.
 */
function loader<V>(
  batch: (keys: string[]) => Promise<Map<string, V>>,
  missing: (key: string) => V,
): Loader<V> {
  const cache = new Map<string, Promise<V>>()
  let queue: { key: string; resolve: (v: V) => void; reject: (e: unknown) => void }[] = []
  const dispatch = async () => {
    const waiting = queue
    queue = []
    try {
      const found = await batch(waiting.map((w) => w.key))
      for (const w of waiting) {
        try {
          w.resolve(found.has(w.key) ? found.get(w.key)! : missing(w.key))
        } catch (error) {
          w.reject(error)
        }
      }
    } catch (error) {
      for (const w of waiting) w.reject(error)
    }
  }
  return {
    load(key) {
      const known = cache.get(key)
      if (known) return known
      const promise = new Promise<V>((resolve, reject) => {
        if (queue.length === 0) queueMicrotask(() => void dispatch())
        queue.push({ key, resolve, reject })
      })
      cache.set(key, promise)
      return promise
    },
    prime(key, value) {
      cache.set(key, Promise.resolve(value))
    },
  }
}

/** A look-up that cannot be batched, done once per key per request. */
function memo<V>(read: (key: string) => Promise<V>): Loader<V> {
  const cache = new Map<string, Promise<V>>()
  return {
    load(key) {
      let known = cache.get(key)
      if (!known) cache.set(key, (known = read(key)))
      return known
    },
    prime(key, value) {
      cache.set(key, Promise.resolve(value))
    },
  }
}

const byId = async <R extends { id: string }>(rows: Promise<R[]>) =>
  new Map((await rows).map((r) => [r.id, r]))

/** A loader of the one row (or none) each return has in a table. */
const rowPerReturn = <R extends { returnId: string }>(query: (ids: string[]) => Promise<R[]>) =>
  loader(
    async (ids) => new Map((await query(ids)).map((r) => [r.returnId, r])),
    (): R | null => null,
  )

/** A loader of the rows each return has in a table, in the order the query gives them. */
const rowsPerReturn = <R extends { returnId: string }>(query: (ids: string[]) => Promise<R[]>) =>
  loader(
    async (ids) => {
      const groups = new Map<string, R[]>()
      for (const r of await query(ids)) {
        const group = groups.get(r.returnId)
        if (group) group.push(r)
        else groups.set(r.returnId, [r])
      }
      return groups
    },
    (): R[] => [],
  )

const notFound = (what: NotFoundEntity) => (): never => {
  throw new NotFound(what)
}

/**
 * The loaders of one request (or of one mutation: each starts with fresh ones). Each is made the
 * first time a resolver asks for it: a request uses one or two of them, and every request (a
 * public lookup included) gets the set.
 */
export function createLoaders(db: Db, actor: Actor | null, now: () => Date) {
  return new RequestLoaders(db, actor, now)
}

export type Loaders = RequestLoaders

class RequestLoaders {
  readonly #made = new Map<string, unknown>()

  constructor(
    private readonly db: Db,
    private readonly actor: Actor | null,
    private readonly now: () => Date,
  ) {}

  #once<V>(name: string, make: () => V): V {
    let made = this.#made.get(name) as V | undefined
    if (made === undefined) this.#made.set(name, (made = make()))
    return made
  }

  /** A loader of the alliance's hubs, stations or merchants by id (`inAllianceByIds`). */
  #inAlliance<T extends typeof hubs | typeof stations | typeof merchants>(
    table: T,
    what: 'Hub' | 'Station' | 'Merchant',
  ) {
    const { db, actor } = this
    return this.#once(what, () =>
      loader((ids) => byId(inAllianceByIds(db, actor, table, ids)), notFound(what)),
    )
  }

  get hub() {
    return this.#inAlliance(hubs, 'Hub')
  }

  get station() {
    return this.#inAlliance(stations, 'Station')
  }

  get merchant() {
    return this.#inAlliance(merchants, 'Merchant')
  }

  get cost() {
    const { db, actor } = this
    return this.#once('cost', () =>
      loader((ids) => byId(costsByIds(db, actor, ids)), notFound('Cost')),
    )
  }

  get return() {
    const { db, actor } = this
    return this.#once('return', () =>
      loader((ids) => byId(visibleReturns(db, actor, ids)), notFound('Return')),
    )
  }

  get timeline() {
    return this.#once('timeline', () => rowsPerReturn((ids) => timelines(this.db, ids)))
  }

  /** The rest of returns found by code (`returnByCode` counted the lookup; no actor needed). */
  get trackDetails() {
    return this.#once('trackDetails', () =>
      loader((ids) => trackDetails(this.db, ids), notFound('Return')),
    )
  }

  get sla() {
    return this.#once('sla', () =>
      loader((ids) => returnSlas(this.db, ids, this.now()), notFound('Return')),
    )
  }

  get inspection() {
    return this.#once('inspection', () => rowPerReturn((ids) => inspectionsOf(this.db, ids)))
  }

  get resolution() {
    return this.#once('resolution', () => rowPerReturn((ids) => resolutionsOf(this.db, ids)))
  }

  get responses() {
    return this.#once('responses', () =>
      this.#ofVisibleReturn(rowsPerReturn((ids) => responsesOf(this.db, ids))),
    )
  }

  get rating() {
    return this.#once('rating', () =>
      this.#ofVisibleReturn(rowPerReturn((ids) => ratingsOf(this.db, ids))),
    )
  }

  get photos() {
    return this.#once('photos', () =>
      this.#ofVisibleReturn(
        rowsPerReturn((ids) => photosOfReturns(this.db, ids)),
        photoViewer,
      ),
    )
  }

  /** A run's reconciliation, read once however many of its fields ask. */
  get reconciliation() {
    return this.#once('reconciliation', () =>
      memo<RunReconciliation>((runId) => reconcile(this.db, this.actor, runId)),
    )
  }

  /**
   * What a field of a return the actor may see reads (after `allowed`, a role check, passes);
   * NOT_FOUND for any other return.
   */
  #ofVisibleReturn<V>(
    rows: Loader<V>,
    allowed: (actor: Actor | null) => unknown = () => {},
  ): Loader<V> {
    return {
      load: async (id) => {
        allowed(this.actor)
        await this.return.load(id)
        return rows.load(id)
      },
      prime: rows.prime,
    }
  }
}
