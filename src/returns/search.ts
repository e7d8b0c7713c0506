/**
 * Finding returns in a growing list: one search box (a return code, an order reference, or the
 * customer's full phone or e-mail, matched only through the keyed hash of the contact) and
 * filters, newest first by keyset pages. The page, its CSV export and GraphQL `returns` read
 * their input with the one schema below and see exactly what `visibleTo` lets the actor see.
 */
import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm'
import * as z from '../zod'
import { categories, hubs, returns, returnStatuses, stations } from '../../db/schema'
import { addDays, isIsoDate, localInstant } from '../calendar/local-date'
import type { Actor } from '../auth/roles'
import { requireActor } from '../auth/roles'
import type { Db } from '../db'
import { normalizeCode } from './code'
import { contactVault } from './contact'
import { decodeCursor, encodeCursor, visibleTo, type Return, type ReturnPage } from './service'

/** Where an open return stands on its 5-day cycle clock (see src/inspection/sla.ts). */
export const slaStates = ['ON_TIME', 'DUE_SOON', 'BREACHED'] as const
export type SlaState = (typeof slaStates)[number]

/** Left empty in a form, or null in GraphQL: no filter. */
const blank = (v: unknown): unknown => (v === '' || v === null ? undefined : v)
const optional = <T extends z.core.$ZodType>(schema: T) =>
  z.pipe(z.transform(blank), z.optional(schema))
const date = (what: string) =>
  optional(z.string().check(z.refine(isIsoDate, { error: `${what} must be a date as YYYY-MM-DD` })))

/** The search box and filters; shared by the page, the CSV export and GraphQL `returns`. */
export const returnFiltersSchema = z
  .object({
    search: z.pipe(
      optional(z.string().check(z.trim(), z.maxLength(100, { error: 'at most 100 characters' }))),
      z.transform((v) => (v ? v : undefined)),
    ),
    status: optional(z.enum(returnStatuses, { error: 'not a return status' })),
    category: optional(z.enum(categories, { error: 'choose FOOD, SUPPLIES, CLOTHING or TOYS' })),
    hubId: optional(z.string().check(z.trim(), z.maxLength(64))),
    stationId: optional(z.string().check(z.trim(), z.maxLength(64))),
    createdFrom: date('createdFrom'),
    createdTo: date('createdTo'),
    slaState: optional(z.enum(slaStates, { error: 'choose ON_TIME, DUE_SOON or BREACHED' })),
  })
  .check(
    z.refine((f) => !f.createdFrom || !f.createdTo || f.createdFrom <= f.createdTo, {
      error: 'the first date must not be after the last',
      path: ['createdTo'],
    }),
  )
export type ReturnFilters = z.output<typeof returnFiltersSchema>

/** The filters and a page position, as the list page's query string carries them. */
export const returnListQuerySchema = z.intersection(
  returnFiltersSchema,
  z.object({ after: optional(z.string().check(z.maxLength(200))) }),
)

const FINISHED = sql`('RESOLVED','CLOSED','CANCELLED')`
const CYCLE_MS = 5 * 24 * 3600_000
const DUE_SOON_MS = 24 * 3600_000

/**
 * The registration instants an SLA state stands for at `now`: an open return is BREACHED past
 * 5 days since registration, DUE_SOON in its last day, ON_TIME before. Finished returns have
 * no running clock and match no state.
 */
export function slaWindow(state: SlaState, now: Date): { after?: string; before?: string } {
  const breachAt = new Date(now.getTime() - CYCLE_MS).toISOString()
  const dueSoonAt = new Date(now.getTime() - CYCLE_MS + DUE_SOON_MS).toISOString()
  if (state === 'BREACHED') return { before: breachAt }
  if (state === 'DUE_SOON') return { after: breachAt, before: dueSoonAt }
  return { after: dueSoonAt }
}

const vaults = new Map<string, ReturnType<typeof contactVault>>()
const hashContact = async (key: string, contact: string) => {
  if (!vaults.has(key)) vaults.set(key, contactVault(key))
  return (await vaults.get(key)!).hash(contact)
}

