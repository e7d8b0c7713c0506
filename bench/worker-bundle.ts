// Worker bundle benchmark: the Worker built exactly as `npm run build:worker` builds it
// (scripts/worker-bundle.ts: wrangler deploy --dry-run --minify), its gzip size compared with a
// budget. Workers refuse a compressed bundle over 3 MiB on the free plan and start a smaller one
// sooner; the budget is 330 KiB (BENCH_WORKER_BUDGET_KIB), so a heavy import shows at once. The
// budget holds the D1-only build, the one a Worker on D1 deploys; the full build also carries the
// libSQL client for Turso and is reported beside it. The ratio is size / budget; a D1-only bundle
// over budget, or any build holding a forbidden input (GraphiQL, browser assets, a second graphql,
// zod locales: scripts/worker-bundle.ts), is a violation.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundleWorker, kib } from '../scripts/worker-bundle'
import { intFromEnv, type Result } from './scenario'

export const name = 'worker-bundle'

const labels = {
  budget: 'gzip budget',
  gzip: 'gzip bundle',
  d1Only: 'gzip bundle, D1 only',
} as const

export async function run(): Promise<Result> {
  const budgetKib = intFromEnv('BENCH_WORKER_BUDGET_KIB', 330)
  console.log(
    `  wrangler deploy --dry-run --minify, full and D1-only; budget ${budgetKib} KiB gzip …`,
  )
  const dir = await mkdtemp(join(tmpdir(), 'nestwork-bench-worker-'))
  try {
    const budget = budgetKib * 1024
    const builds = [
      { label: labels.gzip, d1Only: false },
      { label: labels.d1Only, d1Only: true },
    ].map(({ label, d1Only }) => {
      const started = performance.now()
      const bundle = bundleWorker(join(dir, d1Only ? 'd1' : 'full'), { quiet: true, d1Only })
      return { label, d1Only, bundle, seconds: (performance.now() - started) / 1000 }
    })
    return {
      measurements: [
        { label: labels.budget, operations: 1, seconds: 0, value: budgetKib, unit: 'KiB' },
        ...builds.map(({ label, bundle, seconds }) => ({
          label,
          operations: 1,
          seconds,
          value: Math.round((bundle.gzipBytes / 1024) * 10) / 10,
          unit: 'KiB',
        })),
      ],
      baseline: labels.budget,
      failures: builds.flatMap(({ label, d1Only, bundle }) => [
        ...(d1Only && bundle.gzipBytes > budget
          ? [`${label} is ${kib(bundle.gzipBytes)}, over its ${budgetKib} KiB budget`]
          : []),
        ...bundle.forbidden.map((name) => `${label} bundles ${name}`),
      ]),
      notes: builds.flatMap(({ label, bundle, seconds }) => [
        `${label}: built in ${seconds.toFixed(1)} s, ${kib(bundle.rawBytes)} raw, ` +
          `${kib(bundle.gzipBytes)} gzip (level 9) in ${bundle.files.length} file(s); ` +
          'ratio = gzip size / budget',
        `${label}, largest inputs (minified): ` +
          bundle.inputs
            .slice(0, 8)
            .map((i) => `${i.name} ${kib(i.bytes)}`)
            .join(', '),
      ]),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
