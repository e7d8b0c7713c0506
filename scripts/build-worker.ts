// Bundles the Worker exactly as `wrangler deploy` would, without uploading (no login needed), and
// reports its size: Workers limit the compressed bundle, and a jump here flags a heavy import.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const outdir = 'dist/worker'
const wrangler = 'node_modules/.bin/wrangler'

rmSync(outdir, { recursive: true, force: true })
const run = spawnSync(wrangler, ['deploy', '--dry-run', '--minify', '--outdir', outdir], {
  stdio: 'inherit',
  // Telemetry would try the network; the build must work offline.
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
})
if (run.error) throw run.error
if (run.status !== 0) process.exit(run.status ?? 1)

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
let raw = 0
let gzip = 0
for (const file of readdirSync(outdir).filter((f) => /\.m?js$/.test(f))) {
  const code = readFileSync(join(outdir, file))
  const zipped = gzipSync(code, { level: 9 }).length
  raw += code.length
  gzip += zipped
  console.log(`${join(outdir, file)}: ${kib(code.length)} raw, ${kib(zipped)} gzip`)
}
console.log(`Worker bundle: ${kib(raw)} raw, ${kib(gzip)} gzip`)
