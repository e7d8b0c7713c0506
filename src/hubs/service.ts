/**
 * Stored sort plans: a hub's lanes (bins) and the merchants each holds, versioned. The newest
 * version is in force; a receipt records the version and lane it used. Reading a hub's plan
 * before it has one generates and stores version 1 from last month's volumes.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import {
  merchants,
  sortLaneMerchants,
  sortLanes,
  sortPlans,
  type LaneKindName,
} from '../../db/schema'
import { auditEntry } from '../audit/log'
import { requireHub, requireRole, type Actor } from '../auth/roles'
import { localDate, monthInstants, shiftMonth } from '../calendar/local-date'
import type { Db } from '../db'
import { isUniqueViolation } from '../db-refusal'
import { Conflict, InvalidInput } from '../errors'
import { newId } from '../ids'
import { getHub, listHubs, type Merchant } from '../network/service'
import type { SortLaneInput } from './schemas'
import {
  DEFAULT_MAX_MERCHANTS_PER_LANE,
  generateSortPlan as balancedPlan,
  type Lane,
} from './sort-plan'

export interface StoredLane {
  code: string
  kind: LaneKindName
  toHubId: string | null
  merchants: Merchant[]
}

export interface StoredSortPlan {
  hubId: string
  version: number
  lanes: StoredLane[]
}

/** The hub as the actor may manage its plan: its own hub's operator, or a coordinator. */
async function planHub(db: Db, actor: Actor | null, hubId: string) {
  const a = requireRole(actor, 'HUB_OPERATOR', 'COORDINATOR')
  const hub = await getHub(db, a, hubId)
  requireHub(a, hub.id)
  return { a, hub }
}

/** The plan in force at a hub (newest version), in one statement; null before the first. */
export async function currentSortPlan(db: Db, hubId: string): Promise<StoredSortPlan | null> {
  const rows = await db
    .select({
      version: sortPlans.version,
      code: sortLanes.code,
      kind: sortLanes.kind,
      toHubId: sortLanes.toHubId,
      merchant: merchants,
    })
    .from(sortPlans)
    .innerJoin(sortLanes, eq(sortLanes.planId, sortPlans.id))
    .leftJoin(
      sortLaneMerchants,
      and(
        eq(sortLaneMerchants.planId, sortLanes.planId),
        eq(sortLaneMerchants.laneCode, sortLanes.code),
      ),
    )
    .leftJoin(merchants, eq(merchants.id, sortLaneMerchants.merchantId))
    .where(
      eq(
        sortPlans.id,
        sql`(select id from sort_plans where hub_id = ${hubId} order by version desc limit 1)`,
      ),
    )
    .orderBy(asc(sortLanes.position), asc(merchants.id))
  if (rows.length === 0) return null
  const lanes = new Map<string, StoredLane>()
  for (const row of rows) {
    let lane = lanes.get(row.code)
    if (!lane) {
      lane = { code: row.code, kind: row.kind, toHubId: row.toHubId, merchants: [] }
      lanes.set(row.code, lane)
    }
    if (row.merchant) lane.merchants.push(row.merchant)
  }
  return { hubId, version: rows[0]!.version, lanes: [...lanes.values()] }
}

/**
 * Stores `lanes` as the hub's next version in one batch; with `onlyFirst`, only when the hub has
 * no plan yet. The unique (hub, version) key makes a concurrent change fail rather than merge.
 */
async function storePlan(
  db: Db,
  a: Actor,
  hubId: string,
  lanes: Lane[],
  now: Date,
  onlyFirst = false,
) {
  const id = newId('spl')
  const at = now.toISOString()
  const planExists = sql`exists (select 1 from sort_plans where id = ${id})`
  const laneRows = lanes.map(
    (l, i) =>
      sql`(${l.code}, ${l.kind}, ${l.kind === 'TRANSFER' ? (l.toHubId ?? null) : null}, ${i})`,
  )
  const merchantRows = lanes.flatMap((l) => l.merchantIds.map((m) => sql`(${l.code}, ${m})`))
  const statements: [ReturnType<Db['run']>, ...ReturnType<Db['run']>[]] = [
    db.run(sql`
      insert into sort_plans (id, hub_id, version, created_by, created_at)
      select ${id}, ${hubId}, coalesce(max(version), 0) + 1, ${a.userId}, ${at}
      from sort_plans where hub_id = ${hubId}
      ${onlyFirst ? sql`having count(*) = 0` : sql``}`),
    db.run(sql`
      insert into sort_lanes (plan_id, code, kind, to_hub_id, position)
      select ${id}, column1, column2, column3, column4 from (values ${sql.join(laneRows, sql`, `)})
      where ${planExists}`),
  ]
  if (merchantRows.length > 0) {
    statements.push(
      db.run(sql`
        insert into sort_lane_merchants (plan_id, lane_code, merchant_id)
        select ${id}, column1, column2 from (values ${sql.join(merchantRows, sql`, `)})
        where ${planExists}`),
    )
  }
  statements.push(
    auditEntry(db, a, {
      action: 'sortPlan.set',
      entity: 'sortPlan',
      entityId: id,
      at,
      after: sql`json_object('hubId', hub_id, 'version', version)`,
      from: sql`from sort_plans where id = ${id}`,
    }),
  )
  try {
    await db.batch(statements)
  } catch (error) {
    if (isUniqueViolation(error, 'sort_plans.hub_id, sort_plans.version'))
      throw new Conflict('The sort plan was changed meanwhile; read it again.', {
        reason: 'PLAN_CHANGED',
      })
    throw error
  }
}

