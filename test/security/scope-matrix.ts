import { sql } from 'drizzle-orm'
import { expect } from 'vitest'
import { formatCode } from '../../src/returns/code'
import type { Fixtures } from './fixtures'
import type { Outcome } from './matrix'

/**
 * Hub and station scope: every action a hub or station operator may take, tried by the operator
 * of another hub (hub 2 on hub 1's runs, returns and parcels) or another station (station 2 on
 * station 1's). The authorisation matrix proves who may act at all; this table proves that an
 * operator who may act reaches only its own hub's or station's rows. A refused change writes
 * nothing (the fingerprint of the database is unchanged); `check` asserts what an allowed call
 * may and may not show or touch.
 */
export type ScopeActor = 'hub2' | 'station2'

export const scopeEmails: Record<ScopeActor, string> = {
  hub2: 'hub2@nestwork.demo',
  station2: 'station2@nestwork.demo',
}

type Maybe<T> = T | Promise<T>

export interface ScopeGraphQLCase {
  /** The Query or Mutation field this row covers. */
  field: string
  as: ScopeActor
  query: string
  vars?: (fx: Fixtures) => Maybe<Record<string, unknown>>
  expect: Outcome
  /** Asserts on what an allowed (or refused) call returned or left behind. */
  check?: (fx: Fixtures, data: any, vars: Record<string, unknown>) => Promise<void>
  /** The refusal is recorded on purpose (a mis-routed parcel): skip the nothing-written check. */
  writes?: boolean
}

export interface ScopeRouteCase {
  method: 'GET' | 'POST'
  route: string
  as: ScopeActor
  make?: (fx: Fixtures) => Maybe<{ path?: string; form?: Record<string, string> }>
  expect: Outcome
  check?: (fx: Fixtures, body: string, made: { path?: string }) => Promise<void>
  /** An allowed POST changes the operator's own rows: skip the nothing-written check. */
  writes?: boolean
}

const N: Outcome = 'NOT_FOUND'
const F: Outcome = 'FORBIDDEN'
const C: Outcome = 'CONFLICT'
const OK: Outcome = 'OK'

const statusOf = async (fx: Fixtures, id: string) =>
  (await fx.t.db.all<{ status: string }>(sql`select status from returns where id = ${id}`))[0]!
    .status

/** A hub-1 parcel's receipt count: zero unless hub 1 received it. */
const receiptsOf = async (fx: Fixtures, id: string) =>
  (
    await fx.t.db.all<{ n: number }>(
      sql`select count(*) as n from run_receipts where return_id = ${id}`,
    )
  )[0]!.n

const FOOD = [
  { item: 'sealIntact', value: 'true' },
  { item: 'expiryDate', value: '2027-08-01' },
  { item: 'storageDamage', value: 'false' },
]

/** Hub 2's own open run from station 1 (it takes nothing of hub 1's). */
async function hub2Run(fx: Fixtures, token: string) {
  const { gql } = await import('../helpers/http')
  const res = await gql(fx.t, 'mutation { createPickupRun(stationId: "sta_01") { id } }', {}, token)
  return res.data!.createPickupRun.id as string
}

/** Tokens of the scope actors, filled in by the test before the rows run. */
export const scopeTokens: Record<ScopeActor, string> = { hub2: '', station2: '' }

