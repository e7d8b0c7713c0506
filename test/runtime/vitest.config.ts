import { fileURLToPath } from 'node:url'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig, type Plugin } from 'vitest/config'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Under workerd, `createTestApp()` opens a fresh D1 instead of libSQL in memory. */
function testDbOnD1(): Plugin {
  return {
    name: 'nestwork-test-db-on-d1',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === './test-db' && importer?.endsWith('/test/helpers/app.ts')) {
        return `${root}test/runtime/test-db.ts`
      }
    },
  }
}

export default defineConfig(async () => ({
  root,
  plugins: [
    testDbOnD1(),
    cloudflareTest({
      main: './src/worker.ts',
      // The real wrangler.toml, so the tests exercise its D1 and ASSETS bindings (run locally).
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          NODE_ENV: 'test',
          TEST_MIGRATIONS: await readD1Migrations(`${root}/db/migrations`),
        },
      },
    }),
  ],
  test: {
    include: ['test/runtime/**/*.test.ts', 'test/integration/*.test.ts', 'test/graphql/*.test.ts'],
    setupFiles: ['test/runtime/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
}))
