// `npm run build:worker`: bundles the Worker into dist/worker as `wrangler deploy` would, without
// uploading, and prints its size (scripts/worker-bundle.ts).
import { bundleWorker, kib } from './worker-bundle'

try {
  const bundle = bundleWorker('dist/worker')
  for (const f of bundle.files) {
    console.log(`${f.path}: ${kib(f.rawBytes)} raw, ${kib(f.gzipBytes)} gzip`)
  }
  console.log(`Worker bundle: ${kib(bundle.rawBytes)} raw, ${kib(bundle.gzipBytes)} gzip`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
