import * as z from './zod'
import { tileSource, type MapDatum } from './map-tiles'

const flag = z.optional(
  z.pipe(
    z.enum(['0', '1', 'true', 'false']),
    z.transform((v) => v === '1' || v === 'true'),
  ),
)

const contactKeyHint = 'generate one with CONTACT_KEY=$(openssl rand -base64 48)'

const envSchema = z.object({
  NODE_ENV: z._default(z.enum(['development', 'production', 'test']), 'development'),
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(65535)), 8787),
  DATABASE_URL: z._default(z.string().check(z.minLength(1)), 'file:data/nestwork.db'),
  /** `1`/`0` as a flag; `minimal` seeds the demo alliance without its history. */
  SEED_DEMO: z.optional(z.enum(['0', '1', 'true', 'false', 'minimal'])),
  SCHEDULED_JOBS: flag,
  WEBHOOK_ALLOW_PRIVATE: flag,
  LIBSQL_URL: z.optional(z.url()),
  LIBSQL_AUTH_TOKEN: z.optional(z.string()),
  // A preset (osm, amap, amap-satellite: src/map-tiles.ts) or a Leaflet URL template.
  MAP_TILE_URL: z._default(
    z.string().check(z.minLength(1)),
    'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  ),
  MAP_TILE_ATTRIBUTION: z.optional(z.string()),
  MAP_TILE_DATUM: z.optional(z.enum(['WGS84', 'GCJ02'])),
  CONTACT_KEY: z.optional(
    z
      .string()
      .check(z.minLength(32, { error: `must be at least 32 characters; ${contactKeyHint}` })),
  ),
  PUBLIC_URL: z.optional(z.url()),
  CORS_ORIGINS: z
    .pipe(
      z._default(z.string(), ''),
      z.transform((list) =>
        list
          .split(',')
          .map((o) => o.trim().replace(/\/$/, ''))
          .filter(Boolean),
      ),
    )
    .check(
      z.refine((origins) => origins.every(isOrigin), {
        error: 'must be origins separated by commas, like https://shop.example.cn (never *)',
      }),
    ),
})

/** `https://host[:port]` and nothing more: no path, no wildcard. */
function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value
  } catch {
    return false
  }
}

// Used only where CONTACT_KEY is not set (development, tests, the demo). Anyone can read this
// file, so a real deployment sets its own key.
const developmentContactKey = 'nestwork-development-contact-key-not-secret'

export interface Config {
  env: 'development' | 'production' | 'test'
  port: number
  databaseUrl: string
  /**
   * Whether the Node entry seeds the demo alliance, whose passwords are published: by default
   * everywhere but in production, where only `SEED_DEMO=1` does.
   */
  seedDemo: boolean
  /**
   * Whether that demo comes with six months of history and the current month so far
   * (`SEED_DEMO=minimal`: members, hubs and stations only, as the tests start from).
   */
  demoHistory: boolean
  /** Whether the Node entry runs the scheduled jobs (src/scheduled/jobs.ts) on its timer. */
  scheduledJobs: boolean
  /**
   * Whether webhooks may target plain HTTP and private, loopback or link-local addresses: for
   * development only, where receivers run on the same machine (src/webhooks/target.ts).
   */
  webhookAllowPrivate: boolean
  libsqlUrl?: string
  libsqlAuthToken?: string
  mapTileUrl: string
  mapTileAttribution: string
  /** `{s}` values of the tile template. */
  mapTileSubdomains: string
  /** What the tiles are drawn in: GCJ-02 tiles (AMap) need the stations shifted onto them. */
  mapTileDatum: MapDatum
  /** Secret from which customer-contact encryption and hashing keys are derived. */
  contactKey: string
  contactKeyIsDevelopment: boolean
  /** Base URL printed in labels' QR codes; defaults to the URL a request came in on. */
  publicUrl?: string
  /** Origins whose pages may call `/graphql` from the browser (with a bearer token, no cookies). */
  corsOrigins: string[]
}

/**
 * Reads configuration from environment variables (Node's `process.env` or a Worker's bindings)
 * once, at start-up, and fails loudly naming the variable that is wrong.
 */
export function loadConfig(env: Record<string, unknown>): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new Error(`Invalid configuration ${issue.path.join('.')}: ${issue.message}`)
  }
  const e = parsed.data
  const tiles = tileSource(e.MAP_TILE_URL, e.MAP_TILE_ATTRIBUTION, e.MAP_TILE_DATUM)
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    seedDemo:
      e.SEED_DEMO === undefined
        ? e.NODE_ENV !== 'production'
        : ['1', 'true', 'minimal'].includes(e.SEED_DEMO),
    demoHistory: e.SEED_DEMO !== 'minimal',
    scheduledJobs: e.SCHEDULED_JOBS ?? true,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE ?? false,
    libsqlUrl: e.LIBSQL_URL,
    libsqlAuthToken: e.LIBSQL_AUTH_TOKEN,
    mapTileUrl: tiles.url,
    mapTileAttribution: tiles.attribution,
    mapTileSubdomains: tiles.subdomains,
    mapTileDatum: tiles.datum,
    contactKey: e.CONTACT_KEY ?? developmentContactKey,
    contactKeyIsDevelopment: e.CONTACT_KEY === undefined,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    corsOrigins: e.CORS_ORIGINS,
  }
}

/**
 * Why this configuration must not serve, or undefined. In production customer contacts are never
 * encrypted with the development key, which anyone can read in this repository: both entries
 * refuse to start instead of warning.
 * @example const refusal = startRefusal(config); if (refusal) throw new Error(refusal)
 */
export function startRefusal(config: Config): string | undefined {
  if (config.env !== 'production' || !config.contactKeyIsDevelopment) return undefined
  return (
    'CONTACT_KEY is not set. In production customer contacts are encrypted with a key of your ' +
    `own, at least 32 characters: ${contactKeyHint} (on Workers: npx wrangler secret put ` +
    'CONTACT_KEY). Keep it: contacts encrypted with it cannot be read without it.'
  )
}
