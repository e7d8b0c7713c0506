import type { Client } from '@libsql/client'
import Database from 'libsql'

/**
 * Prepared statements kept per connection of an embedded database, by SQL text. The libSQL
 * client prepares every statement anew on each call, and SQLite's prepare is most of a small
 * query's cost (a public lookup: about 200 µs prepared each time, 20 µs reused). A statement is
 * safe to reuse: the client runs it to the end synchronously each time and SQLite resets it before
 * it is bound again. Schema changes through this connection empty its cache; another process
 * changing the schema under a running one is not followed (migrations run before serving).
 */
type Connection = InstanceType<typeof Database>
type Statements = Map<string, ReturnType<Connection['prepare']>>

/** Enough for every query the app builds; texts with inlined lists beyond it fall out, oldest first. */
const statementsPerConnection = 500

/**
 * The client opens its connections itself, so a connection joins the cache by preparing this
 * text: `cacheStatements` sends it through the client, and only that client's connection keeps
 * its statements. Other clients in the process are left as they are.
 */
const joinCache = "select 'nestwork: keep prepared statements'"

/** DDL, after any leading comments (a migration's statements may start with one). */
const schemaChange = /^(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*(?:create|alter|drop)\s/i

/**
 * The caches hang off the driver's prototype, which a process loads once: this module may be
 * evaluated again (a test runner's fresh module graph per file), and must then neither wrap
 * `prepare` twice nor lose track of the connections already caching.
 */

const installedKey = Symbol.for('nestwork.statement-cache')
const state = ((globalThis as { [installedKey]?: CacheState })[installedKey] ??= {
  perConnection: new WeakMap(),
  joined: new Map(),
  joins: 0,
})

interface CacheState {
  perConnection: WeakMap<Connection, Statements>
  /** Each joining text's connection's statements, until `cacheStatements` takes them. */
  joined: Map<string, Statements>
  joins: number
}

/** Each caching client's statements, for `statementsKept`. */
const byClient = new WeakMap<Client, Statements>()

function install() {
  const proto = Database.prototype as Connection & { [installedKey]?: true }
  if (proto[installedKey]) return
  proto[installedKey] = true
  const { perConnection } = state
  const prepare = proto.prepare
  proto.prepare = function (this: Connection, sql: string) {
    const cache = perConnection.get(this)
    if (!cache) {
      if (sql.startsWith(joinCache)) {
        const statements: Statements = new Map()
        perConnection.set(this, statements)
        state.joined.set(sql, statements)
      }
      return prepare.call(this, sql)
    }
    // The driver keeps a statement's columns as first prepared, so a schema change (a migration,
    // a test's table) empties the cache rather than trust SQLite's own re-preparing.
    if (schemaChange.test(sql)) {
      cache.clear()
      return prepare.call(this, sql)
    }
    let statement = cache.get(sql)
    if (statement) {
      // Most recently used last, so the first key is the one to drop.
      cache.delete(sql)
    } else {
      statement = keepColumns(prepare.call(this, sql))
      if (cache.size >= statementsPerConnection) cache.delete(cache.keys().next().value!)
    }
    cache.set(sql, statement)
    return statement
  } as typeof prepare
  const exec = proto.exec
  proto.exec = function (this: Connection, sql: string) {
    perConnection.get(this)?.clear()
    return exec.call(this, sql)
  } as typeof exec
}

/**
 * The client asks a statement for its columns twice on every run, each time a native call that
 * builds the list anew. A cached statement's columns cannot change (the cache empties on a schema
 * change), so the first answer is kept.
 */
function keepColumns(statement: ReturnType<Connection['prepare']>) {
  const read = statement.columns.bind(statement)
  let columns: ReturnType<typeof read> | undefined
  statement.columns = () => (columns ??= read())
  return statement
}

/**
 * Keeps the prepared statements of an embedded (`file:`) client's connection. Give it a client
 * with one connection (`concurrency: 1`): a connection the client opens later, after dropping a
 * broken one, prepares as before.
 */
export async function cacheStatements(client: Client): Promise<void> {
  install()
  const join = `${joinCache} -- ${++state.joins}`
  await client.execute(join)
  const statements = state.joined.get(join)
  state.joined.delete(join)
  if (statements) byClient.set(client, statements)
}

/** How many statements a client's connection keeps; undefined for a client that keeps none. */
export function statementsKept(client: Client): number | undefined {
  return byClient.get(client)?.size
}
