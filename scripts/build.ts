// `npm run build`: the Node server as one ES module, dist/node.js, so a production start loads
// plain JavaScript instead of compiling TypeScript each time. Our code (src, db, views) is
// bundled; packages stay imports from node_modules (native libSQL bindings, GraphiQL loaded on
// demand), so the build needs a production `npm ci` beside it and nothing else. The migrations
// are copied next to it: db/libsql.ts finds them relative to the module.
import { cpSync, rmSync } from 'node:fs'
import { build } from 'esbuild'

const started = performance.now()
for (const old of ['dist/node.js', 'dist/node.js.map', 'dist/migrations']) {
  rmSync(old, { recursive: true, force: true })
}
const result = await build({
  entryPoints: ['src/node.ts'],
  outfile: 'dist/node.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  // Native bindings and the on-demand GraphiQL page stay imports from node_modules.
  external: ['@libsql/client', '@graphql-yoga/render-graphiql'],
  // Bundled CommonJS packages require Node's built-ins; an ES module has no `require` of its own.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  // For reading a trace against the TypeScript sources: `NODE_OPTIONS=--enable-source-maps`
  // (positions only; the sources' text is not needed for that). Not on by default: Node decodes
  // the whole map of the bundle when it loads it, 85 MiB held for the process's life.
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
})
cpSync('db/migrations', 'dist/migrations', { recursive: true })

const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0
const ms = Math.round(performance.now() - started)
console.log(
  `dist/node.js: ${(bytes / 1024).toFixed(1)} KiB, migrations in dist/migrations (${ms} ms)`,
)