export const scopeGraphQL: ScopeGraphQLCase[] = [
  {
    field: 'hubUtilisation',
    as: 'hub2',
    query: '{ hubUtilisation(hubId: "hub_1", month: "2026-11") { month } }',
    expect: F,
  },
  {
    field: 'hubLoad',
    as: 'hub2',
    query: '{ hubLoad(hubId: "hub_1", from: "2026-11-01", to: "2026-11-30") { date } }',
    expect: F,
  },
  {
    field: 'sortPlan',
    as: 'hub2',
    query: '{ sortPlan(hubId: "hub_1") { version } }',
    expect: F,
  },
  {
    field: 'generateSortPlan',
    as: 'hub2',
    query: 'mutation { generateSortPlan(hubId: "hub_1") { version } }',
    expect: F,
  },
  {
    field: 'setSortPlan',
    as: 'hub2',
    query: `mutation { setSortPlan(hubId: "hub_1", lanes: [
      { code: "A1", kind: MERCHANT, merchantIds: ["mer_01"] },
      { code: "L1", kind: LARGE },
      { code: "Q1", kind: QUARANTINE }
    ]) { version } }`,
    expect: F,
  },
  {
    field: 'hubThroughput',
    as: 'hub2',
    query: '{ hubThroughput(hubId: "hub_1", date: "2026-11-25") { date } }',
    expect: F,
  },
  {
    field: 'returns',
    as: 'hub2',
    query: '{ returns(first: 100) { nodes { id hub { id } } } }',
    expect: OK,
    check: async (_, data) => {
      for (const r of data.returns.nodes) expect(r.hub.id).toBe('hub_2')
    },
  },
  {
    field: 'returns',
    as: 'station2',
    query: '{ returns(first: 100) { nodes { id station { id } } } }',
    expect: OK,
    check: async (_, data) => {
      for (const r of data.returns.nodes) expect(r.station.id).toBe('sta_02')
    },
  },
  {
    field: 'return',
    as: 'hub2',
    query: 'query ($id: ID!) { return(id: $id) { id } }',
    vars: async (fx) => ({ id: (await fx.freshReturn('AT_HUB')).id }),
    expect: N,
  },
  {
    field: 'pickupRun',
    as: 'hub2',
    query: 'query ($id: ID!) { pickupRun(id: $id) { id } }',
    vars: (fx) => ({ id: fx.runA }),
    expect: N,
  },
  {
    field: 'inspectionQueue',
    as: 'hub2',
    query: '{ inspectionQueue(hubId: "hub_1") { return { id } } }',
    expect: N,
  },
  {
    field: 'inspectionQueue',
    as: 'hub2',
    query: '{ inspectionQueue { return { id hub { id } } } }',
    vars: async (fx) => ({ ignored: (await fx.freshReturn('AT_HUB')).id }),
    expect: OK,
    check: async (_, data) => {
      for (const item of data.inspectionQueue) expect(item.return.hub.id).toBe('hub_2')
    },
  },
  {
    field: 'setHubCapacity',
    as: 'hub2',
    query:
      'mutation { setHubCapacity(hubId: "hub_1", date: "2026-12-22", capacityUnits: 1) { date } }',
    expect: F,
  },
  {
    field: 'createPickupRun',
    as: 'hub2',
    // Naming hub 1 changes nothing: a hub operator's runs go to its own hub.
    query:
      'mutation ($s: ID!) { createPickupRun(stationId: $s, hubId: "hub_1") { hub { id } parcels { id } } }',
    vars: async (fx) => ({ s: 'sta_01', waiting: (await fx.freshReturn('AT_STATION')).id }),
    expect: OK,
    writes: true,
    check: async (fx, data, vars) => {
      expect(data.createPickupRun.hub.id).toBe('hub_2')
      expect(data.createPickupRun.parcels).toEqual([])
      expect(await statusOf(fx, vars.waiting as string)).toBe('AT_STATION')
    },
  },
  {
    field: 'receiveParcel',
    as: 'hub2',
    query:
      'mutation ($runId: ID!, $code: String!) { receiveParcel(runId: $runId, code: $code) { expected } }',
    vars: (fx) => fx.freshRunWithParcel(),
    expect: N,
  },
  {
    field: 'receiveParcel',
    as: 'hub2',
    // Hub 1's parcel scanned into hub 2's own run: not received, put on hub 2's transfer lane
    // and recorded as mis-routed.
    query:
      'mutation ($runId: ID!, $code: String!) { receiveParcel(runId: $runId, code: $code) { received transferTo { id } } }',
    vars: async (fx) => {
      const { code } = await fx.freshRunWithParcel()
      return { runId: await hub2Run(fx, scopeTokens.hub2), code }
    },
    expect: OK,
    writes: true,
    check: async (fx, data, vars) => {
      expect(data.receiveParcel).toEqual({ received: false, transferTo: { id: 'hub_1' } })
      const [row] = await fx.t.db.all<{ id: string; status: string }>(
        sql`select id, status from returns where code = ${vars.code}`,
      )
      expect(row!.status).toBe('IN_TRANSIT')
      expect(await receiptsOf(fx, row!.id)).toBe(0)
      const recorded = await fx.t.db.all(
        sql`select 1 from run_misroutes where return_id = ${row!.id} and run_id = ${vars.runId}`,
      )
      expect(recorded).toHaveLength(1)
    },
  },
  {
    field: 'createTransferRun',
    as: 'hub2',
    // Hub 1's transfer lane is hub 1's to empty.
    query: 'mutation { createTransferRun(fromHubId: "hub_1", toHubId: "hub_2") { id } }',
    expect: F,
  },
  {
    field: 'closePickupRun',
    as: 'hub2',
    query: 'mutation ($runId: ID!) { closePickupRun(runId: $runId) { id } }',
    vars: async (fx) => ({ runId: (await fx.freshRunWithParcel()).runId }),
    expect: N,
  },
  {
    field: 'uploadInspectionPhotos',
    as: 'hub2',
    query:
      'mutation ($returnId: ID!, $photos: [File!]!) { uploadInspectionPhotos(returnId: $returnId, photos: $photos) { id } }',
    vars: async (fx) => ({
      returnId: (await fx.freshReturn('AT_HUB')).id,
      photos: [
        new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'a.png'),
      ],
    }),
    expect: N,
  },
  {
    field: 'inspectReturn',
    as: 'hub2',
    query: 'mutation ($input: InspectReturnInput!) { inspectReturn(input: $input) { id } }',
    vars: async (fx) => ({
      input: {
        returnId: (await fx.freshReturn('AT_HUB')).id,
        grade: 'RESELLABLE',
        checklist: FOOD,
      },
    }),
    expect: N,
  },
  {
    field: 'stationCommissions',
    as: 'station2',
    query: '{ stationCommissions(stationId: "sta_01", month: "2026-11") { totalFen } }',
    expect: F,
  },
  {
    field: 'stationStatement',
    as: 'station2',
    query: '{ stationStatement(stationId: "sta_01", month: "2026-10") { id } }',
    expect: F,
  },
  {
    field: 'updateStationDetails',
    as: 'station2',
    query:
      'mutation { updateStationDetails(id: "sta_01", input: { openingHours: "06:00-23:00", services: [] }) { id } }',
    expect: F,
  },
  {
    field: 'checkInParcel',
    as: 'station2',
    // Already handed in at station 1: station 2 cannot take it over (or earn its commission).
    query: 'mutation ($code: String!) { checkInParcel(code: $code) { commissionFen } }',
    vars: async (fx) => ({ code: (await fx.freshReturn('AT_STATION')).code }),
    expect: C,
  },
]

