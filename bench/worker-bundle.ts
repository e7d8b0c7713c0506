// Worker bundle benchmark: the Worker built exactly as `npm run build:worker` builds it
// (scripts/worker-bundle.ts: wrangler deploy --dry-run --minify), its gzip size compared with a
// budget. Workers refuse a compressed bundle over 3 MiB on the free plan and start a smaller one
// sooner; the budget is 330 KiB (BENCH_WORKER_BUDGET_KIB), so a heavy import shows at once. The
// ratio is size / budget; a bundle over budget, or one holding a forbidden input (GraphiQL,
// browser assets, a second graphql, zod locales: scripts/worker-bundle.ts), is a violation.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundleWorker, kib } from '../scripts/worker-bundle'
import { intFromEnv, type Result } from './scenario'

export const name = 'worker-bundle'

const labels = { budget: 'gzip budget', gzip: 'gzip bundle' } as const

export async function run(): Promise<Result> {
  const budgetKib = intFromEnv('BENCH_WORKER_BUDGET_KIB', 330)
  console.log(`  wrangler deploy --dry-run --minify; budget ${budgetKib} KiB gzip …`)
  const dir = await mkdtemp(join(tmpdir(), 'nestwork-bench-worker-'))
  try {
    const started = performance.now()
    const bundle = bundleWorker(dir, { quiet: true })
    const seconds = (performance.now() - started) / 1000
    const budget = budgetKib * 1024
    return {
      measurements: [
        { label: labels.budget, operations: 1, seconds, value: budgetKib, unit: 'KiB' },
        {
          label: labels.gzip,
          operations: 1,
          seconds,
          value: Math.round((bundle.gzipBytes / 1024) * 10) / 10,
          unit: 'KiB',
        },
      ],
      baseline: labels.budget,
      failures: [
        ...(bundle.gzipBytes > budget
          ? [`the Worker bundle is ${kib(bundle.gzipBytes)} gzip, over its ${budgetKib} KiB budget`]
          : []),
        ...bundle.forbidden.map((name) => `the Worker bundles ${name}`),
      ],
      notes: [
        `Built in ${seconds.toFixed(1)} s: ${kib(bundle.rawBytes)} raw, ${kib(bundle.gzipBytes)} ` +
          `gzip (level 9) in ${bundle.files.length} file(s); ratio = gzip size / budget`,
        'Largest inputs (minified): ' +
          bundle.inputs
            .slice(0, 8)
            .map((i) => `${i.name} ${kib(i.bytes)}`)
            .join(', '),
      ],
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
