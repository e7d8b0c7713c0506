// Time-boxed, interleaved sampling for comparing a path with its bare peer: each candidate runs
// for at least `seconds` per round, the candidates take turns round after round (so a slow spell
// of the machine falls on all of them), and each one's figure is the median of its rounds, with
// the spread (slowest and fastest round) printed beside it.
import { quick, type Measurement } from './scenario'

export interface Candidate {
  label: string
  /** One operation; it checks its own answer and counts what was wrong. */
  body: (i: number) => Promise<void>
}

export interface Sampled {
  label: string
  /** Operations per second of each round, in the order run. */
  rates: number[]
  median: number
  operations: number
  seconds: number
}

export const sampling = {
  rounds: quick ? 3 : 5,
  secondsPerRound: quick ? 0.5 : 2,
  warmupSeconds: quick ? 0.2 : 0.5,
}

async function timeBox(body: (i: number) => Promise<void>, seconds: number, start: number) {
  const started = performance.now()
  const until = started + seconds * 1000
  let i = start
  while (performance.now() < until) await body(i++)
  return { operations: i - start, seconds: (performance.now() - started) / 1000 }
}

const medianOf = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Warms every candidate up, then runs `rounds` interleaved rounds of each. */
export async function sampleInterleaved(candidates: Candidate[]): Promise<Sampled[]> {
  const next = candidates.map(() => 0)
  for (const [k, c] of candidates.entries()) {
    next[k]! += (await timeBox(c.body, sampling.warmupSeconds, next[k]!)).operations
  }
  const rounds = candidates.map(() => [] as { operations: number; seconds: number }[])
  for (let r = 0; r < sampling.rounds; r++) {
    // Alternate who goes first, so neither always runs on a freshly idle machine.
    const order = candidates.map((_, k) => k)
    if (r % 2 === 1) order.reverse()
    for (const k of order) {
      const run = await timeBox(candidates[k]!.body, sampling.secondsPerRound, next[k]!)
      next[k]! += run.operations
      rounds[k]!.push(run)
    }
  }
  return candidates.map((c, k) => {
    const rates = rounds[k]!.map((r) => r.operations / r.seconds)
    const median = medianOf(rates)
    const operations = rounds[k]!.reduce((n, r) => n + r.operations, 0)
    const seconds = rounds[k]!.reduce((n, r) => n + r.seconds, 0)
    return { label: c.label, rates, median, operations, seconds }
  })
}

/**
 * A row of the summary table whose rate is the median round's, not the mean of all rounds: the
 * operations are all of them, the seconds what they would take at the median rate.
 */
export const asMeasurement = (s: Sampled): Measurement => ({
  label: s.label,
  operations: s.operations,
  seconds: s.operations / s.median,
})

/** `label: median 1,234 ops/s over 5 rounds of ≥ 2 s (spread 1,100–1,300, ±5 %)`. */
export function spreadNote(s: Sampled): string {
  const n = (v: number) => Math.round(v).toLocaleString('en-US')
  const low = Math.min(...s.rates)
  const high = Math.max(...s.rates)
  const half = ((high - low) / 2 / s.median) * 100
  return (
    `${s.label}: median ${n(s.median)} ops/s over ${s.rates.length} rounds of ≥ ` +
    `${sampling.secondsPerRound} s (spread ${n(low)}–${n(high)}, ±${half.toFixed(0)} %; ` +
    `${s.operations.toLocaleString('en-US')} operations in ${s.seconds.toFixed(1)} s)`
  )
}
