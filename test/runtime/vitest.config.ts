import { fileURLToPath } from 'node:url'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('../..', import.meta.url))

export default defineConfig(async () => ({
  root,
  plugins: [
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
    include: ['test/runtime/**/*.test.ts'],
    setupFiles: ['test/runtime/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
}))