export const scopeRoutes: ScopeRouteCase[] = [
  { method: 'GET', route: '/hub', as: 'hub2', make: () => ({ path: '/hub?hub=hub_1' }), expect: F },
  {
    method: 'POST',
    route: '/hub/capacity',
    as: 'hub2',
    make: () => ({ form: { hubId: 'hub_1', date: '2026-12-23', capacityUnits: '1' } }),
    expect: F,
  },
  {
    method: 'GET',
    route: '/returns',
    as: 'hub2',
    expect: OK,
    check: async (fx, body) => expect(body).not.toContain(formatCode(fx.returnA.code)),
  },
  {
    method: 'GET',
    route: '/returns/:id',
    as: 'hub2',
    make: (fx) => ({ path: `/returns/${fx.returnA.id}` }),
    expect: N,
  },
  {
    method: 'GET',
    route: '/returns/export.csv',
    as: 'hub2',
    expect: OK,
    check: async (fx, body) => expect(body).not.toContain(fx.returnA.code),
  },
  {
    method: 'GET',
    route: '/runs',
    as: 'hub2',
    make: () => ({ path: '/runs?hub=hub_1' }),
    expect: OK,
    check: async (fx, body) => expect(body).not.toContain(fx.runA),
  },
  {
    method: 'POST',
    route: '/runs',
    as: 'hub2',
    make: () => ({ form: { stationId: 'sta_01', hubId: 'hub_1' } }),
    expect: OK,
    writes: true,
    check: async (fx) => {
      const [run] = await fx.t.db.all<{ hub_id: string }>(
        sql`select hub_id from pickup_runs order by created_at desc, rowid desc limit 1`,
      )
      expect(run!.hub_id).toBe('hub_2')
    },
  },
  {
    method: 'GET',
    route: '/runs/:id',
    as: 'hub2',
    make: (fx) => ({ path: `/runs/${fx.runA}` }),
    expect: N,
  },
  {
    method: 'POST',
    route: '/runs/:id/receive',
    as: 'hub2',
    make: async (fx) => {
      const { runId, code } = await fx.freshRunWithParcel()
      return { path: `/runs/${runId}/receive`, form: { code } }
    },
    expect: N,
  },
  {
    method: 'POST',
    route: '/runs/:id/receive',
    as: 'hub2',
    make: async (fx) => {
      const { code } = await fx.freshRunWithParcel()
      return {
        path: `/runs/${await hub2Run(fx, scopeTokens.hub2)}/receive`,
        form: { code },
      }
    },
    expect: OK,
    writes: true,
    check: async (_, body) => expect(body).toContain('属于上海售后中心'),
  },
  {
    method: 'POST',
    route: '/runs/transfers',
    as: 'hub2',
    make: () => ({ form: { fromHubId: 'hub_1', toHubId: 'hub_2' } }),
    expect: F,
  },
  {
    method: 'POST',
    route: '/runs/:id/close',
    as: 'hub2',
    make: async (fx) => ({ path: `/runs/${(await fx.freshRunWithParcel()).runId}/close` }),
    expect: N,
  },
  {
    method: 'GET',
    route: '/inspect',
    as: 'hub2',
    make: async (fx) => ({ path: `/inspect?code=${(await fx.freshReturn('AT_HUB')).code}` }),
    expect: N,
  },
  {
    method: 'GET',
    route: '/inspect/:id',
    as: 'hub2',
    make: async (fx) => ({ path: `/inspect/${(await fx.freshReturn('AT_HUB')).id}` }),
    expect: N,
  },
  {
    method: 'POST',
    route: '/inspect/:id/grades',
    as: 'hub2',
    make: async (fx) => ({
      path: `/inspect/${(await fx.freshReturn('AT_HUB')).id}/grades`,
      form: { 'item.sealIntact': 'true' },
    }),
    expect: N,
  },
  {
    method: 'POST',
    route: '/inspect/:id',
    as: 'hub2',
    make: async (fx) => ({
      path: `/inspect/${(await fx.freshReturn('AT_HUB')).id}`,
      form: {
        'item.sealIntact': 'true',
        'item.expiryDate': '2027-08-01',
        'item.storageDamage': 'false',
        grade: 'RESELLABLE',
        notes: '',
      },
    }),
    expect: N,
  },
  {
    method: 'POST',
    route: '/inspect/:id/photos',
    as: 'hub2',
    make: async (fx) => ({ path: `/inspect/${(await fx.freshReturn('AT_HUB')).id}/photos` }),
    expect: N,
  },
  {
    method: 'GET',
    route: '/station',
    as: 'station2',
    make: async (fx) => {
      await fx.freshReturn('AT_STATION')
      return {}
    },
    expect: OK,
    check: async (fx, body) => {
      // Parcels checked in at station 1 today are not on station 2's console.
      const codes = await fx.t.db.all<{ code: string }>(
        sql`select code from returns where station_id = 'sta_01'`,
      )
      const { formatCode } = await import('../../src/returns/code')
      for (const { code } of codes) expect(body).not.toContain(formatCode(code))
    },
  },
  {
    method: 'POST',
    route: '/station/check-in',
    as: 'station2',
    make: async (fx) => ({ form: { code: (await fx.freshReturn('AT_STATION')).code } }),
    expect: C,
  },
  {
    method: 'GET',
    route: '/station/details',
    as: 'station2',
    expect: OK,
    check: async (_, body) => {
      const { demoStations } = await import('../../db/seed/demo-data')
      expect(body).toContain(demoStations[1]!.name)
      expect(body).not.toContain(demoStations[0]!.name)
    },
  },
  {
    method: 'POST',
    route: '/station/details',
    as: 'station2',
    make: () => ({ form: { openingHours: '07:00-22:00', services: 'PARCEL_LOCKER' } }),
    expect: OK,
    writes: true,
    check: async (fx) => {
      const hours = await fx.t.db.all<{ id: string; opening_hours: string }>(
        sql`select id, opening_hours from stations where id in ('sta_01', 'sta_02') order by id`,
      )
      expect(hours[0]!.opening_hours).not.toBe('07:00-22:00')
      expect(hours[1]!.opening_hours).toBe('07:00-22:00')
    },
  },
  {
    method: 'GET',
    route: '/commissions',
    as: 'station2',
    make: () => ({ path: '/commissions?station=sta_01' }),
    expect: F,
  },
]

