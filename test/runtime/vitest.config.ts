import { fileURLToPath } from 'node:url'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig, type Plugin } from 'vitest/config'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Under workerd, `createTestApp()` opens a fresh D1 and R2 instead of libSQL and memory. */
function testStorageOnWorkers(): Plugin {
  return {
    name: 'nestwork-test-storage-on-workers',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === './test-storage' && importer?.endsWith('/test/helpers/app.ts')) {
        return `${root}test/runtime/test-storage.ts`
      }
    },
  }
}

/**
 * The modules wrangler.toml's [alias] swaps for the Worker build, swapped here too, so the suites
 * run on the copy the Worker reads from its assets and on its description-free SDL.
 */
function workerBuildAliases(): Plugin {
  const aliases: Record<string, [importer: string, replacement: string]> = {
    './catalogues-bundled': ['/src/i18n/index.ts', 'src/worker-shims/catalogues-from-assets.ts'],
    './type-defs.generated.json': [
      '/src/graphql/schema.ts',
      'src/graphql/type-defs.bare.generated.json',
    ],
  }
  return {
    name: 'nestwork-worker-build-aliases',
    enforce: 'pre',
    resolveId(id, importer) {
      const alias = aliases[id]
      if (alias && importer?.endsWith(alias[0])) return `${root}${alias[1]}`
    },
  }
}

export default defineConfig(async () => ({
  root,
  plugins: [
    testStorageOnWorkers(),
    workerBuildAliases(),
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
    setupFiles: ['test/runtime/setup.ts', 'test/helpers/close-test-apps.ts'],
    // D1 under workerd is slower than libSQL in memory, most of all for the concurrency tests.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
}))
