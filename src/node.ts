// Node entry: embedded libSQL file database by default, migrations and demo seed at start-up,
// static files from disk, one process that drains its requests and stops cleanly on SIGTERM.
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { serveStatic } from '@hono/node-server/serve-static'
import { openLibsql, withRelaxedSync } from '../db/libsql'
import { demoPassword, demoUsers, seedDemo } from '../db/seed/seed'
import { createApp } from './app'
import { drainOutbox } from './events/drain'
import { pbkdf2Hasher } from './auth/password'
import { scryptHasher } from './auth/scrypt-node'
import { loadConfig, startRefusal, type Config } from './config'
import { databaseLabel } from './ops/database-label'
import { jsonLogger } from './ops/log'
import { createMetrics, type Gauge } from './ops/metrics'
import { metricsEndpoint, metricsToken } from './ops/metrics-endpoint'
import { countStatementsOf } from './ops/statement-counter'
import { countInProcess } from './rate-limit'
import { runJobs, type JobOutcome } from './scheduled/jobs'
import { blobDirFor, fileBlobStore } from './storage-node'
import { fetchDeliver } from './webhooks/deliver'
import { s3BlobStore, s3SettingsFrom } from './storage-s3'

const log = jsonLogger()
const config = configOrExit()
const { db, client } = await openLibsql(config.databaseUrl, config.libsqlAuthToken)
// An embedded file is this process's alone, so its rate limits are counted here, without a write
// per public lookup; a remote database may be shared by other servers and Workers and keeps them.
if (config.databaseUrl.startsWith('file:')) countInProcess(db)
const metrics = createMetrics()
countStatementsOf(client, metrics.countStatements)
// Without a token there is no /metrics route at all.
const scrapeToken = metricsToken(process.env)
// scrypt for an embedded database: PBKDF2 hashes (earlier releases) still verify and become
// scrypt at the next sign-in. A remote database may also serve a Worker, which cannot verify
// scrypt, so it keeps PBKDF2 at Workers' ceiling.
const hasher = config.databaseUrl.startsWith('file:') ? scryptHasher() : pbkdf2Hasher()
const seeded = config.seedDemo ? await seedTheDemo() : false
// Uploaded files go to S3-compatible storage when it is configured, else beside an embedded
// database; a remote database without S3 settings has nowhere to keep them (no upload offered).
const s3 = s3SettingsFrom(process.env)
const blobDir = blobDirFor(config.databaseUrl)
const blobs = s3 ? s3BlobStore(s3) : blobDir ? fileBlobStore(blobDir) : undefined

const app = createApp({
  db,
  config,
  hasher,
  now: () => new Date(),
  clientIp: (c) => getConnInfo(c).remote.address ?? 'unknown',
  serveStatic: serveStatic({
    root: './static',
    rewriteRequestPath: (path) => path.replace(/^\/static/, ''),
  }),
  logError: (error, errorId) => log.error('unexpected error', { errorId, error }),
  logRequest: (record) => {
    log.info('request', { ...record })
    metrics.observeRequest(record)
  },
  metrics: scrapeToken ? metricsEndpoint(metrics, scrapeToken, gauges) : undefined,
  renderGraphiQL: await graphiqlForDevelopment(),
  blobs,
})

// Scheduled work: everything once at start-up (to catch up), then what is due each minute. A
// tick that finds the previous one still running is skipped, so runs never overlap.
// SCHEDULED_JOBS=0 turns this off (another process runs them, or a test drives the clock).
let jobsRunning = false
async function tick(all: boolean) {
  if (jobsRunning) return
  jobsRunning = true
  try {
    logJobs(await runJobs(db, new Date(), { all }))
  } finally {
    jobsRunning = false
  }
}
function logJobs(outcomes: JobOutcome[]) {
  for (const o of outcomes) {
    metrics.observeJob(o)
    if (o.error) log.error('job failed', { job: o.name, error: o.error })
    else if (o.changed) log.info('job', { job: o.name, changed: o.changed })
  }
}
if (config.scheduledJobs) void tick(true)
const ticker = config.scheduledJobs ? setInterval(() => void tick(false), 60_000) : undefined

