import type { Client } from '@libsql/client'
import Database from 'libsql'

/**
 * Prepared statements kept per connection of an embedded database, by SQL text. The libSQL
 * client prepares every statement anew on each call, and SQLite's prepare is most of a small
 * query's cost (a public lookup: about 200 µs prepared each time, 20 µs reused). A statement is
 * safe to reuse: the client runs it to the end synchronously each time, SQLite resets it before
 * it is bound again and re-prepares it by itself after a schema change.
 */
type Connection = InstanceType<typeof Database>
const perConnection = new WeakMap<Connection, Map<string, ReturnType<Connection['prepare']>>>()

/** Enough for every query the app builds; texts with inlined lists beyond it fall out, oldest first. */
const statementsPerConnection = 500

/**
 * The client opens its connections itself, so a connection joins the cache by preparing this
 * text: `cacheStatements` sends it through the client, and only that client's connection keeps
 * its statements. Other clients in the process are left as they are.
 */
const joinCache = "select 'nestwork: keep prepared statements'"

let installed = false

function install() {
  if (installed) return
  installed = true
  const prepare = Database.prototype.prepare
  Database.prototype.prepare = function (this: Connection, sql: string) {
    const cache = perConnection.get(this)
    if (!cache) {
      if (sql === joinCache) perConnection.set(this, new Map())
      return prepare.call(this, sql)
    }
    let statement = cache.get(sql)
    if (statement) {
      // Most recently used last, so the first key is the one to drop.
      cache.delete(sql)
    } else {
      statement = prepare.call(this, sql)
      if (cache.size >= statementsPerConnection) cache.delete(cache.keys().next().value!)
    }
    cache.set(sql, statement)
    return statement
  } as typeof prepare
}

/**
 * Keeps the prepared statements of an embedded (`file:`) client's connection. Give it a client
 * with one connection (`concurrency: 1`): a connection the client opens later, after dropping a
 * broken one, prepares as before.
 */
export async function cacheStatements(client: Client): Promise<void> {
  install()
  await client.execute(joinCache)
}
