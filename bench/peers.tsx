// The request paths against bare peers built here and measured in the same run, in process
// (app.request / fetch handlers, no sockets), time-boxed and interleaved (bench/sampling.ts):
//
//   booking-peer  bookHubCapacity over GraphQL through the whole app, against Hono + yoga + the
//                 libSQL client doing only the booking's conditional INSERT
//   lookup-peer   returnByCode through the whole app, against yoga + one indexed SELECT
//   track-peer    the /track page through the whole app, against Hono + one SELECT + hono/jsx
//
// Every answer is checked (the booking confirmed, the right return named); a wrong one fails.
import { Hono } from 'hono'
import { createSchema, createYoga } from 'graphql-yoga'
import { demoHubs } from '../db/seed/demo-data'
import { demoUsers } from '../db/seed/seed'
import { settingsOn } from '../src/alliance/settings'
import { setHubCapacity } from '../src/booking/service'
import { addDays, localDate } from '../src/calendar/local-date'
import { newId } from '../src/ids'
import { conditionalInsert } from './booking'
import { benchApp, customerIp, registerReturns, type BenchApp } from './in-process'
import { asMeasurement, sampleInterleaved, sampling, spreadNote, type Candidate } from './sampling'
import type { Result, Scenario } from './scenario'

const merchantEmail = demoUsers().find((u) => u.role === 'MERCHANT')!.email
const coordinatorEmail = demoUsers().find((u) => u.role === 'COORDINATOR')!.email

/** Checks answers and fails the scenario with the first few wrong ones. */
function checker() {
  let wrong = 0
  const examples: string[] = []
  return {
    miss(label: string, what: string) {
      if (wrong++ < 3) examples.push(`${label}: ${what}`)
    },
    failures: () => (wrong > 0 ? [`${wrong} answers wrong: ${examples.join(' | ')}`] : []),
  }
}

/**
 * A JSON body's headers as an HTTP client sends them, its length included: the Node server hands
 * the app the request's own Content-Length, where a Request built in process has none, and a body
 * of unknown length is read whole by the body limit before anything else may read it.
 */
const jsonHeaders = (body: unknown) => ({
  'content-type': 'application/json',
  'content-length': String(new TextEncoder().encode(JSON.stringify(body)).length),
})

const method = [
  `${sampling.rounds} interleaved rounds of ≥ ${sampling.secondsPerRound} s each way after ` +
    `${sampling.warmupSeconds} s of warm-up; rates are the median round's`,
]

async function compare(
  b: BenchApp,
  peer: Candidate,
  app: Candidate,
  check: ReturnType<typeof checker>,
  notes: string[],
): Promise<Result> {
  try {
    const sampled = await sampleInterleaved([peer, app])
    return {
      measurements: sampled.map(asMeasurement),
      baseline: peer.label,
      failures: check.failures(),
      notes: [...notes, ...method, ...sampled.map(spreadNote)],
    }
  } finally {
    await b.close()
  }
}

const bookMutation = `mutation ($input: BookHubCapacityInput!) {
  bookHubCapacity(input: $input) { id status } }`

export const bookingPeer: Scenario = {
  name: 'booking-peer',
  async run() {
    const b = await benchApp()
    const check = checker()
    const { actor: coordinator } = await b.signIn(coordinatorEmail, 'API')
    const { actor: merchant, token } = await b.signIn(merchantEmail, 'API')
    const date = addDays(localDate(new Date()), 3)
    // Room for every booking of the run: the measured work is a booking that fits.
    const capacityUnits = 1_000_000
    const [peerHub, appHub] = [demoHubs[0]!.id, demoHubs[1]!.id]
    for (const hubId of [peerHub, appHub]) {
      await setHubCapacity(b.db, coordinator, { hubId, date, capacityUnits }, new Date())
    }
    const { maxShareOfHubDayBp: bp } = await settingsOn(b.db, coordinator.allianceId, date)
    const run = newId('run', 8)

    const yoga = createYoga({
      graphiql: false,
      landingPage: false,
      schema: createSchema({
        typeDefs: /* GraphQL */ `
          type Booking {
            id: ID!
            status: String!
          }
          type Query {
            ok: Boolean
          }
          type Mutation {
            book(hubId: ID!, date: String!, units: Int!, key: String!): Booking
          }
        `,
        resolvers: {
          Mutation: {
            book: async (
              _: unknown,
              a: { hubId: string; date: string; units: number; key: string },
            ) => {
              const id = newId('bkg')
              const at = new Date().toISOString()
              const args = {
                id,
                merchant: merchant.merchantId!,
                hub: a.hubId,
                date: a.date,
                units: a.units,
                key: a.key,
                waitlist: 0,
                user: merchant.userId,
                at,
                bp,
              }
              const { rowsAffected } = await b.stock.execute({ sql: conditionalInsert, args })
              return rowsAffected === 1 ? { id, status: 'CONFIRMED' } : null
            },
          },
        },
      }),
    })
    const bare = new Hono().on(['GET', 'POST'], '/graphql', (c) => yoga.fetch(c.req.raw))
    const post = (app: { request: Hono['request'] }, body: unknown, auth?: string) =>
      app.request('http://bench.local/graphql', {
        method: 'POST',
        headers: {
          ...jsonHeaders(body),
          ...(auth ? { authorization: `Bearer ${auth}` } : {}),
        },
        body: JSON.stringify(body),
      })
    const peerQuery = `mutation ($h: ID!, $d: String!, $u: Int!, $k: String!) {
      book(hubId: $h, date: $d, units: $u, key: $k) { id status } }`
    const peer: Candidate = {
      label: 'Hono + yoga + INSERT',
      body: async (i) => {
        const variables = { h: peerHub, d: date, u: 1, k: `${run}-peer-${i}` }
        const res = await post(bare, { query: peerQuery, variables })
        const body = (await res.json()) as { data?: { book?: { status: string } | null } }
        if (body.data?.book?.status !== 'CONFIRMED') check.miss('peer', JSON.stringify(body))
      },
    }
    const app: Candidate = {
      label: 'bookHubCapacity (GraphQL)',
      body: async (i) => {
        const input = { hubId: appHub, date, units: 1, idempotencyKey: `${run}-app-${i}` }
        const res = await post(b.app, { query: bookMutation, variables: { input } }, token)
        const body = (await res.json()) as { data?: { bookHubCapacity?: { status: string } } }
        if (body.data?.bookHubCapacity?.status !== 'CONFIRMED') {
          check.miss('app', `HTTP ${res.status} ${JSON.stringify(body).slice(0, 200)}`)
        }
      },
    }
    return compare(b, peer, app, check, [
      `Workload: one merchant books 1 unit at a time, in sequence, on a hub-day with room for ` +
        `all; the peer runs the same conditional INSERT (triggers active) from a yoga resolver ` +
        `behind Hono, with no session, no validation and no other read`,
    ])
  },
}

