// What every benchmark scenario hands back to bench/run.ts.

/** One timed run inside a scenario: a row of the summary table. */
export interface Measurement {
  label: string
  operations: number
  seconds: number
  /**
   * A figure other than a rate (a size, say) in `unit`; the table shows it instead of ops/s and
   * compares it with the baseline's.
   */
  value?: number
  unit?: string
  confirmed?: number
  refused?: number
  /** Units confirmed beyond capacity; anything above 0 fails the benchmark. */
  overbooked?: number
}

export interface Result {
  measurements: Measurement[]
  /** Label of the measurement the others are compared with; measured in the same run. */
  baseline: string
  /** Context printed under the table: the workload, latencies, where the rates come from. */
  notes: string[]
  /** Broken invariants; any makes `npm run bench` exit non-zero. */
  failures: string[]
}

export interface Scenario {
  name: string
  run(): Promise<Result>
}

export const opsPerSecond = (m: Measurement) => m.operations / m.seconds

/** The figure a measurement is compared by: its value if it has one, else its rate. */
export const figure = (m: Measurement) => m.value ?? opsPerSecond(m)

/** `npm run bench -- --quick` (or BENCH_QUICK=1): smaller default workloads, same checks. */
export const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1'

/** A positive integer from the environment, else `fallback` (the full or the quick size). */
export function intFromEnv(key: string, fallback: number, min = 1): number {
  const text = process.env[key]
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < min) throw new Error(`${key} must be an integer ≥ ${min}`)
  return value
}
