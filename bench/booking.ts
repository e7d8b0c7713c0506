// Booking benchmark: one workload — N merchants racing for one hub-day whose capacity is half of
// what they ask for — measured three ways in one run, each on a fresh libSQL file database:
//
//   raw statement    the conditional INSERT of bookHubCapacity alone, in a tight loop
//   domain function  bookHubCapacity(db, actor, input, now) from N concurrent loops, no HTTP
//   HTTP + GraphQL   bookHubCapacity mutations from N concurrent fetch loops to the real Node
//                    server (src/node.ts, production mode) on 127.0.0.1
//
// Every run must fill the day exactly: confirmed units = capacity = hub_days.confirmed_units,
// and nothing overbooked.
import { availableParallelism, tmpdir } from 'node:os'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { openLibsql } from '../db/libsql'
import { demoHubs } from '../db/seed/demo-data'
import { demoPassword, demoUsers, seedDemo } from '../db/seed/seed'
import { settingsOn } from '../src/alliance/settings'
import { pbkdf2Hasher } from '../src/auth/password'
import type { Actor } from '../src/auth/roles'
import type { Db } from '../src/db'
import { signIn } from '../src/auth/service'
import { shareCapUnits } from '../src/booking/rules'
import { bookHubCapacity, setHubCapacity } from '../src/booking/service'
import { addDays, localDate } from '../src/calendar/local-date'
import { CapacityExceeded } from '../src/errors'
import { newId } from '../src/ids'
import { intFromEnv, quick, type Measurement, type Result } from './scenario'
import { startBenchServer, type BenchServer } from './server'

export const name = 'booking'

const labels = {
  raw: 'raw statement',
  domain: 'domain function',
  http: 'HTTP + GraphQL',
} as const

const coordinatorEmail = demoUsers().find((u) => u.role === 'COORDINATOR')!.email
const merchantEmails = demoUsers()
  .filter((u) => u.role === 'MERCHANT')
  .map((u) => u.email)

interface Workload {
  clients: number
  requestsPerClient: number
  unitsPerRequest: number
  /** Capacity of the measured hub-day: half of the demand, so half the requests are refused. */
  capacity: number
  warmupPerClient: number
  warmupCapacity: number
  /** Bookable with the real clock: three days ahead in Asia/Shanghai, and one more for warm-up. */
  date: string
  warmupDate: string
}

function workload(): Workload {
  const clients = intFromEnv('BENCH_CLIENTS', 20)
  const requestsPerClient = intFromEnv('BENCH_REQUESTS', quick ? 30 : 100)
  if (clients > merchantEmails.length) {
    throw new Error(`BENCH_CLIENTS is at most ${merchantEmails.length}: one demo merchant each`)
  }
  const unitsPerRequest = 1
  const warmupPerClient = Math.max(5, Math.ceil(requestsPerClient / 10))
  const today = localDate(new Date())
  return {
    clients,
    requestsPerClient,
    unitsPerRequest,
    capacity: Math.floor((clients * requestsPerClient * unitsPerRequest) / 2),
    warmupPerClient,
    warmupCapacity: Math.floor((clients * warmupPerClient * unitsPerRequest) / 2),
    date: addDays(today, 3),
    warmupDate: addDays(today, 4),
  }
}

/** With a fair share too small, refusals would be FAIR_SHARE, not the capacity race measured. */
function assertFairShareAllows(w: Workload, bp: number) {
  const perMerchant = w.requestsPerClient * w.unitsPerRequest
  if (shareCapUnits(w.capacity, bp) < perMerchant) {
    throw new Error(
      `${w.clients} clients are too few: each asks ${perMerchant} units, but the fair share of ` +
        `${bp / 100}% of ${w.capacity} allows ${shareCapUnits(w.capacity, bp)}`,
    )
  }
}

/** Idempotency keys, unique across runs, per client. */
function keysFor(clients: number, perClient: number, tag: string): string[][] {
  const run = newId('run', 8)
  return Array.from({ length: clients }, (_, c) =>
    Array.from({ length: perClient }, (_, i) => `${run}-${tag}-c${c}-r${i}`),
  )
}

