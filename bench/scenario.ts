// What every benchmark scenario hands back to bench/run.ts.

/** One timed run inside a scenario: a row of the summary table. */
export interface Measurement {
  label: string
  operations: number
  seconds: number
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