// The outbox on a shorter clock, so a webhook follows its change within seconds; like the jobs,
// a drain still running makes the next tick a no-op.
let draining = false
async function drain() {
  if (draining) return
  draining = true
  try {
    const outcome = await drainOutbox(db, new Date(), fetchDeliver, {
      allowPrivate: config.webhookAllowPrivate,
    })
    if (outcome.events || outcome.attempts) log.info('outbox', { ...outcome })
  } catch (error) {
    log.error('outbox drain failed', { error })
  } finally {
    draining = false
  }
}
const drainer = config.scheduledJobs ? setInterval(() => void drain(), 5_000) : undefined

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  // Both count from process start, so they include loading the code.
  const cpu = process.cpuUsage()
  log.info(`Nestwork is listening on http://localhost:${info.port}`, {
    port: info.port,
    readyMs: Math.round(performance.now()),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    database: databaseLabel(config.databaseUrl),
    blobs: s3 ? `s3 ${new URL(s3.endpoint).host}/${s3.bucket}` : (blobDir ?? 'none (no uploads)'),
    seeded: seeded
      ? config.demoHistory
        ? 'demo alliance and its last six months'
        : 'demo alliance'
      : false,
  })
  if (config.seedDemo) {
    const emails = demoUsers().map((u) => u.email)
    const last = (role: string) => emails.filter((e) => e.startsWith(role)).at(-1)
    log.info('Demo sign-ins', {
      password: demoPassword,
      accounts: [
        emails[0],
        `merchant1@nestwork.demo … ${last('merchant')}`,
        `station1@nestwork.demo … ${last('station')}`,
        `hub1@nestwork.demo … ${last('hub')}`,
      ],
    })
  }
})

/**
 * The demo alliance on a fresh database: with six months of history ending now, unless
 * `SEED_DEMO=minimal` asks for the empty alliance.
 */
function seedTheDemo() {
  const history = config.demoHistory
    ? { now: new Date(), contactKey: config.contactKey }
    : undefined
  return withRelaxedSync(client, config.databaseUrl, () => seedDemo(db, hasher, { history }))
}

/** What /metrics measures at each scrape rather than counts. */
async function gauges(): Promise<Gauge[]> {
  const measured: Gauge[] = [
    {
      name: 'process_resident_memory_bytes',
      help: 'Resident memory of the server process.',
      value: process.memoryUsage.rss(),
    },
  ]
  try {
    const { rows } = await client.execute(
      'select page_count * page_size as bytes from pragma_page_count(), pragma_page_size()',
    )
    const bytes = Number(rows[0]?.bytes)
    measured.push({ name: 'nestwork_db_size_bytes', help: 'Size of the database.', value: bytes })
  } catch (error) {
    // A remote database may not answer pragmas; the other metrics are still worth scraping.
    log.warn('database size not measured', { error })
  }
  return measured
}

/** The configuration, or exit 1 with the reason (no stack: the message says what to set). */
function configOrExit(): Config {
  let refusal: string | undefined
  try {
    const loaded = loadConfig(process.env)
    metricsToken(process.env)
    s3SettingsFrom(process.env)
    refusal = startRefusal(loaded)
    if (!refusal) return loaded
  } catch (error) {
    refusal = error instanceof Error ? error.message : String(error)
  }
  log.error(`Nestwork did not start. ${refusal}`)
  process.exit(1)
}

// GraphiQL's bundle is large; load it only when it will be served.
async function graphiqlForDevelopment() {
  if (config.env !== 'development') return undefined
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql')
  return () => renderGraphiQL({ title: 'Nestwork GraphQL' })
}

/** How long a SIGTERM waits for requests in flight before it cuts them off. */
const drainMs = 10_000
let stopping = false

/**
 * Stops taking connections, lets the requests in flight finish, then closes the database and
 * exits 0. `close()` alone would also wait out every keep-alive connection, so connections are
 * closed as soon as they fall idle. Requests still running after `drainMs` are cut off (exit 1).
 */
function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  clearInterval(ticker)
  clearInterval(drainer)
  log.info(`${signal}: finishing requests in flight, then stopping`, { signal })
  const http = server as Server
  const sweep = setInterval(() => http.closeIdleConnections(), 50)
  http.close(() => {
    clearInterval(sweep)
    client.close()
    process.exit(0)
  })
  http.closeIdleConnections()
  setTimeout(() => {
    log.error(`Requests still running after ${drainMs} ms were cut off.`)
    http.closeAllConnections()
    process.exit(1)
  }, drainMs).unref()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
