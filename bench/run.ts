// `npm run bench [scenario…]`: runs every benchmark scenario (or the ones named), prints one
// table of rates, each compared with a baseline measured in the same run, and exits non-zero
// when a scenario breaks an invariant (overbooking, a split that does not sum) or does not complete.
// To add a scenario: a module in bench/ exporting `name` and `run(): Promise<Result>`, listed
// below.
import * as booking from './booking'
import * as settlementClose from './settlement-close'
import { opsPerSecond, type Result, type Scenario } from './scenario'

const scenarios: Scenario[] = [booking, settlementClose]

const wanted = process.argv.slice(2)
const unknown = wanted.filter((n) => !scenarios.some((s) => s.name === n))
if (unknown.length > 0) {
  console.error(`Unknown scenario ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name)}`)
  process.exit(2)
}
const selected = wanted.length > 0 ? scenarios.filter((s) => wanted.includes(s.name)) : scenarios

const done: { scenario: Scenario; result: Result }[] = []
const problems: string[] = []
for (const scenario of selected) {
  console.log(`▶ ${scenario.name}`)
  const started = performance.now()
  try {
    const result = await scenario.run()
    done.push({ scenario, result })
    problems.push(...result.failures.map((f) => `${scenario.name}: ${f}`))
    for (const m of result.measurements.filter((m) => (m.overbooked ?? 0) > 0)) {
      problems.push(`${scenario.name}: ${m.label} overbooked ${m.overbooked} units`)
    }
  } catch (error) {
    const why = error instanceof Error ? (error.stack ?? error.message) : String(error)
    problems.push(`${scenario.name} did not complete: ${why}`)
  }
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

const header =
  'scenario,measurement,operations,seconds,ops/s,vs baseline,confirmed,refused,overbooked'
const rows: string[][] = []
const lines: string[] = []
for (const { scenario, result } of done) {
  const base = result.measurements.find((m) => m.label === result.baseline)
  lines.push(`${scenario.name}:`)
  for (const m of result.measurements) {
    const ratio = base ? opsPerSecond(m) / opsPerSecond(base) : NaN
    rows.push([
      scenario.name,
      m.label,
      String(m.operations),
      m.seconds.toFixed(2),
      Math.round(opsPerSecond(m)).toLocaleString('en-US'),
      m === base ? 'baseline' : `${formatRatio(ratio)}×`,
      String(m.confirmed ?? '–'),
      String(m.refused ?? '–'),
      String(m.overbooked ?? '–'),
    ])
    if (base && m !== base) {
      lines.push(`  ${m.label} is ${formatRatio(ratio)}× the ${base.label} rate`)
    }
  }
  lines.push(...result.notes.map((n) => `  ${n}`))
}

const columns = header.split(',')
const widths = columns.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
const format = (cells: string[]) =>
  cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
if (rows.length > 0) {
  console.log()
  console.log(format(columns))
  console.log(widths.map((w) => '─'.repeat(w)).join('  '))
  for (const r of rows) console.log(format(r))
  console.log()
  for (const line of lines) console.log(line)
}

if (problems.length > 0) {
  console.error(`\n✗ ${problems.length} problem(s):`)
  for (const p of problems) console.error(`  ${p}`)
  process.exitCode = 1
} else {
  console.log('\n✓ every invariant held in every scenario')
}

function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return '–'
  return r < 0.1 ? r.toFixed(3) : r.toFixed(2)
}
