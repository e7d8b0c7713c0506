import type { Db } from './db'

/**
 * A query built and prepared once per database handle, then reused: drizzle rebuilds a query's
 * SQL on every call otherwise, which on the hottest reads (the session, a public lookup) cost
 * more than running them. Values go in as `sql.placeholder(name)`; a handle that is no longer
 * used takes its prepared queries with it.
 * @example const byCode = preparedPer((db) => db.select().from(returns).where(eq(returns.code, sql.placeholder('code'))).prepare())
 * await byCode(db).get({ code })
 */
export function preparedPer<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>()
  return (db) => {
    let query = built.get(db)
    if (!query) built.set(db, (query = build(db)))
    return query
  }
}
