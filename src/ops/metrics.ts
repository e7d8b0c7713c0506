/**
 * Prometheus metrics for the Node server, kept in memory and written in the text exposition
 * format at each scrape. Node only: a Worker has many short-lived isolates, each of which would
 * count a sliver (use Workers' own analytics there), and nothing imports this from the Worker
 * entry, so it is not in the Worker bundle. Written here rather than kept as a dependency: three
 * metric kinds and their text format are all that is used.
 */
import type { JobOutcome } from '../scheduled/jobs'
import type { RequestRecord } from './access-log'

/** Seconds; from a static file's few milliseconds to a month's close. */
const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

interface Series {
  labels: string
  counts: number[]
  sum: number
  count: number
}

export interface Gauge {
  name: string
  help: string
  value: number
}

export interface Metrics {
  observeRequest(record: RequestRecord): void
  observeJob(outcome: JobOutcome): void
  countStatements(n: number): void
  /** The exposition text, with `gauges` measured at scrape time (the database size) appended. */
  render(gauges?: Gauge[]): string
}

/**
 * An empty set of the server's metrics.
 * @example const metrics = createMetrics(); app.use(accessLog(metrics.observeRequest))
 */
export function createMetrics(): Metrics {
  const requests = new Map<string, Series>()
  const jobRuns = new Map<string, number>()
  const jobChanges = new Map<string, number>()
  let statements = 0

  return {
    observeRequest(r) {
      const labels = labelText({ route: r.route, method: r.method, status: String(r.status) })
      let series = requests.get(labels)
      if (!series) {
        series = { labels, counts: buckets.map(() => 0), sum: 0, count: 0 }
        requests.set(labels, series)
      }
      const seconds = r.durationMs / 1000
      buckets.forEach((le, i) => {
        if (seconds <= le) series.counts[i]!++
      })
      series.sum += seconds
      series.count++
    },
    observeJob(o) {
      const outcome = o.error === undefined ? 'ok' : 'error'
      const runs = labelText({ job: o.name, outcome })
      jobRuns.set(runs, (jobRuns.get(runs) ?? 0) + 1)
      const changes = labelText({ job: o.name })
      jobChanges.set(changes, (jobChanges.get(changes) ?? 0) + (o.changed ?? 0))
    },
    countStatements(n) {
      statements += n
    },
    render(gauges = []) {
      const out: string[] = []
      head(
        out,
        'nestwork_http_request_duration_seconds',
        'histogram',
        'Time from a request’s arrival to its answer, by route pattern, method and status.',
      )
      for (const s of requests.values()) {
        buckets.forEach((le, i) => {
          out.push(
            `nestwork_http_request_duration_seconds_bucket{${s.labels},le="${le}"} ${s.counts[i]}`,
          )
        })
        out.push(`nestwork_http_request_duration_seconds_bucket{${s.labels},le="+Inf"} ${s.count}`)
        out.push(`nestwork_http_request_duration_seconds_sum{${s.labels}} ${s.sum}`)
        out.push(`nestwork_http_request_duration_seconds_count{${s.labels}} ${s.count}`)
      }
      head(
        out,
        'nestwork_db_statements_total',
        'counter',
        'SQL statements sent to the database (each statement of a batch counts).',
      )
      out.push(`nestwork_db_statements_total ${statements}`)
      head(out, 'nestwork_job_runs_total', 'counter', 'Scheduled job runs, by job and outcome.')
      for (const [labels, n] of jobRuns) out.push(`nestwork_job_runs_total{${labels}} ${n}`)
      head(
        out,
        'nestwork_job_changes_total',
        'counter',
        'Things the scheduled jobs changed, by job.',
      )
      for (const [labels, n] of jobChanges) out.push(`nestwork_job_changes_total{${labels}} ${n}`)
      for (const g of gauges) {
        head(out, g.name, 'gauge', g.help)
        out.push(`${g.name} ${g.value}`)
      }
      return out.join('\n') + '\n'
    },
  }
}

function head(out: string[], name: string, type: string, help: string) {
  out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`)
}

/** `a="x",b="y"` with the format's escapes (backslash, quote, newline). */
function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(
      ([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
    )
    .join(',')
}
