// Bundles the Worker exactly as `wrangler deploy` would, without uploading (no login needed), and
// measures it: Workers limit the compressed bundle, and a jump here flags a heavy import.
// Used by `npm run build:worker` and by the `worker-bundle` benchmark.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const wrangler = 'node_modules/.bin/wrangler'
/** esbuild's metafile, written beside the bundle: which input put how many bytes in it. */
const metafileName = 'bundle-meta.json'

export interface WorkerBundle {
  files: { path: string; rawBytes: number; gzipBytes: number }[]
  rawBytes: number
  gzipBytes: number
  /** Bytes each package (or source folder) puts into the bundle after minifying, largest first. */
  inputs: { name: string; bytes: number }[]
  /** Inputs that must never reach the Worker (see `forbiddenInputs`), found in this build. */
  forbidden: string[]
}

/**
 * What the Worker must not bundle: browser-side assets served as static files, GraphiQL (a
 * development page), graphql's CommonJS build beside its ES one (a second parser), zod's
 * chained build and its error-message locales (the app uses zod/mini with English only), and the
 * PDF library the label writer replaced.
 */
export const forbiddenInputs: { name: string; pattern: RegExp }[] = [
  {
    name: 'GraphiQL (@graphql-yoga/render-graphiql)',
    pattern: /node_modules\/@graphql-yoga\/render-graphiql\//,
  },
  { name: 'zxing-wasm', pattern: /node_modules\/zxing-wasm\// },
  { name: 'leaflet', pattern: /node_modules\/leaflet[^/]*\// },
  { name: 'htmx', pattern: /node_modules\/htmx\.org\// },
  { name: "graphql's CommonJS build", pattern: /node_modules\/graphql\/.*\.js$/ },
  // The app's schemas use zod/mini (src/zod.ts); the chained build brings JSON Schema with it.
  { name: "zod's chained build", pattern: /node_modules\/zod\/v4\/classic\// },
  {
    name: 'zod locales other than English',
    pattern: /node_modules\/zod\/v4\/locales\/(?!en\.js$)/,
  },
  { name: 'pdf-lib', pattern: /node_modules\/(pdf-lib|@pdf-lib|pako)\// },
]

/** The package (`zod`, `@libsql/client`) or source folder (`src/returns`) an input belongs to. */
function inputGroup(path: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  if (pkg) return pkg[1]!
  const parts = path.split('/').filter((p) => p !== '..' && p !== '.')
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.join('/')
}

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>
}

function analyse(metafile: Metafile): Pick<WorkerBundle, 'inputs' | 'forbidden'> {
  const groups = new Map<string, number>()
  const forbidden = new Set<string>()
  for (const [out, { inputs }] of Object.entries(metafile.outputs)) {
    if (!/\.m?js$/.test(out)) continue
    for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
      if (bytesInOutput === 0) continue
      groups.set(inputGroup(path), (groups.get(inputGroup(path)) ?? 0) + bytesInOutput)
      for (const f of forbiddenInputs) if (f.pattern.test(path)) forbidden.add(f.name)
    }
  }
  return {
    inputs: [...groups].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
    forbidden: [...forbidden],
  }
}

/**
 * A D1-only build replaces the libSQL client and its drizzle driver with stubs that refuse
 * LIBSQL_URL (src/worker-shims/d1-only/), for Workers that use D1 (the default binding). Deploy it with the
 * same flags: `npx wrangler deploy --env production` followed by these.
 */
export const d1OnlyFlags = [
  '--alias',
  '@libsql/client/web:./src/worker-shims/d1-only/libsql-client.ts',
  '--alias',
  'drizzle-orm/libsql/web:./src/worker-shims/d1-only/drizzle-libsql.ts',
]

/** Builds the Worker into `outdir` (emptied first) and returns its raw and gzip sizes. */
export function bundleWorker(
  outdir: string,
  options: { quiet?: boolean; d1Only?: boolean } = {},
): WorkerBundle {
  rmSync(outdir, { recursive: true, force: true })
  const run = spawnSync(
    wrangler,
    [
      'deploy',
      '--dry-run',
      '--env',
      'production',
      '--minify',
      '--outdir',
      outdir,
      '--metafile',
      join(outdir, metafileName),
      ...(options.d1Only ? d1OnlyFlags : []),
    ],
    {
      stdio: options.quiet ? 'pipe' : 'inherit',
      encoding: 'utf8',
      // Telemetry would try the network; the build must work offline.
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    },
  )
  if (run.error) throw run.error
  if (run.status !== 0) {
    throw new Error(`wrangler deploy --dry-run exited with ${run.status}\n${run.stderr ?? ''}`)
  }
  const files = readdirSync(outdir)
    .filter((f) => /\.m?js$/.test(f))
    .map((file) => {
      const code = readFileSync(join(outdir, file))
      const gzipBytes = gzipSync(code, { level: 9 }).length
      return { path: join(outdir, file), rawBytes: code.length, gzipBytes }
    })
  return {
    files,
    rawBytes: files.reduce((sum, f) => sum + f.rawBytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    ...analyse(JSON.parse(readFileSync(join(outdir, metafileName), 'utf8')) as Metafile),
  }
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
