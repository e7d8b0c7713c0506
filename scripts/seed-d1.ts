// `npm run dev:worker`, step 2: seeds the demo alliance into the local D1 that `wrangler dev`
// serves (wrangler.toml's top level, kept under .wrangler/), after step 1 applied the migrations.
// Like the Node start-up seed it runs once: a database that holds the demo is left as it is.
// Passwords are PBKDF2 at Workers' ceiling, the only hash a Worker can verify.
import { drizzle } from 'drizzle-orm/d1'
import { getPlatformProxy } from 'wrangler'
import * as schema from '../db/schema'
import { demoPassword, seedDemo } from '../db/seed/seed'
import { pbkdf2Hasher } from '../src/auth/password'
import { withD1Batch } from '../src/d1'
import type { Db } from '../src/db'
import type { Env } from '../src/worker'

const proxy = await getPlatformProxy<Env>()
try {
  const d1 = proxy.env.DB!
  // The proxy's D1Database and the Worker's imported workers-types name the same binding.
  const db = withD1Batch(drizzle(d1, { schema }), d1) as unknown as Db
  const seeded = await seedDemo(db, pbkdf2Hasher())
  console.log(
    seeded
      ? `Local D1 seeded with the demo alliance (every password "${demoPassword}").`
      : 'Local D1 already holds the demo alliance.',
  )
} finally {
  await proxy.dispose()
}
