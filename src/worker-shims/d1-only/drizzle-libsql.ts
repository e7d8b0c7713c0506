// Stands in for `drizzle-orm/libsql/web` in a D1-only Worker build (see ./libsql-client.ts):
// never reached, since the stub client throws first.
export function drizzle(): never {
  throw new Error('This Worker was built D1-only (--d1-only): no libSQL driver in it')
}
