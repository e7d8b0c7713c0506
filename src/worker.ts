// Cloudflare Workers entry: the same app as src/node.ts over D1 or remote libSQL, static files
// from the ASSETS binding. Migrations and the demo seed are not run here (no file system); apply
// them with `wrangler d1 migrations apply` (D1) or drizzle-kit (Turso).
import type {
  D1Database,
  ExecutionContext,
  Fetcher,
  R2Bucket,
  ScheduledController,
} from '@cloudflare/workers-types'
import { createClient } from '@libsql/client/web'
import { drizzle as drizzleD1 } from 'drizzle-orm/d1'
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web'
import type { MiddlewareHandler } from 'hono'
import * as schema from '../db/schema'
import { createApp } from './app'
import { withD1Batch } from './d1'
import { pbkdf2Hasher } from './auth/password'
import { loadConfig, startRefusal, type Config } from './config'
import { loadCatalogues, negotiateLocale } from './i18n'
import * as unavailableCopy from './i18n/unavailable-messages'
import type { Db } from './db'
import { jsonLogger } from './ops/log'
import { runJobs } from './scheduled/jobs'
import { drainOutbox } from './events/drain'
import { fetchDeliver } from './webhooks/deliver'
import { r2BlobStore } from './storage-r2'

const log = jsonLogger()

export type Env = {
  DB?: D1Database
  ASSETS?: Fetcher
  /** Uploaded files (claim evidence); without it pages offer no upload. */
  BLOBS?: R2Bucket
  NODE_ENV?: string
  LIBSQL_URL?: string
  LIBSQL_AUTH_TOKEN?: string
  [name: string]: unknown
}

function openDb(config: Config, env: Env): Db {
  if (config.libsqlUrl) {
    const client = createClient({ url: config.libsqlUrl, authToken: config.libsqlAuthToken })
    return drizzleLibsql(client, { schema })
  }
  if (env.DB) return withD1Batch(drizzleD1(env.DB, { schema }), env.DB)
  throw new Error(
    'No database configured: bind a D1 database as DB, or set the LIBSQL_URL (and ' +
      'LIBSQL_AUTH_TOKEN) secrets to use remote libSQL',
  )
}

/** Serves `/static/x` as the asset `/x` (wrangler.toml maps ./static to the asset root). */
function serveAssets(assets: Fetcher): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    const url = new URL(c.req.url)
    url.pathname = url.pathname.slice('/static'.length) || '/'
    const init = { method: c.req.method, headers: c.req.raw.headers }
    // workers-types' Response and the DOM lib's are the same object at run time.
    const res = (await assets.fetch(url.href, init)) as unknown as Response
    if (res.status === 404) return next()
    // A fetched response has immutable headers; re-wrap it so secureHeaders can add its own.
    return new Response(res.body, res)
  }
}

/**
 * What visitors see while the Worker is misconfigured: no detail, in their language. Its copy is
 * imported directly rather than looked up, as it also answers when the catalogues failed to load.
 */
function unavailable(request: Request): Response {
  const locale = negotiateLocale(
    undefined,
    undefined,
    request.headers.get('accept-language') ?? undefined,
  )
  const copy = locale === 'en' ? unavailableCopy.en : unavailableCopy.zhCN
  return new Response(copy['error.unavailable'], {
    status: 503,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '300' },
  })
}

/** What a Worker build adds to the app; the development entry (src/worker-dev.ts) adds GraphiQL. */
export interface WorkerOptions {
  /** Served at `GET /graphql` when NODE_ENV is development (never in production). */
  renderGraphiQL?: () => string
}

/**
 * The Worker's handlers. Bindings are fixed for an isolate's lifetime, so the app and the
 * database handle are built on first use only.
 * @example export default createWorker()
 */
export function createWorker(options: WorkerOptions = {}) {
  let app: ReturnType<typeof createApp> | undefined
  let db: Db | undefined
  /** Why the app could not be built (a configuration the operator must fix), logged once. */
  let misconfigured: string | undefined

  function database(config: Config, env: Env): Db {
    db ??= openDb(config, env)
    return db
  }

  function build(env: Env) {
    const config = loadConfig(env)
    const refusal = startRefusal(config)
    if (refusal) throw new Error(refusal)
    return createApp({
      db: database(config, env),
      config,
      hasher: pbkdf2Hasher(),
      now: () => new Date(),
      clientIp: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
      serveStatic: env.ASSETS ? serveAssets(env.ASSETS) : undefined,
      logError: (error, errorId) => log.error('unexpected error', { errorId, error }),
      logRequest: (record) => log.info('request', { ...record }),
      renderGraphiQL: config.env === 'development' ? options.renderGraphiQL : undefined,
      blobs: env.BLOBS ? r2BlobStore(env.BLOBS) : undefined,
    })
  }

  return {
    async fetch(request: Request, env: Env, ctx: ExecutionContext) {
      // The copy is read from the static assets (src/worker-shims/catalogues-from-assets.ts) on
      // an isolate's first request; a failure is not remembered, so the next request retries.
      try {
        await loadCatalogues(env.ASSETS)
      } catch (error) {
        log.error('the copy catalogues could not be loaded', { error })
        return unavailable(request)
      }
      if (!app && !misconfigured) {
        try {
          app = build(env)
        } catch (error) {
          misconfigured = error instanceof Error ? error.message : String(error)
          log.error(`Nestwork cannot serve. ${misconfigured}`)
        }
      }
      return app ? app.fetch(request, env, ctx) : unavailable(request)
    },

    /**
     * The Cron Trigger (`[triggers] crons` in wrangler.toml, every minute): the jobs due at the
     * scheduled minute. A failed job is logged and fails the invocation, so it shows in the
     * Worker's cron history; the jobs are idempotent, so the next run simply tries again.
     */
    async scheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
      // Jobs write notifications in each user's language. A failure here fails the run, which
      // the next minute's run repeats.
      await loadCatalogues(env.ASSETS)
      const config = loadConfig(env)
      const db = database(config, env)
      const outcomes = await runJobs(db, new Date(controller.scheduledTime))
      // The outbox is drained at every run (each minute) at the real time, not the scheduled
      // one: retries are due by the clock. Its failure is counted like a job's.
      try {
        const drained = await drainOutbox(db, new Date(), fetchDeliver, {
          allowPrivate: config.webhookAllowPrivate,
        })
        outcomes.push({ name: 'outbox', changed: drained.events + drained.attempts })
      } catch (error) {
        outcomes.push({ name: 'outbox', error })
      }
      const failed = outcomes.filter((o) => o.error !== undefined)
      log.info('scheduled run', {
        cron: controller.cron,
        scheduledTime: new Date(controller.scheduledTime).toISOString(),
        jobs: outcomes.map((o) => o.name),
        failed: failed.length,
      })
      for (const o of outcomes) {
        if (o.error) log.error('job failed', { job: o.name, cron: controller.cron, error: o.error })
        else if (o.changed)
          log.info('job', { job: o.name, cron: controller.cron, changed: o.changed })
      }
      if (failed.length > 0) throw new Error(`${failed.length} scheduled job(s) failed`)
    },
  }
}

export default createWorker()
