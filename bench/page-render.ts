// Page render benchmark: a merchant's returns list (`GET /returns`, the page a merchant opens most)
// rendered through the whole app in process, against the reads it is built from:
//
//   page reads         what the page reads, called directly: the session lookup, listReturns
//                      (first page of 20) and destinationHubs — the floor for this page
//   trivial handler    a bare Hono app answering one small HTML string through app.request,
//                      the floor of the framework itself
//   /returns page      app.request with the merchant's session cookie: every middleware, the
//                      same reads, hono/jsx rendering of the layout and the list
//
// Every page must answer 200 with the merchant's newest return on it.
import { Hono } from 'hono'
import { demoUsers } from '../db/seed/seed'
import { actorForSession } from '../src/auth/service'
import { formatCode } from '../src/returns/code'
import { destinationHubs, listReturns } from '../src/returns/service'
import { benchApp, registerReturns, timedLoop } from './in-process'
import { intFromEnv, quick, type Measurement, type Result } from './scenario'

export const name = 'page-render'

const labels = {
  reads: 'page reads',
  trivial: 'trivial handler',
  page: '/returns page',
} as const

export async function run(): Promise<Result> {
  const renders = intFromEnv('BENCH_RENDERS', quick ? 200 : 500)
  const returns = 60
  console.log(`  ${renders} renders each way (BENCH_RENDERS) …`)
  const b = await benchApp()
  try {
    const merchant = demoUsers().find((u) => u.role === 'MERCHANT')!.email
    const { actor, token } = await b.signIn(merchant, 'WEB')
    const codes = await registerReturns(b, actor, returns)
    const newest = codes.at(-1)!
    const shown = formatCode(newest)
    let wrong = 0
    const examples: string[] = []
    const miss = (label: string, what: string) => {
      if (wrong++ < 3) examples.push(`${label}: ${what}`)
    }

    const reads = async () => {
      const a = await actorForSession(b.db, token, 'WEB', new Date())
      const [page] = await Promise.all([
        listReturns(b.db, a, { first: 20 }),
        destinationHubs(b.db, a),
      ])
      if (page.nodes[0]?.code !== newest) miss(labels.reads, `first is ${page.nodes[0]?.code}`)
    }
    const bare = new Hono().get('/', (c) => c.html('<!doctype html><p>Returns</p>'))
    const trivial = async () => {
      const res = await bare.request('http://bench.local/')
      if ((await res.text()).length === 0) miss(labels.trivial, 'empty body')
    }
    const page = async () => {
      const res = await b.app.request('http://bench.local/returns', {
        headers: { cookie: `nw_session=${token}` },
      })
      const html = await res.text()
      if (res.status !== 200 || !html.includes(shown)) {
        miss(
          labels.page,
          `HTTP ${res.status}, newest return ${html.includes(shown) ? '' : 'not '}shown`,
        )
      }
    }

    const measurements: Measurement[] = []
    for (const [label, body] of [
      [labels.reads, reads],
      [labels.trivial, trivial],
      [labels.page, page],
    ] as const) {
      await timedLoop(Math.ceil(renders / 10), body)
      const seconds = await timedLoop(renders, body)
      measurements.push({ label, operations: renders, seconds })
    }
    const sample = await b.app.request('http://bench.local/returns', {
      headers: { cookie: `nw_session=${token}` },
    })
    const bytes = (await sample.text()).length
    return {
      measurements,
      baseline: labels.reads,
      failures: wrong > 0 ? [`${wrong} renders were wrong: ${examples.join(' | ')}`] : [],
      notes: [
        `Workload: ${renders} renders each way, in sequence; the merchant has ${returns} returns ` +
          `(the page lists 20); the page is ${(bytes / 1024).toFixed(1)} KiB of HTML`,
        `${labels.page} / ${labels.reads} is what middleware and rendering cost on top of the reads`,
      ],
    }
  } finally {
    await b.close()
  }
}