class Tally {
  confirmed = 0
  refused = 0
  errors = 0
  firstErrors: string[] = []
  latenciesMs: number[] = []

  error(message: string) {
    this.errors++
    if (this.firstErrors.length < 3) this.firstErrors.push(message)
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

function latencyNote(label: string, tally: Tally) {
  const sorted = [...tally.latenciesMs].sort((a, b) => a - b)
  const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`
  return (
    `${label} latency per booking: p50 ${ms(percentile(sorted, 50))}, ` +
    `p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, ` +
    `max ${ms(sorted.at(-1) ?? NaN)}`
  )
}

/** Runs `loops` concurrently and returns the wall-clock seconds they took together. */
async function timed(loops: (() => Promise<void>)[]): Promise<number> {
  const started = performance.now()
  await Promise.all(loops.map((loop) => loop()))
  return (performance.now() - started) / 1000
}

/**
 * What the database says about a hub-day after a run, checked against what the clients were
 * told: every confirmation stored, the counter in step with the bookings, the day exactly full.
 */
async function verifyDay(
  client: Client,
  label: string,
  w: Workload,
  hubId: string,
  tally: Tally,
  seconds: number,
): Promise<{ measurement: Measurement; failures: string[] }> {
  const day = await client.execute({
    sql: 'select capacity_units, confirmed_units from hub_days where hub_id = ? and date = ?',
    args: [hubId, w.date],
  })
  const sum = await client.execute({
    sql: `select coalesce(sum(units), 0) as units from bookings
          where hub_id = ? and date = ? and status = 'CONFIRMED'`,
    args: [hubId, w.date],
  })
  const capacity = Number(day.rows[0]?.capacity_units ?? NaN)
  const counter = Number(day.rows[0]?.confirmed_units ?? NaN)
  const confirmedUnits = Number(sum.rows[0]?.units ?? 0)
  const overbooked = Math.max(0, confirmedUnits - capacity)
  const failures: string[] = []
  const fail = (message: string) => failures.push(`${label}: ${message}`)
  if (capacity !== w.capacity) fail(`hub-day capacity is ${capacity}, expected ${w.capacity}`)
  if (counter !== confirmedUnits) {
    fail(`hub_days.confirmed_units is ${counter} but confirmed bookings sum to ${confirmedUnits}`)
  }
  if (confirmedUnits !== tally.confirmed * w.unitsPerRequest) {
    fail(`${tally.confirmed} confirmations answered but ${confirmedUnits} units stored`)
  }
  if (confirmedUnits !== w.capacity) {
    fail(`${confirmedUnits} units confirmed; demand exceeded capacity, so expected ${w.capacity}`)
  }
  if (tally.errors > 0) {
    fail(`${tally.errors} unexpected errors, first: ${tally.firstErrors.join(' | ')}`)
  }
  const operations = tally.confirmed + tally.refused + tally.errors
  return {
    measurement: {
      label,
      operations,
      seconds,
      confirmed: tally.confirmed,
      refused: tally.refused,
      overbooked,
    },
    failures,
  }
}

// The conditional INSERT of bookHubCapacity (src/booking/service.ts), as one statement: the
// booking is written, CONFIRMED, only if the hub-day still has room and the merchant stays within
// its fair share; the AFTER INSERT trigger then moves hub_days.confirmed_units and writes the
// audit event. Keep in step with the service.
export const conditionalInsert = `
  insert into bookings (id, seq, merchant_id, hub_id, date, units, status, idempotency_key,
    waitlist, created_by, created_at, updated_by, updated_at)
  select :id, (select coalesce(max(seq), 0) + 1 from bookings), :merchant, :hub, :date, :units,
    case when hd.confirmed_units + :units <= hd.capacity_units
      then 'CONFIRMED' else 'WAITLISTED' end,
    :key, :waitlist, :user, :at, :user, :at
  from hub_days hd
  where hd.hub_id = :hub and hd.date = :date
    and (:waitlist = 1 or hd.confirmed_units + :units <= hd.capacity_units)
    and (select coalesce(sum(units), 0) from bookings
         where merchant_id = :merchant and hub_id = :hub and date = :date
           and status in ('CONFIRMED', 'WAITLISTED')) + :units
        <= hd.capacity_units * :bp / 10000
  on conflict (merchant_id, idempotency_key) do nothing`

const synchronousModes = ['OFF', 'NORMAL', 'FULL', 'EXTRA']

/** How the database commits, as the bench actually opened it (db/libsql.ts decides). */
async function durability(client: Client) {
  const first = async (pragma: string) => Object.values((await client.execute(pragma)).rows[0]!)[0]
  const journal = String(await first('pragma journal_mode'))
  const synchronous = Number(await first('pragma synchronous'))
  return `journal_mode=${journal}, synchronous=${synchronousModes[synchronous] ?? synchronous}`
}

interface Local {
  client: Client
  db: Db
  coordinator: Actor
  merchants: Actor[]
  /** The fair-share cap in force, in basis points, as the service reads it. */
  bp: number
}

/** The raw statement, then the domain function, on one fresh, seeded libSQL file database. */
async function inProcess(w: Workload) {
  const dir = await mkdtemp(join(tmpdir(), 'nestwork-bench-'))
  const { db, client } = await openLibsql(`file:${join(dir, 'bench.db')}`)
  try {
    const hasher = pbkdf2Hasher(1000)
    await seedDemo(db, hasher)
    const deps = { hasher, now: () => new Date() }
    const sign = async (email: string) => {
      const input = { email, password: demoPassword, ip: '127.0.0.1', kind: 'API' as const }
      return (await signIn(db, deps, input)).actor
    }
    const coordinator = await sign(coordinatorEmail)
    const merchants: Actor[] = []
    for (const email of merchantEmails.slice(0, w.clients)) merchants.push(await sign(email))
    const today = localDate(new Date())
    const { maxShareOfHubDayBp: bp } = await settingsOn(db, coordinator.allianceId, today)
    assertFairShareAllows(w, bp)

    const local: Local = { client, db, coordinator, merchants, bp }
    const raw = await rawStatement(w, local)
    const domain = await domainFunction(w, local)
    return {
      measurements: [raw.measurement, domain.measurement],
      failures: [...raw.failures, ...domain.failures],
      notes: [`libSQL file database: ${await durability(client)}`, ...domain.notes],
    }
  } finally {
    client.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * The conditional INSERT alone on the first hub: hub-day rows made by hand, then one statement
 * per attempt, round-robin over the merchants, every argument prepared before the clock starts.
 */
async function rawStatement(w: Workload, { client, merchants, bp }: Local) {
  const hub = demoHubs[0]!.id
  for (const [date, capacity] of [
    [w.date, w.capacity],
    [w.warmupDate, w.warmupCapacity],
  ] as const) {
    await client.execute({
      sql: 'insert into hub_days (hub_id, date, capacity_units) values (?, ?, ?)',
      args: [hub, date, capacity],
    })
  }
  const attempts = (date: string, perClient: number, tag: string) => {
    const keys = keysFor(w.clients, perClient, tag)
    const at = new Date().toISOString()
    const list = []
    for (let i = 0; i < perClient; i++) {
      for (const [c, m] of merchants.entries()) {
        list.push({
          id: newId('bkg'),
          merchant: m.merchantId!,
          hub,
          date,
          units: w.unitsPerRequest,
          key: keys[c]![i]!,
          waitlist: 0,
          user: m.userId,
          at,
          bp,
        })
      }
    }
    return list
  }
  const book = async (list: ReturnType<typeof attempts>, tally: Tally) => {
    for (const args of list) {
      const { rowsAffected } = await client.execute({ sql: conditionalInsert, args })
      if (rowsAffected === 1) tally.confirmed++
      else tally.refused++
    }
  }

  await book(attempts(w.warmupDate, w.warmupPerClient, 'raw-warm'), new Tally())
  const tally = new Tally()
  const list = attempts(w.date, w.requestsPerClient, 'raw')
  const seconds = await timed([() => book(list, tally)])
  return verifyDay(client, labels.raw, w, hub, tally, seconds)
}

/**
 * bookHubCapacity in process on the second hub: capacity set as the coordinator, then one loop
 * per merchant, all at once, each booking with the real clock like the server does.
 */
async function domainFunction(w: Workload, { client, db, coordinator, merchants }: Local) {
  const hubId = demoHubs[1]!.id
  for (const [date, capacityUnits] of [
    [w.date, w.capacity],
    [w.warmupDate, w.warmupCapacity],
  ] as const) {
    await setHubCapacity(db, coordinator, { hubId, date, capacityUnits }, new Date())
  }
  const loops = (date: string, keys: string[][], tally: Tally) =>
    merchants.map((actor, c) => async () => {
      for (const idempotencyKey of keys[c]!) {
        const started = performance.now()
        try {
          const input = { hubId, date, units: w.unitsPerRequest, idempotencyKey, waitlist: false }
          const { booking } = await bookHubCapacity(db, actor, input, new Date())
          if (booking.status === 'CONFIRMED') tally.confirmed++
          else tally.error(`booking ${booking.id} is ${booking.status}`)
        } catch (error) {
          if (error instanceof CapacityExceeded && error.details.reason === 'CAPACITY') {
            tally.refused++
          } else tally.error(String(error))
        }
        tally.latenciesMs.push(performance.now() - started)
      }
    })

  const warm = new Tally()
  await timed(loops(w.warmupDate, keysFor(w.clients, w.warmupPerClient, 'domain-warm'), warm))
  if (warm.errors > 0) throw new Error(`domain warm-up failed: ${warm.firstErrors.join(' | ')}`)
  const tally = new Tally()
  const keys = keysFor(w.clients, w.requestsPerClient, 'domain')
  const seconds = await timed(loops(w.date, keys, tally))
  const checked = await verifyDay(client, labels.domain, w, hubId, tally, seconds)
  return { ...checked, notes: [latencyNote(labels.domain, tally)] }
}

interface GraphQLReply<T> {
  status: number
  data?: T | null
  errors?: { message: string; extensions?: Record<string, unknown> }[]
}

async function gql<T>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<GraphQLReply<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  })
  return { status: res.status, ...((await res.json()) as Omit<GraphQLReply<T>, 'status'>) }
}

/** The data of a reply that must succeed, else an error naming the operation. */
async function must<T>(what: string, reply: Promise<GraphQLReply<T>>): Promise<T> {
  const r = await reply
  if (!r.data || r.errors?.length) {
    throw new Error(`${what} failed (HTTP ${r.status}): ${JSON.stringify(r.errors)}`)
  }
  return r.data
}

const loginMutation = `mutation ($e: String!, $p: String!) {
  login(email: $e, password: $p) { token } }`
const capacityMutation = `mutation ($h: ID!, $d: Date!, $c: Int!) {
  setHubCapacity(hubId: $h, date: $d, capacityUnits: $c) { capacityUnits } }`
const bookMutation = `mutation ($input: BookHubCapacityInput!) {
  bookHubCapacity(input: $input) { id status } }`
const availabilityQuery = `query ($h: ID!, $d: Date!) {
  hubAvailability(hubId: $h, from: $d, to: $d) { capacityUnits confirmedUnits } }`
type Booked = { bookHubCapacity: { id: string; status: string } }
type Availability = { hubAvailability: { capacityUnits: number; confirmedUnits: number }[] }

/**
 * The same race through the real Node server on the first hub: merchants and the coordinator
 * sign in through GraphQL, the coordinator sets the capacity, one fetch loop per merchant books;
 * then the API and, once the server has stopped, its database file are checked.
 */
async function overHttp(w: Workload) {
  const dir = await mkdtemp(join(tmpdir(), 'nestwork-bench-'))
  const file = join(dir, 'server.db')
  let server: BenchServer | undefined
  try {
    server = await startBenchServer(`file:${file}`)
    const url = server.baseUrl
    const login = async (email: string) => {
      const reply = gql<{ login: { token: string } }>(url, loginMutation, {
        e: email,
        p: demoPassword,
      })
      return (await must(`login ${email}`, reply)).login.token
    }
    const coordinator = await login(coordinatorEmail)
    const tokens = await Promise.all(merchantEmails.slice(0, w.clients).map(login))
    const hubId = demoHubs[0]!.id
    for (const [d, c] of [
      [w.date, w.capacity],
      [w.warmupDate, w.warmupCapacity],
    ] as const) {
      await must('setHubCapacity', gql(url, capacityMutation, { h: hubId, d, c }, coordinator))
    }

    const loops = (date: string, keys: string[][], tally: Tally) =>
      tokens.map((token, c) => async () => {
        for (const idempotencyKey of keys[c]!) {
          const started = performance.now()
          const input = { hubId, date, units: w.unitsPerRequest, idempotencyKey, waitlist: false }
          try {
            const r = await gql<Booked>(url, bookMutation, { input }, token)
            const refusal = r.errors?.[0]?.extensions
            if (r.data?.bookHubCapacity?.status === 'CONFIRMED') tally.confirmed++
            else if (refusal?.code === 'CAPACITY_EXCEEDED' && refusal.reason === 'CAPACITY') {
              tally.refused++
            } else tally.error(`HTTP ${r.status}: ${JSON.stringify(r.errors ?? r.data)}`)
          } catch (error) {
            tally.error(String(error))
          }
          tally.latenciesMs.push(performance.now() - started)
        }
      })
    const warm = new Tally()
    await timed(loops(w.warmupDate, keysFor(w.clients, w.warmupPerClient, 'http-warm'), warm))
    if (warm.errors > 0) throw new Error(`HTTP warm-up failed: ${warm.firstErrors.join(' | ')}`)
    const tally = new Tally()
    const seconds = await timed(
      loops(w.date, keysFor(w.clients, w.requestsPerClient, 'http'), tally),
    )

    const availability = gql<Availability>(
      url,
      availabilityQuery,
      { h: hubId, d: w.date },
      coordinator,
    )
    const [day] = (await must('hubAvailability', availability)).hubAvailability
    await server.stop()

    const client = createClient({ url: `file:${file}` })
    try {
      const checked = await verifyDay(client, labels.http, w, hubId, tally, seconds)
      const answered = tally.confirmed * w.unitsPerRequest
      if (day?.confirmedUnits !== answered || day.capacityUnits !== w.capacity) {
        checked.failures.push(
          `${labels.http}: hubAvailability says ${JSON.stringify(day)}, expected ` +
            `${answered} of ${w.capacity} units confirmed`,
        )
      }
      return { ...checked, notes: [latencyNote(labels.http, tally)] }
    } finally {
      client.close()
    }
  } catch (error) {
    const output = server?.output().trim()
    if (output) console.error(`Server output:\n${output}`)
    throw error
  } finally {
    await server?.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

export async function run(): Promise<Result> {
  const w = workload()
  console.log(
    `  ${w.clients} merchants × ${w.requestsPerClient} bookings on ${w.date}, capacity ` +
      `${w.capacity} units (warm-up: ${w.warmupPerClient} each on ${w.warmupDate})`,
  )
  console.log(`  ${labels.raw} and ${labels.domain} …`)
  const local = await inProcess(w)
  console.log(`  ${labels.http} (starting the Node server) …`)
  const http = await overHttp(w)
  return {
    measurements: [...local.measurements, http.measurement],
    baseline: labels.raw,
    failures: [...local.failures, ...http.failures],
    notes: [
      `Workload: ${w.clients} merchants × ${w.requestsPerClient} bookings of ` +
        `${w.unitsPerRequest} unit against ${w.capacity} units of one hub-day ` +
        `(${w.clients * w.requestsPerClient * w.unitsPerRequest} units asked, ` +
        `so half must be refused)`,
      `${labels.raw}: one loop of the conditional INSERT (triggers active), @libsql/client ` +
        `execute, no transaction around it`,
      `${labels.domain}: bookHubCapacity in process, ${w.clients} concurrent loops`,
      `${labels.http}: ${w.clients} concurrent fetch loops to src/node.ts on 127.0.0.1 ` +
        `(NODE_ENV=production); client and server share ${availableParallelism()} cores`,
      ...local.notes,
      ...http.notes,
    ],
  }
}