/** The conditions of the filters, on top of the actor's own scope. */
async function filtersWhere(
  a: Actor,
  f: ReturnFilters,
  now: Date,
  contactKey: string,
): Promise<SQL | undefined> {
  // With a search, its exact matches lead the plan (one index each) and the scope is checked on them.
  const terms: (SQL | undefined)[] = [visibleTo(a, f.search !== undefined)]
  if (f.search) {
    const code = normalizeCode(f.search)
    // Each alternative is an equality on its own index; the contact only by its keyed hash.
    terms.push(
      or(
        code ? eq(returns.code, code) : undefined,
        eq(returns.orderRef, f.search),
        eq(returns.contactHash, await hashContact(contactKey, f.search)),
      ),
    )
  }
  if (f.status) terms.push(eq(returns.status, f.status))
  if (f.category) terms.push(eq(returns.category, f.category))
  if (f.hubId) terms.push(eq(returns.hubId, f.hubId))
  if (f.stationId) terms.push(eq(returns.stationId, f.stationId))
  if (f.createdFrom) {
    terms.push(sql`${returns.createdAt} >= ${localInstant(f.createdFrom, 0).toISOString()}`)
  }
  if (f.createdTo) {
    const end = localInstant(addDays(f.createdTo, 1), 0).toISOString()
    terms.push(sql`${returns.createdAt} < ${end}`)
  }
  if (f.slaState) {
    const w = slaWindow(f.slaState, now)
    terms.push(sql`${returns.status} not in ${FINISHED}`)
    if (w.after) terms.push(sql`${returns.createdAt} >= ${w.after}`)
    if (w.before) terms.push(sql`${returns.createdAt} < ${w.before}`)
  }
  return and(...terms)
}

/** After the cursor, as a row value: one range on the (…, created_at, id) indexes. */
const afterCursor = (after?: string) => {
  if (!after) return undefined
  const c = decodeCursor(after)
  return sql`(${returns.createdAt}, ${returns.id}) < (${c.createdAt}, ${c.id})`
}

export interface SearchOptions {
  filters: ReturnFilters
  first: number
  after?: string
}

/** The actor's returns matching the filters, newest first, `first` at a time. */
export async function searchReturns(
  db: Db,
  actor: Actor | null,
  options: SearchOptions,
  now: Date,
  contactKey: string,
): Promise<ReturnPage> {
  const a = requireActor(actor)
  const where = await filtersWhere(a, options.filters, now, contactKey)
  const rows = await db
    .select()
    .from(returns)
    .where(and(where, afterCursor(options.after)))
    .orderBy(desc(returns.createdAt), desc(returns.id))
    .limit(options.first + 1)
  return pageOf(rows, options.first)
}

function pageOf<T extends Return>(rows: T[], first: number) {
  const nodes = rows.slice(0, first)
  const last = nodes.at(-1)
  return {
    nodes,
    hasNextPage: rows.length > first,
    endCursor: last ? encodeCursor(last) : null,
  }
}

export interface ExportRow extends Return {
  hubName: string
  hubNameZh: string
  stationName: string | null
}

/**
 * The whole filtered list for the CSV export, a keyset page of `pageSize` at a time with the hub
 * and station names joined in: one statement per page, never everything in memory at once.
 */
export async function* exportReturns(
  db: Db,
  actor: Actor | null,
  filters: ReturnFilters,
  now: Date,
  contactKey: string,
  pageSize = 1000,
): AsyncGenerator<ExportRow[]> {
  const a = requireActor(actor)
  const where = await filtersWhere(a, filters, now, contactKey)
  let after: string | undefined
  for (;;) {
    const rows = await db
      .select({
        r: returns,
        hubName: hubs.name,
        hubNameZh: hubs.nameZh,
        stationName: stations.name,
      })
      .from(returns)
      .innerJoin(hubs, eq(hubs.id, returns.hubId))
      .leftJoin(stations, eq(stations.id, returns.stationId))
      .where(and(where, afterCursor(after)))
      .orderBy(desc(returns.createdAt), desc(returns.id))
      .limit(pageSize + 1)
    const page = pageOf(
      rows.map((x) => ({
        ...x.r,
        hubName: x.hubName,
        hubNameZh: x.hubNameZh,
        stationName: x.stationName,
      })),
      pageSize,
    )
    if (page.nodes.length > 0) yield page.nodes
    if (!page.hasNextPage) return
    after = page.endCursor!
  }
}
