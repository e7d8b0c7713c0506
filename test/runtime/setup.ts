// Runs inside workerd before each test file: schema from the drizzle-kit migrations, then the
// demo alliance (cheap hashes; verification follows the count stored in each hash).
import { applyD1Migrations, env } from 'cloudflare:test'
import { drizzle } from 'drizzle-orm/d1'
import * as schema from '../../db/schema'
import { seedDemo } from '../../db/seed/seed'
import { pbkdf2Hasher } from '../../src/auth/password'

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
await seedDemo(drizzle(env.DB, { schema }), pbkdf2Hasher(1000))
