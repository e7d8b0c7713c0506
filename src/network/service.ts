/**
 * The alliance's network: its hubs, drop-off stations and member merchants. Everything here is
 * alliance-internal directory data that every signed-in member may read.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import { alliances, hubs, merchants, stations } from '../../db/schema'
import type { Actor } from '../auth/roles'
import { requireActor } from '../auth/roles'
import { inList, type Db } from '../db'
import { NotFound } from '../errors'
import type { NotFoundEntity } from '../refusal-reasons'

export type Hub = typeof hubs.$inferSelect
export type Station = typeof stations.$inferSelect
export type Merchant = typeof merchants.$inferSelect

export async function getAlliance(db: Db, actor: Actor | null) {
  const a = requireActor(actor)
  const [row] = await db.select().from(alliances).where(eq(alliances.id, a.allianceId))
  if (!row) throw new NotFound('Alliance')
  return row
}

export async function listHubs(db: Db, actor: Actor | null): Promise<Hub[]> {
  const a = requireActor(actor)
  return db.select().from(hubs).where(eq(hubs.allianceId, a.allianceId)).orderBy(asc(hubs.id))
}

export async function listStations(db: Db, actor: Actor | null): Promise<Station[]> {
  const a = requireActor(actor)
  return db
    .select()
    .from(stations)
    .where(eq(stations.allianceId, a.allianceId))
    .orderBy(asc(stations.id))
}

export async function listMerchants(db: Db, actor: Actor | null): Promise<Merchant[]> {
  const a = requireActor(actor)
  return db
    .select()
    .from(merchants)
    .where(eq(merchants.allianceId, a.allianceId))
    .orderBy(asc(merchants.id))
}

/** One row of the actor's alliance by id, or `NotFound` — never a row of another alliance. */
async function getInAlliance<T extends typeof hubs | typeof stations | typeof merchants>(
  db: Db,
  actor: Actor | null,
  table: T,
  id: string,
  what: NotFoundEntity,
): Promise<T['$inferSelect']> {
  const a = requireActor(actor)
  const [row] = await db.select().from(table).where(eq(table.id, id))
  if (!row || row.allianceId !== a.allianceId) throw new NotFound(what)
  return row as T['$inferSelect']
}

/**
 * The rows among `ids` that belong to the actor's alliance, in one statement: what `getHub` and
 * its siblings would find for each id, for a batched look-up; another alliance's ids are left out.
 */
export async function inAllianceByIds<T extends typeof hubs | typeof stations | typeof merchants>(
  db: Db,
  actor: Actor | null,
  table: T,
  ids: readonly string[],
): Promise<T['$inferSelect'][]> {
  const a = requireActor(actor)
  const rows = await db
    .select()
    .from(table as typeof hubs)
    .where(and(inList(table.id, ids), eq(table.allianceId, a.allianceId)))
  return rows as T['$inferSelect'][]
}

export const getHub = (db: Db, actor: Actor | null, id: string): Promise<Hub> =>
  getInAlliance(db, actor, hubs, id, 'Hub')
export const getStation = (db: Db, actor: Actor | null, id: string): Promise<Station> =>
  getInAlliance(db, actor, stations, id, 'Station')
export const getMerchant = (db: Db, actor: Actor | null, id: string): Promise<Merchant> =>
  getInAlliance(db, actor, merchants, id, 'Merchant')

/**
 * The hubs an actor acts for, as a parenthesised SQL list for `hub_id in …`: a hub operator's own
 * hub, a coordinator's every hub of its alliance. Statements that change a hub's rows put it in
 * their own WHERE, so another hub's run or parcel is never touched, whatever the caller checked.
 */
export function hubsActedFor(a: Actor): SQL {
  return a.role === 'HUB_OPERATOR'
    ? sql`(${a.hubId})`
    : sql`(select id from hubs where alliance_id = ${a.allianceId})`
}
