// `npm run build:worker`: bundles the Worker into dist/worker as `wrangler deploy` would, without
// uploading, and prints its size and largest inputs (scripts/worker-bundle.ts). Fails if it
// bundles anything in `forbiddenInputs` there.
import { bundleWorker, kib } from './worker-bundle'

try {
  // `--d1-only`: without the libSQL client (scripts/worker-bundle.ts, d1OnlyFlags).
  const bundle = bundleWorker('dist/worker', { d1Only: process.argv.includes('--d1-only') })
  for (const f of bundle.files) {
    console.log(`${f.path}: ${kib(f.rawBytes)} raw, ${kib(f.gzipBytes)} gzip`)
  }
  console.log(`Worker bundle: ${kib(bundle.rawBytes)} raw, ${kib(bundle.gzipBytes)} gzip`)
  console.log('Largest inputs (minified, before gzip):')
  for (const input of bundle.inputs.slice(0, 15)) {
    console.log(`  ${kib(input.bytes).padStart(10)}  ${input.name}`)
  }
  if (bundle.forbidden.length > 0) {
    throw new Error(`The Worker bundles what it must not: ${bundle.forbidden.join(', ')}`)
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
