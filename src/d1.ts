import type { D1Database } from '@cloudflare/workers-types'

type Query = { sql: string; params: unknown[] }
/** A drizzle query builder or raw statement, as both answer `_prepare()` (drizzle 0.45). */
type Item = {
  _prepare: () => {
    getQuery: () => Query
    mapResult: (result: unknown, isFromBatch: boolean) => unknown
  }
}

/**
 * drizzle's D1 `batch()` (0.45) cannot run raw `db.run(sql)` statements, which the domain uses
 * for its conditional writes. This gives the D1-backed handle a batch that builds every item's
 * SQL with drizzle and sends them as one native D1 batch — atomic, like libSQL's — then lets each
 * item map its own result, so a builder's `.returning()` rows come back as drizzle objects and a
 * raw statement's result carries its row count (read through `changes()`).
 */
export function withD1Batch<T extends object>(db: T, d1: D1Database): T {
  const batch = async (items: Item[]) => {
    const prepared = items.map((item) => item._prepare())
    const results = await d1.batch(
      prepared.map((p) => {
        const query = p.getQuery()
        return d1.prepare(query.sql).bind(...query.params)
      }),
    )
    return results.map((result, i) => prepared[i]!.mapResult(result, true))
  }
  return Object.assign(db, { batch })
}
