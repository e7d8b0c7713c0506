import { eq, getTableColumns, sql } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { PasswordHasher } from '../../src/auth/password'
import type { Db } from '../../src/db'
import {
  allianceSettings,
  alliances,
  allocationRules,
  costTemplates,
  hubs,
  merchants,
  stations,
  users,
} from '../schema'
import { demoAlliance, demoHubs, demoMerchants, demoStations } from './demo-data'
import { seedHistory, type HistoryOptions } from './history'

export const demoPassword = 'nestwork-demo'

type DemoUser = Omit<typeof users.$inferInsert, 'id' | 'allianceId' | 'passwordHash'>

/** Every demo sign-in: the coordinator, then one per merchant, station and hub. */
export function demoUsers(): DemoUser[] {
  return [
    { email: 'coordinator@nestwork.demo', role: 'COORDINATOR', displayName: '联盟协调员 王敏' },
    ...demoMerchants.map((m, i) => ({
      email: `merchant${i + 1}@nestwork.demo`,
      role: 'MERCHANT' as const,
      displayName: m.name,
      merchantId: m.id,
    })),
    ...demoStations.map((s, i) => ({
      email: `station${i + 1}@nestwork.demo`,
      role: 'STATION_OPERATOR' as const,
      displayName: `${s.name}店长`,
      stationId: s.id,
    })),
    ...demoHubs.map((h, i) => ({
      email: `hub${i + 1}@nestwork.demo`,
      role: 'HUB_OPERATOR' as const,
      displayName: `${h.nameZh}操作员`,
      hubId: h.id,
    })),
  ]
}

export interface SeedOptions {
  /**
   * Also write six months of history and the current month so far (`db/seed/history`), ending
   * just before `now`. Without it the alliance is empty: members, hubs and stations only.
   */
  history?: HistoryOptions
}

/**
 * Seeds the demo alliance once: a database that already has it is left untouched, so a restart
 * never duplicates or resets data. The alliance itself is written in one atomic batch; its
 * history, if asked for, after it.
 * @returns whether anything was written
 */
export async function seedDemo(
  db: Db,
  hasher: PasswordHasher,
  options: SeedOptions = {},
): Promise<boolean> {
  const [existing] = await db.select().from(alliances).where(eq(alliances.id, demoAlliance.id))
  if (existing) return false
  // Every demo account has the one published password, so one hash (one salt) for all of them
  // hides nothing and keeps seeding fast with a strong hasher: 72 scrypt hashes took seconds.
  const passwordHash = await hasher.hash(demoPassword)
  if (options.history) {
    await seedHistory(db, options.history, () => seedAlliance(db, passwordHash))
    // The history's events happened before anyone was there to be told of them: only the last
    // day's are left for the outbox drain, so the demo's bells hold what happened recently
    // rather than six months of notices (no webhook endpoint exists yet to deliver them to).
    const dayBefore = new Date(options.history.now.getTime() - 24 * 3600_000).toISOString()
    await db.run(
      sql`update outbox_events set fanned_out_at = created_at where created_at < ${dayBefore}`,
    )
  } else await seedAlliance(db, passwordHash)
  return true
}

/** The alliance, its settings, hubs, merchants, stations, accounts and recurring costs. */
async function seedAlliance(db: Db, passwordHash: string) {
  const allianceId = demoAlliance.id
  const people = demoUsers()
  // D1 binds at most 100 parameters per statement, so the larger tables go in chunks; the
  // batch keeps the whole seed atomic.
  const insertAll = <T extends SQLiteTable>(table: T, rows: T['$inferInsert'][]) => {
    const size = Math.floor(100 / Object.keys(getTableColumns(table)).length)
    const chunks = []
    for (let i = 0; i < rows.length; i += size) {
      chunks.push(db.insert(table).values(rows.slice(i, i + size)))
    }
    return chunks
  }
  await db.batch([
    db.insert(alliances).values({ ...demoAlliance }),
    db.insert(allianceSettings).values({
      id: 'set_yrd_1',
      allianceId,
      version: 1,
      effectiveFrom: '2024-01-01',
      maxShareOfHubDayBp: 4000,
      premiumRateBp: 50,
      claimCapFen: 500_000,
      benchmarkK: 5,
    }),
    db.insert(allocationRules).values({
      id: 'rul_yrd_1',
      allianceId,
      version: 1,
      bookedShareBp: 2000,
      sharedBasis: 'EQUAL',
    }),
    ...insertAll(
      hubs,
      demoHubs.map((h) => ({ ...h, allianceId })),
    ),
    ...insertAll(
      merchants,
      demoMerchants.map((m) => ({ ...m, allianceId })),
    ),
    ...insertAll(
      stations,
      demoStations.map((s) => ({ ...s, allianceId })),
    ),
    ...insertAll(
      users,
      people.map((p, i) => ({
        ...p,
        id: `usr_${String(i + 1).padStart(3, '0')}`,
        allianceId,
        passwordHash,
      })),
    ),
    // What running the network costs each month: every hub's rent and staff, and the shared
    // platform, so a month's settlement preview has something to split from the first day.
    ...insertAll(
      costTemplates,
      demoHubs.flatMap((h, i) => [
        {
          id: `tpl_rent_${i + 1}`,
          allianceId,
          kind: 'HUB_OPERATIONS' as const,
          hubId: h.id,
          amountFen: 3_800_000,
          note: `${h.nameZh} 场地租金`,
          startMonth: '2026-01',
        },
        {
          id: `tpl_staff_${i + 1}`,
          allianceId,
          kind: 'HUB_OPERATIONS' as const,
          hubId: h.id,
          amountFen: 9_600_000,
          note: `${h.nameZh} 人员`,
          startMonth: '2026-01',
        },
      ]),
    ),
    db.insert(costTemplates).values({
      id: 'tpl_platform',
      allianceId,
      kind: 'SHARED',
      amountFen: 1_200_000,
      note: '平台与系统维护',
      startMonth: '2026-01',
    }),
  ])
}