/**
 * What hub and station operators may use that acts on no hub's or station's rows: their own
 * account and session, public pages and directory data. Everything else they may reach needs a
 * scope row.
 */
export const unscoped = {
  graphql: [
    'me',
    'mySessions',
    'alliance',
    'hubAvailability',
    'returnByCode',
    'nearestStations',
    'searchStations',
    'stationsInArea',
    'checklist',
    'login',
    'logout',
    'setLocale',
    'logoutEverywhere',
    'changePassword',
    'rateReturn',
    'acceptInvitation',
    'resetPassword',
    'applyForMembership',
    // A person's own notification centre: every read and write is the caller's rows only.
    'notifications',
    'notificationPreferences',
    'markNotificationsRead',
    'setNotificationPreference',
  ],
  routes: [
    'GET /',
    'GET /healthz',
    'GET /readyz',
    'GET /login',
    'POST /login',
    'POST /logout',
    'POST /locale',
    'GET /map',
    'GET /track',
    'POST /track/rate',
    'GET /stations',
    'GET /stations/area',
    'GET /account',
    'POST /account/sign-out-everywhere',
    'POST /account/password',
    'GET /benchmarks/methodology',
    'GET /invite/:token',
    'POST /invite/:token',
    'GET /reset/:token',
    'POST /reset/:token',
    'GET /join',
    'POST /join',
    'GET /notifications',
    'GET /notifications/preferences',
    'POST /notifications/preferences',
    'POST /notifications/read-all',
    'POST /notifications/:id/read',
  ],
}
