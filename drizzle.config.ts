import type { Config } from 'drizzle-kit'

// `npm run db:generate` writes migrations from the schema; `npm run db:migrate` applies them to
// LIBSQL_URL (a remote libSQL/Turso database) or, by default, the embedded file database.
export default {
  dialect: 'turso',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: {
    url: process.env.LIBSQL_URL ?? process.env.DATABASE_URL ?? 'file:data/nestwork.db',
    authToken: process.env.LIBSQL_AUTH_TOKEN,
  },
} satisfies Config