/** Parcels received per merchant at the hub last (Shanghai) month, every merchant of the alliance. */
async function lastMonthVolumes(db: Db, a: Actor, hubId: string, now: Date) {
  const { start, end } = monthInstants(shiftMonth(localDate(now).slice(0, 7), -1))
  const rows = await db.all<{ merchantId: string; units: number }>(sql`
    select m.id as merchantId, count(x.return_id) as units
    from merchants m
    left join returns r on r.merchant_id = m.id and r.hub_id = ${hubId}
    left join run_receipts x on x.return_id = r.id and x.at >= ${start} and x.at < ${end}
    where m.alliance_id = ${a.allianceId}
    group by m.id`)
  return rows.map((r) => ({ merchantId: r.merchantId, units: Number(r.units) }))
}

async function balancedFor(db: Db, a: Actor, hubId: string, now: Date): Promise<Lane[]> {
  const [volumes, hubs] = await Promise.all([lastMonthVolumes(db, a, hubId, now), listHubs(db, a)])
  return balancedPlan({
    volumes,
    otherHubIds: hubs.filter((h) => h.id !== hubId).map((h) => h.id),
    maxMerchantsPerLane: DEFAULT_MAX_MERCHANTS_PER_LANE,
  })
}

/**
 * The hub's plan in force; the first read stores version 1, generated from last month's volumes.
 * @example await sortPlan(db, hubOperator, 'hub_1') // { version: 1, lanes: [{ code: 'A1', … }] }
 */
export async function sortPlan(
  db: Db,
  actor: Actor | null,
  hubId: string,
  now: Date,
): Promise<StoredSortPlan> {
  const { a, hub } = await planHub(db, actor, hubId)
  return ensureSortPlan(db, a, hub.id, now)
}

/** The plan in force at a hub the caller was already checked for, generated when there is none. */
export async function ensureSortPlan(
  db: Db,
  a: Actor,
  hubId: string,
  now: Date,
): Promise<StoredSortPlan> {
  const current = await currentSortPlan(db, hubId)
  if (current) return current
  try {
    await storePlan(db, a, hubId, await balancedFor(db, a, hubId, now), now, true)
  } catch (error) {
    // Another first read stored version 1 at the same moment: that one is the plan.
    if (!(error instanceof Conflict)) throw error
  }
  return (await currentSortPlan(db, hubId))!
}

/** Generates a balanced plan from last month's volumes and stores it as the next version. */
export async function generateSortPlan(
  db: Db,
  actor: Actor | null,
  hubId: string,
  now: Date,
): Promise<StoredSortPlan> {
  const { a, hub } = await planHub(db, actor, hubId)
  await storePlan(db, a, hub.id, await balancedFor(db, a, hub.id, now), now)
  return (await currentSortPlan(db, hub.id))!
}

/**
 * Stores an edited plan (already checked by `sortPlanSchema`) as the next version. Merchants must
 * be of the alliance, and transfer lanes go to another hub of it.
 */
export async function setSortPlan(
  db: Db,
  actor: Actor | null,
  input: { hubId: string; lanes: SortLaneInput[] },
  now: Date,
): Promise<StoredSortPlan> {
  const { a, hub } = await planHub(db, actor, input.hubId)
  const merchantIds = input.lanes.flatMap((l) => l.merchantIds)
  const [hubs, known] = await Promise.all([
    listHubs(db, a),
    merchantIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: merchants.id })
          .from(merchants)
          .where(and(eq(merchants.allianceId, a.allianceId), inArray(merchants.id, merchantIds))),
  ])
  const knownIds = new Set(known.map((m) => m.id))
  const unknown = merchantIds.find((m) => !knownIds.has(m))
  if (unknown) throw new InvalidInput('lanes', `merchant ${unknown} is not of this alliance`)
  const otherHubs = new Set(hubs.filter((h) => h.id !== hub.id).map((h) => h.id))
  const badHub = input.lanes.find((l) => l.kind === 'TRANSFER' && !otherHubs.has(l.toHubId!))
  if (badHub) throw new InvalidInput('lanes', `lane ${badHub.code} must send to another hub`)
  await storePlan(db, a, hub.id, input.lanes, now)
  return (await currentSortPlan(db, hub.id))!
}
