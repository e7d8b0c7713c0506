/**
 * Counts the SQL statements sent through a libSQL client, by wrapping its `execute` and `batch`
 * in place: drizzle keeps the client it was given, so every query the app makes passes here.
 */
import type { Client } from '@libsql/client'

/**
 * Calls `count(n)` with the number of statements of each `execute` (1) and `batch` (its length).
 * @example countStatementsOf(client, metrics.countStatements)
 */
export function countStatementsOf(client: Client, count: (n: number) => void): void {
  const { execute, batch } = client
  client.execute = ((...args: Parameters<Client['execute']>) => {
    count(1)
    return execute.apply(client, args)
  }) as Client['execute']
  client.batch = ((...args: Parameters<Client['batch']>) => {
    count(args[0].length)
    return batch.apply(client, args)
  }) as Client['batch']
}
