// `npm run bench [-- --quick] [scenario…]`: runs every benchmark scenario (or the ones named) and
// prints one table: each measurement's rate (or size) beside its scenario's baseline measured in
// the same run, their ratio, and the scenario's invariant violations. Exits non-zero when a
// scenario breaks an invariant (overbooking, a split that does not sum, a wrong answer, a bundle
// over budget) or does not complete. `--quick` (or BENCH_QUICK=1) runs smaller workloads.
// To add a scenario: a module in bench/ exporting `name` and `run(): Promise<Result>`, listed
// below.
import * as booking from './booking'
import * as hubReceipts from './hub-receipts'
import * as returnsImport from './import'
import * as pageRender from './page-render'
import * as lists from './lists'
import { peerScenarios } from './peers'
import * as publicLookup from './public-lookup'
import {
  figure,
  opsPerSecond,
  quick,
  type Measurement,
  type Result,
  type Scenario,
} from './scenario'
import * as seed from './seed'
import * as settlementClose from './settlement-close'
import * as stationLookups from './stations'
import * as workerBundle from './worker-bundle'

const scenarios: Scenario[] = [
  booking,
  settlementClose,
  publicLookup,
  stationLookups,
  pageRender,
  workerBundle,
  seed,
  ...peerScenarios,
  lists,
  returnsImport,
  hubReceipts,
]

const wanted = process.argv.slice(2).filter((a) => a !== '--quick')
const unknown = wanted.filter((n) => !scenarios.some((s) => s.name === n))
if (unknown.length > 0) {
  console.error(`Unknown scenario ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name)}`)
  process.exit(2)
}
const selected = wanted.length > 0 ? scenarios.filter((s) => wanted.includes(s.name)) : scenarios
if (quick) console.log('Quick mode: smaller workloads (sizes below).')

const done: { scenario: Scenario; result: Result; violations: number }[] = []
const problems: string[] = []
const benchStarted = performance.now()
for (const scenario of selected) {
  console.log(`▶ ${scenario.name}`)
  const started = performance.now()
  try {
    const result = await scenario.run()
    const found = [...result.failures]
    for (const m of result.measurements.filter((m) => (m.overbooked ?? 0) > 0)) {
      found.push(`${m.label} overbooked ${m.overbooked} units`)
    }
    done.push({ scenario, result, violations: found.length })
    problems.push(...found.map((f) => `${scenario.name}: ${f}`))
  } catch (error) {
    const why = error instanceof Error ? (error.stack ?? error.message) : String(error)
    problems.push(`${scenario.name} did not complete: ${why}`)
  }
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

const shown = (m: Measurement) =>
  m.unit
    ? `${figure(m).toLocaleString('en-US')} ${m.unit}`
    : `${Math.round(opsPerSecond(m)).toLocaleString('en-US')} ops/s`

const columns = [
  'scenario',
  'measurement',
  'rate',
  'baseline',
  'baseline rate',
  'ratio',
  'violations',
]
const rows: string[][] = []
const lines: string[] = []
for (const { scenario, result, violations } of done) {
  const base = result.measurements.find((m) => m.label === result.baseline)
  lines.push(`${scenario.name}:`)
  for (const m of result.measurements.filter((m) => m !== base)) {
    rows.push([
      scenario.name,
      m.label,
      shown(m),
      base?.label ?? '–',
      base ? shown(base) : '–',
      base ? formatRatio(figure(m) / figure(base)) : '–',
      String(violations),
    ])
  }
  for (const m of result.measurements.filter((m) => !m.unit)) {
    const counts = [
      m.confirmed === undefined ? '' : `, ${m.confirmed} confirmed`,
      m.refused === undefined ? '' : `, ${m.refused} refused`,
      m.overbooked === undefined ? '' : `, ${m.overbooked} overbooked`,
    ].join('')
    lines.push(
      `  ${m.label}: ${m.operations.toLocaleString('en-US')} operations in ` +
        `${m.seconds.toFixed(2)} s${counts}`,
    )
  }
  lines.push(...result.notes.map((n) => `  ${n}`))
}

const widths = columns.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
const leftAligned = new Set([0, 1, 3])
const format = (cells: string[]) =>
  cells
    .map((c, i) => (leftAligned.has(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
    .join('  ')
    .trimEnd()
if (rows.length > 0) {
  console.log()
  console.log(format(columns))
  console.log(widths.map((w) => '─'.repeat(w)).join('  '))
  for (const r of rows) console.log(format(r))
  console.log()
  for (const line of lines) console.log(line)
}
console.log(`\nAll scenarios took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s.`)

if (problems.length > 0) {
  console.error(`\n✗ ${problems.length} problem(s):`)
  for (const p of problems) console.error(`  ${p}`)
  process.exitCode = 1
} else {
  console.log('✓ every invariant held in every scenario')
}

function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return '–'
  return r < 0.1 ? r.toFixed(3) : r.toFixed(2)
}