/** A registered return's code and what the public lookups must answer for it. */
async function lookupFixture() {
  const b = await benchApp()
  const { actor } = await b.signIn(merchantEmail, 'API')
  const codes = await registerReturns(b, actor, 200)
  return { b, codeFor: (i: number) => codes[(i * 7) % codes.length]! }
}

const selectByCode = `select r.code, r.status, s.name as station from returns r
  left join stations s on s.id = r.station_id where r.code = ?`

export const lookupPeer: Scenario = {
  name: 'lookup-peer',
  async run() {
    const { b, codeFor } = await lookupFixture()
    const check = checker()
    const yoga = createYoga({
      graphiql: false,
      landingPage: false,
      schema: createSchema({
        typeDefs: /* GraphQL */ `
          type PublicReturn {
            code: String!
            status: String!
            stationName: String
          }
          type Query {
            returnByCode(code: String!): PublicReturn
          }
        `,
        resolvers: {
          Query: {
            returnByCode: async (_: unknown, { code }: { code: string }) => {
              const { rows } = await b.stock.execute({ sql: selectByCode, args: [code] })
              const row = rows[0]
              return row ? { code: row.code, status: row.status, stationName: row.station } : null
            },
          },
        },
      }),
    })
    const query = `query ($code: String!) { returnByCode(code: $code) { code status stationName } }`
    const ask = (fetch: (r: Request) => Response | Promise<Response>, label: string) => {
      return async (i: number) => {
        const sent = { query, variables: { code: codeFor(i) } }
        const req = new Request('http://bench.local/graphql', {
          method: 'POST',
          headers: { ...jsonHeaders(sent), 'x-bench-ip': customerIp(i) },
          body: JSON.stringify(sent),
        })
        const res = await fetch(req)
        const body = (await res.json()) as { data?: { returnByCode?: { code: string } | null } }
        if (body.data?.returnByCode?.code !== codeFor(i)) {
          check.miss(label, `HTTP ${res.status} ${JSON.stringify(body).slice(0, 200)}`)
        }
      }
    }
    const peer = { label: 'yoga + SELECT', body: ask((r) => yoga.fetch(r), 'peer') }
    const app = { label: 'returnByCode (GraphQL)', body: ask((r) => b.app.request(r), 'app') }
    return compare(b, peer, app, check, [
      `Workload: lookups of 200 registered returns by code, in sequence, each from its own ` +
        `client IP (the app counts every one against the per-IP limit, refusing none)`,
    ])
  },
}

export const trackPeer: Scenario = {
  name: 'track-peer',
  async run() {
    const { b, codeFor } = await lookupFixture()
    const check = checker()
    const bare = new Hono().get('/track', async (c) => {
      const { rows } = await b.stock.execute({ sql: selectByCode, args: [c.req.query('code')!] })
      const row = rows[0]
      return c.html(
        <html lang="zh-CN">
          <head>
            <title>Track</title>
          </head>
          <body>
            <main>
              <h1>{String(row?.code)}</h1>
              <p>{String(row?.status)}</p>
              <p>{String(row?.station ?? '')}</p>
            </main>
          </body>
        </html>,
      )
    })
    const get = (app: { request: Hono['request'] }, label: string) => async (i: number) => {
      const res = await app.request(`http://bench.local/track?code=${codeFor(i)}`, {
        headers: { 'x-bench-ip': customerIp(i) },
      })
      const html = await res.text()
      if (res.status !== 200 || !html.includes(codeFor(i))) check.miss(label, `HTTP ${res.status}`)
    }
    const peer = { label: 'Hono + SELECT + JSX', body: get(bare, 'peer') }
    const app = { label: '/track page', body: get(b.app, 'app') }
    return compare(b, peer, app, check, [
      `Workload: /track?code=… for 200 registered returns, in sequence, each from its own ` +
        `client IP; the peer renders the code, status and station in a minimal hono/jsx page`,
    ])
  },
}

export const peerScenarios = [bookingPeer, lookupPeer, trackPeer]
