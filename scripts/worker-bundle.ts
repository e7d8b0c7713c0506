// Bundles the Worker exactly as `wrangler deploy` would, without uploading (no login needed), and
// measures it: Workers limit the compressed bundle, and a jump here flags a heavy import.
// Used by `npm run build:worker` and by the `worker-bundle` benchmark.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const wrangler = 'node_modules/.bin/wrangler'

export interface WorkerBundle {
  files: { path: string; rawBytes: number; gzipBytes: number }[]
  rawBytes: number
  gzipBytes: number
}

/** Builds the Worker into `outdir` (emptied first) and returns its raw and gzip sizes. */
export function bundleWorker(outdir: string, options: { quiet?: boolean } = {}): WorkerBundle {
  rmSync(outdir, { recursive: true, force: true })
  const run = spawnSync(
    wrangler,
    ['deploy', '--dry-run', '--env', 'production', '--minify', '--outdir', outdir],
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
  }
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
