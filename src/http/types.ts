import type { Context, Handler, MiddlewareHandler } from 'hono'
import type { Locale } from '../../db/schema'
import type { PasswordHasher } from '../auth/password'
import type { Actor } from '../auth/roles'
import type { Config } from '../config'
import type { Db } from '../db'
import type { Translate } from '../i18n'
import type { RequestRecord } from '../ops/access-log'
import type { BlobStore } from '../storage'

/** Everything the app needs from its runtime; each entry (Node, Worker, tests) provides it. */
export interface AppDeps {
  db: Db
  config: Config
  hasher: PasswordHasher
  now: () => Date
  /** The caller's address as the runtime knows it (socket on Node, CF header on Workers). */
  clientIp: (c: Context) => string
  /** Serves `/static/*` from the runtime's file store. */
  serveStatic?: MiddlewareHandler
  logError?: (error: unknown, requestId: string) => void
  /** The access log: called once per request, after its answer (src/ops/access-log.ts). */
  logRequest?: (record: RequestRecord) => void
  /** `GET /metrics`, where the runtime keeps metrics (Node, with METRICS_TOKEN set). */
  metrics?: Handler
  /**
   * Renders GraphiQL with its assets inlined (no CDN). Only the Node entry passes it, and only
   * in development, so the Worker bundle never carries it.
   */
  renderGraphiQL?: () => string
  /** Where uploaded files (claim evidence) are kept; without one, pages offer no upload. */
  blobs?: BlobStore
}

export type AppEnv = {
  Variables: {
    deps: AppDeps
    requestId: string
    actor: Actor | null
    locale: Locale
    t: Translate
    csrfToken: string
  }
}
