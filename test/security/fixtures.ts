import { sql } from 'drizzle-orm'
import type { TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'

/** The six callers every cell of the matrix is tried as. */
export const roles = [
  'anonymous',
  'merchantA',
  'merchantB',
  'station',
  'hub',
  'coordinator',
] as const
export type RoleName = (typeof roles)[number]

/** Merchant A owns the rows under test; merchant B is the other tenant. */
export const emails: Record<Exclude<RoleName, 'anonymous'>, string> = {
  merchantA: 'merchant1@nestwork.demo',
  merchantB: 'merchant2@nestwork.demo',
  station: 'station1@nestwork.demo',
  hub: 'hub1@nestwork.demo',
  coordinator: 'coordinator@nestwork.demo',
}

/** Rows built once per file, all belonging to merchant A unless named otherwise. */
export interface Fixtures {
  t: TestApp
  tokens: Record<RoleName, string | undefined>
  browsers: Record<RoleName, Browser>
  /** A registered return (not yet at a station). */
  returnA: { id: string; code: string }
  bookingA: string
  claimA: string
  statementA: string
  /** The October statement of any merchant. */
  statementOf(merchantId: string): Promise<string>
  staffA: string
  runA: string
  /** A unique suffix for idempotency keys and names. */
  seq(): number
  /** A fresh return of merchant A, taken as far as `stage`. */
  freshReturn(stage?: Stage): Promise<{ id: string; code: string }>
  freshBooking(): Promise<string>
  freshClaim(): Promise<string>
  /** A fresh cost of November (open), recorded by the coordinator. */
  freshCost(): Promise<string>
  /** The October statement of a merchant, marked paid (again) if it is not. */
  paidStatement(merchantId: string): Promise<string>
  /** A fresh pickup run of station 1 to hub 1, and a parcel checked in at station 1. */
  freshRunWithParcel(): Promise<{ runId: string; code: string }>
  /** A parcel for hub 2 on hub 1's transfer lane; the hub it goes to. */
  waitingTransfer(): Promise<string>
  /** The id of a new, unused session of merchant A (for revoking it). */
  spareSessionOfA(): Promise<string>
  /** Signs every role in again, after a cell that ended their sessions. */
  renewSessions(): Promise<void>
}

export type Stage = 'REGISTERED' | 'AT_STATION' | 'AT_HUB' | 'INSPECTED' | 'RESOLVED'

const FOOD_ANSWERS = [
  { item: 'sealIntact', value: 'true' },
  { item: 'expiryDate', value: '2027-08-01' },
  { item: 'storageDamage', value: 'false' },
]

async function must(p: ReturnType<typeof gql>): Promise<any> {
  const res = await p
  if (!res.data || res.errors) throw new Error(JSON.stringify(res.errors))
  return res.data
}

/**
 * Builds the shared rows: merchants A and B enrolled in insurance from October with a declared
 * order value, October settled, and one of each of A's rows that cross-tenant reads ask for.
 */
export async function buildFixtures(t: TestApp): Promise<Fixtures> {
  const tokens = { anonymous: undefined } as Record<RoleName, string | undefined>
  const browsers = { anonymous: new Browser(t) } as Record<RoleName, Browser>
  // The builders below use these; a cell that ends sessions renews them (renewSessions).
  let merchantA = '',
    merchantB = '',
    station = '',
    hub = '',
    coordinator = ''
  async function renewSessions() {
    for (const role of roles) {
      if (role === 'anonymous') continue
      tokens[role] = await tokenFor(t, emails[role])
      browsers[role] = new Browser(t)
      await browsers[role].signIn(emails[role])
    }
    const live = tokens as Record<RoleName, string>
    ;({ merchantA, merchantB, station, hub, coordinator } = live)
  }
  await renewSessions()
  await browsers.anonymous.get('/login')
  let n = 0
  const seq = () => ++n

  t.setNow(new Date('2026-10-05T02:00:00Z'))
  for (const m of [merchantA, merchantB]) {
    await must(gql(t, 'mutation { enrolInsurance(startMonth: "2026-10") { startMonth } }', {}, m))
    await must(
      gql(
        t,
        'mutation { declareOrderValue(month: "2026-10", orderValueFen: 1000000) { premiumFen } }',
        {},
        m,
      ),
    )
  }
  t.setNow(new Date('2026-11-25T02:00:00Z'))
  await must(
    gql(
      t,
      'mutation { closeSettlement(month: "2026-10", idempotencyKey: "close-2026-10") { id } }',
      {},
      coordinator,
    ),
  )
  const statementA = (await must(gql(t, '{ myStatement(month: "2026-10") { id } }', {}, merchantA)))
    .myStatement.id as string

  const freshReturn = async (stage: Stage = 'REGISTERED') => {
    const r = await registerReturnFor(t, 1)
    if (stage === 'REGISTERED') return r
    await must(
      gql(t, `mutation { checkInParcel(code: "${r.code}") { alreadyCheckedIn } }`, {}, station),
    )
    if (stage === 'AT_STATION') return r
    const run = await must(
      gql(t, 'mutation { createPickupRun(stationId: "sta_01") { id } }', {}, hub),
    )
    await must(
      gql(
        t,
        `mutation { receiveParcel(runId: "${run.createPickupRun.id}", code: "${r.code}") { return { status } } }`,
        {},
        hub,
      ),
    )
    if (stage === 'AT_HUB') return r
    await must(
      gql(
        t,
        'mutation ($input: InspectReturnInput!) { inspectReturn(input: $input) { id } }',
        { input: { returnId: r.id, grade: 'RESELLABLE', checklist: FOOD_ANSWERS } },
        hub,
      ),
    )
    if (stage === 'INSPECTED') return r
    await must(
      gql(
        t,
        'mutation ($input: ResolveReturnInput!) { resolveReturn(input: $input) { id } }',
        { input: { returnId: r.id, resolution: 'REFUND', refundFen: 100 } },
        merchantA,
      ),
    )
    return r
  }
  const freshBooking = async () =>
    (
      await must(
        gql(
          t,
          'mutation ($input: BookHubCapacityInput!) { bookHubCapacity(input: $input) { id } }',
          {
            input: {
              hubId: 'hub_1',
              date: '2026-12-10',
              units: 1,
              idempotencyKey: `fixture-${seq()}`,
            },
          },
          merchantA,
        ),
      )
    ).bookHubCapacity.id as string
  const freshClaim = async () =>
    (
      await must(
        gql(
          t,
          'mutation ($input: FileClaimInput!) { fileClaim(input: $input) { id } }',
          { input: { amountFen: 1000, lossDate: '2026-11-20', description: `loss ${seq()}` } },
          merchantA,
        ),
      )
    ).fileClaim.id as string
  const freshRunWithParcel = async () => {
    const r = await freshReturn('AT_STATION')
    const run = await must(
      gql(t, 'mutation { createPickupRun(stationId: "sta_01") { id } }', {}, hub),
    )
    return { runId: run.createPickupRun.id as string, code: r.code }
  }
  /**
   * A parcel bound for hub 2 scanned at hub 1, waiting on hub 1's transfer lane: the hub it goes
   * to, for a cell that empties that lane.
   */
  const waitingTransfer = async () => {
    const r = await registerReturnFor(t, 1, { hubId: 'hub_2' })
    await must(
      gql(t, `mutation { checkInParcel(code: "${r.code}") { alreadyCheckedIn } }`, {}, station),
    )
    const { runId } = await freshRunWithParcel()
    await must(
      gql(
        t,
        `mutation { receiveParcel(runId: "${runId}", code: "${r.code}") { received } }`,
        {},
        hub,
      ),
    )
    return 'hub_2'
  }

  const freshCost = async () =>
    (
      await must(
        gql(
          t,
          'mutation ($n: String) { recordCost(input: { month: "2026-11", kind: SHARED, amountFen: 500, note: $n }) { id } }',
          { n: `fixture ${seq()}` },
          coordinator,
        ),
      )
    ).recordCost.id as string
  const statementOf = async (merchantId: string) =>
    (
      await must(
        gql(
          t,
          'query ($m: ID) { myStatement(month: "2026-10", merchantId: $m) { id } }',
          { m: merchantId },
          coordinator,
        ),
      )
    ).myStatement.id as string
  const paidStatement = async (merchantId: string) => {
    const id = await statementOf(merchantId)
    // Already paid answers CONFLICT; either way it is paid now.
    await gql(
      t,
      'mutation ($id: ID!) { markStatementPaid(statementId: $id) { id } }',
      { id },
      coordinator,
    )
    return id
  }

  await must(gql(t, 'mutation { setReturnCreditOptIn(optIn: true) }', {}, merchantA))
  const returnA = await freshReturn()
  const { runId: runA } = await freshRunWithParcel()
  const staffA = (await must(gql(t, 'mutation { addStaff(name: "王芳") { id } }', {}, merchantA)))
    .addStaff.id as string
  return {
    t,
    tokens,
    browsers,
    returnA,
    bookingA: await freshBooking(),
    claimA: await freshClaim(),
    statementA,
    statementOf,
    staffA,
    runA,
    seq,
    freshReturn,
    freshBooking,
    freshClaim,
    freshCost,
    paidStatement,
    freshRunWithParcel,
    waitingTransfer,
    spareSessionOfA: async () => {
      const spare = await tokenFor(t, emails.merchantA)
      const data = await must(gql(t, '{ mySessions { id current } }', {}, spare))
      return (data.mySessions as { id: string; current: boolean }[]).find((x) => x.current)!.id
    },
    renewSessions,
  }
}

/**
 * A cheap picture of the whole database: every table's row count and a hash of its rows.
 * Sessions and rate-limit counters are left out: a refused request may still count an attempt.
 * So are costs made by recurring templates: showing an open month adds them (by design), and a
 * refused form answers with the month's page; and with them the month's version counter
 * (`month_versions`), which moves only when a fingerprinted money table (or such a cost) does.
 */
export async function fingerprint(t: TestApp, skip: readonly string[] = volatileTables) {
  const tables = await t.db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`,
  )
  const out: Record<string, string> = {}
  for (const { name } of tables) {
    if (skip.includes(name)) continue
    const where = name === 'costs' ? ' where template_id is null' : ''
    const rows = await t.db.all<Record<string, unknown>>(sql.raw(`select * from "${name}"${where}`))
    out[name] = `${rows.length}:${hash(JSON.stringify(rows))}`
  }
  return out
}

const volatileTables = ['sessions', 'rate_limits', 'month_versions']

function hash(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(16)
}
