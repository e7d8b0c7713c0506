// Stands in for `@libsql/client/web` in a D1-only Worker build (`npm run build:worker --
// --d1-only`, scripts/worker-bundle.ts aliases it), which leaves the libSQL client and its
// Hrana protocol out of the bundle. Setting LIBSQL_URL on such a Worker is a configuration
// error, reported like any other (the Worker answers 503 and logs why).
export function createClient(): never {
  throw new Error(
    'This Worker was built D1-only (--d1-only) and cannot open LIBSQL_URL: bind D1 as DB, or ' +
      'build and deploy without --d1-only to use remote libSQL',
  )
}
