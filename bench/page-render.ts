// Page render benchmark: a merchant's returns list (`GET /returns`, the page a merchant opens most)
// rendered through the whole app in process, against the reads it is built from:
//
//   page reads         what the page reads, called directly: the session lookup, then
//                      searchReturns (first page of 20), destinationHubs and listStations, as the
//                      route does — the floor for this page
//   trivial handler    a bare Hono app answering one small HTML string through app.request,
//                      the floor of the framework itself
//   /returns page      app.request with the merchant's session cookie: every middleware, the
//                      same reads, hono/jsx rendering of the layout and the list
//
// Time-boxed and interleaved like the peer scenarios (bench/sampling.ts). Then the real Node
// server is loaded with the same page over HTTP and its peak resident memory read (server-rss.ts).
// Every page must answer 200 with the merchant's newest return on it.
import { Hono } from 'hono'
import { demoUsers } from '../db/seed/seed'
import { actorForSession } from '../src/auth/service'
import { listStations } from '../src/network/service'
import { formatCode } from '../src/returns/code'
import { parseInput } from '../src/parse-input'
import { returnListQuerySchema, searchReturns } from '../src/returns/search'
import { destinationHubs } from '../src/returns/service'
import { benchApp, registerReturns } from './in-process'
import { asMeasurement, sampleInterleaved, sampling, spreadNote, type Candidate } from './sampling'
import { intFromEnv, quick, type Result } from './scenario'
import { serverMemoryUnderPageLoad } from './server-rss'

export const name = 'page-render'

/** The goal for the server's peak resident memory under this load (issue 24). */
const rssBudgetMiB = 300

const labels = {
  reads: 'page reads',
  trivial: 'trivial handler',
  page: '/returns page',
} as const

export async function run(): Promise<Result> {
  const renders = intFromEnv('BENCH_RENDERS', quick ? 500 : 3000)
  const clients = 4
  const returns = 60
  const merchant = demoUsers().find((u) => u.role === 'MERCHANT')!.email
  const b = await benchApp()
  let wrong = 0
  const examples: string[] = []
  const miss = (label: string, what: string) => {
    if (wrong++ < 3) examples.push(`${label}: ${what}`)
  }
  let sampled
  let bytes = 0
  try {
    const { actor, token } = await b.signIn(merchant, 'WEB')
    const codes = await registerReturns(b, actor, returns)
    const newest = codes.at(-1)!
    const shown = formatCode(newest)

    // The filters of a bare `/returns`, parsed as the route parses them.
    const { after: _after, ...filters } = parseInput(returnListQuerySchema, {})
    const options = { filters, first: 20 }
    const reads: Candidate = {
      label: labels.reads,
      body: async () => {
        const now = new Date()
        const a = await actorForSession(b.db, token, 'WEB', now)
        const [page] = await Promise.all([
          searchReturns(b.db, a, options, now, b.config.contactKey),
          destinationHubs(b.db, a),
          listStations(b.db, a),
        ])
        if (page.nodes[0]?.code !== newest) miss(labels.reads, `first is ${page.nodes[0]?.code}`)
      },
    }
    const bare = new Hono().get('/', (c) => c.html('<!doctype html><p>Returns</p>'))
    const trivial: Candidate = {
      label: labels.trivial,
      body: async () => {
        const res = await bare.request('http://bench.local/')
        if ((await res.text()).length === 0) miss(labels.trivial, 'empty body')
      },
    }
    const page: Candidate = {
      label: labels.page,
      body: async () => {
        const res = await b.app.request('http://bench.local/returns', {
          headers: { cookie: `nw_session=${token}` },
        })
        const html = await res.text()
        bytes = html.length
        if (res.status !== 200 || !html.includes(shown)) {
          miss(
            labels.page,
            `HTTP ${res.status}, newest return ${html.includes(shown) ? '' : 'not '}shown`,
          )
        }
      },
    }
    sampled = await sampleInterleaved([reads, trivial, page])
  } finally {
    await b.close()
  }

  console.log(`  the real server: ${renders} renders of /returns, ${clients} clients at once …`)
  const memory = await serverMemoryUnderPageLoad(merchant, renders, clients)
  const failures = wrong > 0 ? [`${wrong} renders were wrong: ${examples.join(' | ')}`] : []
  const memoryNotes: string[] = []
  if (memory) {
    failures.push(...memory.failures)
    memoryNotes.push(
      `Server memory (the production build, dist/node.js, over HTTP): peak RSS ` +
        `${memory.peakMiB.toFixed(0)} MiB (goal ≤ ${rssBudgetMiB} MiB), ` +
        `${memory.idleMiB.toFixed(0)} MiB before the load; ${memory.renders} renders in ` +
        `${memory.seconds.toFixed(1)} s (${Math.round(memory.renders / memory.seconds)}/s)`,
    )
    if (memory.peakMiB > rssBudgetMiB) {
      failures.push(`server peak RSS ${memory.peakMiB.toFixed(0)} MiB > ${rssBudgetMiB} MiB`)
    }
  } else memoryNotes.push('Server memory: not measured (needs /proc, Linux only)')
  return {
    measurements: sampled.map(asMeasurement),
    baseline: labels.reads,
    failures,
    notes: [
      `Workload: the merchant has ${returns} returns (the page lists 20); the page is ` +
        `${(bytes / 1024).toFixed(1)} KiB of HTML`,
      `${labels.page} / ${labels.reads} is what middleware and rendering cost on top of the reads`,
      `${sampling.rounds} interleaved rounds of ≥ ${sampling.secondsPerRound} s each after ` +
        `${sampling.warmupSeconds} s of warm-up; rates are the median round's`,
      ...sampled.map(spreadNote),
      ...memoryNotes,
    ],
  }
}
