import type { D1Database } from '@cloudflare/workers-types'

type Item = { getQuery?: () => Query; toSQL?: () => Query }
type Query = { sql: string; params: unknown[] }

/**
 * drizzle's D1 `batch()` (0.45) cannot run raw `db.run(sql)` statements, which the domain uses
 * for its conditional writes. This gives the D1-backed handle a batch that builds every item's
 * SQL with drizzle and sends them as one native D1 batch — atomic, like libSQL's. Results are
 * D1's own; callers read only row counts, through `changes()`.
 */
export function withD1Batch<T extends object>(db: T, d1: D1Database): T {
  const batch = (items: Item[]) =>
    d1.batch(
      items.map((item) => {
        const query = item.getQuery ? item.getQuery() : item.toSQL!()
        return d1.prepare(query.sql).bind(...query.params)
      }),
    )
  return Object.assign(db, { batch })
}
