import { createRequire } from 'node:module'
import { defineConfig } from 'vitest/config'

const require = createRequire(import.meta.url)

export default defineConfig({
  resolve: {
    // Vite would pick graphql's ESM build while graphql-yoga, loaded by Node, uses the CommonJS
    // one: two copies whose classes fail each other's instanceof checks. Node (tsx) and the
    // Worker bundle load a single copy, so tests must too.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // The Workers-runtime suite runs under workerd with its own config (npm run test:workers).
    exclude: ['test/runtime/**', 'node_modules/**'],
    setupFiles: ['test/helpers/close-test-apps.ts', 'test/helpers/memory-ceiling.ts'],
    // The heap stops where the RSS ceiling does, so a leak fails with an out-of-memory error.
    execArgv: ['--max-old-space-size=1536'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
