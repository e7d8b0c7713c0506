import type { TestApp } from './app'
import { gql } from './http'

interface CountableClient {
  execute: (...args: never[]) => Promise<unknown>
  batch?: (statements: unknown[], ...rest: never[]) => Promise<unknown>
}

/** Under workerd the app's drizzle handle talks to D1, not this client: counts read 0 there. */
export const countsStatements = !(
  typeof navigator !== 'undefined' && navigator.userAgent === 'Cloudflare-Workers'
)

/**
 * Runs `work` and counts the SQL statements the app sends meanwhile (every `execute` and every
 * statement of a `batch` on the libSQL client under the app's drizzle handle). Node only: it
 * wraps the libSQL client in place.
 */
export async function countDuring<T>(
  t: TestApp,
  work: () => Promise<T>,
): Promise<{ statements: number; result: T }> {
  const client = t.client as unknown as CountableClient
  const { execute, batch } = client
  let statements = 0
  client.execute = (...args) => {
    statements++
    return execute.apply(client, args)
  }
  if (batch) {
    client.batch = (list, ...rest) => {
      statements += list.length
      return batch.apply(client, [list, ...rest])
    }
  }
  try {
    const result = await work()
    return { statements, result }
  } finally {
    client.execute = execute
    if (batch) client.batch = batch
  }
}

/**
 * Runs one GraphQL operation and counts the SQL statements the app sends for it, with the
 * operation's answer.
 */
export async function countStatements(
  t: TestApp,
  query: string,
  token: string,
): Promise<{ statements: number; data: any; errors: unknown }> {
  const { statements, result: res } = await countDuring(t, () => gql(t, query, {}, token))
  return { statements, data: res.data, errors: res.errors }
}
