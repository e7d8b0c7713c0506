// Public lookup benchmark: a customer looks a return up by its code, with no sign-in, the two
// ways the app offers it, against the floor of reading that one row:
//
//   indexed SELECT         the return (and its station's name) by the unique code index
//   returnByCode (GraphQL) POST /graphql through the whole app in process (app.request)
//   /track page            GET /track?code=… through the whole app, rendered
//
// Lookups are limited per IP (30 a minute); each simulated customer here has an address of its
// own (`x-bench-ip`), so the limit is counted — in process, as the Node server counts those of
// its embedded file — but never refuses. Every answer must name the right return; a refusal or a wrong answer fails.
import { demoUsers } from '../db/seed/seed'
import { benchApp, customerIp, registerReturns, timedLoop } from './in-process'
import { intFromEnv, quick, type Measurement, type Result } from './scenario'

export const name = 'public-lookup'

const labels = {
  select: 'indexed SELECT',
  graphql: 'returnByCode (GraphQL)',
  track: '/track page',
} as const

const lookupQuery = `query ($code: String!) { returnByCode(code: $code) { code status stationName } }`

export async function run(): Promise<Result> {
  const lookups = intFromEnv('BENCH_LOOKUPS', quick ? 300 : 1_000)
  const returns = 200
  console.log(`  ${lookups} lookups of ${returns} returns each way (BENCH_LOOKUPS) …`)
  const b = await benchApp()
  try {
    const merchant = demoUsers().find((u) => u.role === 'MERCHANT')!.email
    const { actor } = await b.signIn(merchant, 'API')
    const codes = await registerReturns(b, actor, returns)
    const codeFor = (i: number) => codes[(i * 7) % codes.length]!
    let wrong = 0
    const examples: string[] = []
    const miss = (label: string, i: number, got: string) => {
      if (wrong++ < 3) examples.push(`${label}: lookup of ${codeFor(i)} answered ${got}`)
    }
    let ip = 0

    const select = async (i: number) => {
      const { rows } = await b.stock.execute({
        sql: `select r.code, r.status, s.name as station from returns r
              left join stations s on s.id = r.station_id where r.code = ?`,
        args: [codeFor(i)],
      })
      if (rows[0]?.code !== codeFor(i)) miss(labels.select, i, JSON.stringify(rows[0]))
    }
    const graphql = async (i: number) => {
      const res = await b.app.request('http://bench.local/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bench-ip': customerIp(ip++) },
        body: JSON.stringify({ query: lookupQuery, variables: { code: codeFor(i) } }),
      })
      const body = (await res.json()) as { data?: { returnByCode?: { code: string } | null } }
      if (res.status !== 200 || body.data?.returnByCode?.code !== codeFor(i)) {
        miss(labels.graphql, i, `HTTP ${res.status} ${JSON.stringify(body).slice(0, 200)}`)
      }
    }
    const track = async (i: number) => {
      const res = await b.app.request(`http://bench.local/track?code=${codeFor(i)}`, {
        headers: { 'x-bench-ip': customerIp(ip++) },
      })
      const html = await res.text()
      if (res.status !== 200 || !html.includes(codeFor(i))) {
        miss(labels.track, i, `HTTP ${res.status}`)
      }
    }

    const measurements: Measurement[] = []
    for (const [label, body] of [
      [labels.select, select],
      [labels.graphql, graphql],
      [labels.track, track],
    ] as const) {
      await timedLoop(Math.ceil(lookups / 10), body) // warm-up, checked like the rest
      const seconds = await timedLoop(lookups, body)
      measurements.push({ label, operations: lookups, seconds })
    }
    const failures = wrong > 0 ? [`${wrong} lookups answered wrong: ${examples.join(' | ')}`] : []
    return {
      measurements,
      baseline: labels.select,
      failures,
      notes: [
        `Workload: ${lookups} lookups each way, in sequence, over ${returns} registered returns; ` +
          `each HTTP lookup from its own client IP, so the per-IP limit (30/min) counts every ` +
          `lookup (in process, as the Node server does) but refuses none`,
        `${labels.select}: @libsql/client execute of the SELECT by code, no rate limit, no HTTP`,
        `${labels.graphql} and ${labels.track}: app.request() through every middleware ` +
          `(request id, security headers, yoga or the page renderer), no network`,
      ],
    }
  } finally {
    await b.close()
  }
}
