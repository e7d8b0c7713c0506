import { readFileSync } from 'node:fs'
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLObjectType,
} from 'graphql'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'
import { countDuring } from '../helpers/statements'

// D1's free plan allows 50 statements per request: every page and every read of the README stays
// within 20 whatever the data size, on a fixture far larger than the demo. Rows are inserted with
// raw SQL beside the app; each operation selects every field two levels deep, so per-row reads
// of its fields count too.
const budget = 20
let t: TestApp
let code: string
const tokens = new Map<string, string>()
const browsers = new Map<string, Browser>()
const sql = (text: string, args: (string | number)[] = [], on = t) =>
  on.client.execute({ sql: text, args })

async function idOf(email: string, on: TestApp) {
  const { rows } = (await sql(
    'select id, merchant_id from users where email = ?',
    [email],
    on,
  )) as {
    rows: { id: string; merchant_id: string }[]
  }
  return { user: rows[0]!.id, merchant: rows[0]!.merchant_id }
}

async function largeFixture(on: TestApp) {
  const m = await idOf('merchant1@nestwork.demo', on)
  const c = await idOf('coordinator@nestwork.demo', on)
  await sql(
    `with recursive i(n) as (select 1 union all select n + 1 from i where n < 2000)
    insert into bookings (id, seq, merchant_id, hub_id, date, units, status, idempotency_key,
      waitlist, created_by, created_at, updated_at)
    select 'bk_big_' || n, 100000 + n, ?, 'hub_' || (1 + n % 3),
      date('2026-10-01', '+' || (n % 120) || ' days'), 1, 'CONFIRMED', 'big-key-' || n, 0, ?,
      '2026-11-20T02:00:00.000Z', '2026-11-20T02:00:00.000Z'
    from i`,
    [m.merchant, m.user],
    on,
  )
  await sql(
    `with recursive i(n) as (select 1 union all select n + 1 from i where n < 2000)
    insert into returns (id, code, merchant_id, hub_id, order_ref, category, item_description,
      order_value_fen, large_item, reason, status, station_id, created_by, created_at,
      updated_by, updated_at)
    select 'ret_big_' || n, 'BIGCODE' || printf('%06d', n), ?, 'hub_1', 'TB-' || n, 'FOOD',
      '奶粉 800g', 25800, 0, '包装破损', 'AT_STATION', 'sta_01', ?,
      '2026-11-2' || (n % 5) || 'T02:00:00.000Z', ?, '2026-11-24T02:00:00.000Z'
    from i`,
    [m.merchant, m.user, m.user],
    on,
  )
  // sta_01's commissions, one a month from January, so its closed months have statements.
  await sql(
    `with recursive i(n) as (select 1 union all select n + 1 from i where n < 10)
    insert into commissions (return_id, station_id, merchant_id, amount_fen, large_item, month, at)
    select 'ret_big_' || n, 'sta_01', ?, 300, 0, '2026-' || printf('%02d', n),
      '2026-' || printf('%02d', n) || '-15T02:00:00.000Z'
    from i`,
    [m.merchant],
    on,
  )
  // What issues 20–23 added that grows: the merchant's notifications, its webhook endpoint's
  // deliveries and its import batches.
  await sql(
    `with recursive i(n) as (select 1 union all select n + 1 from i where n < 2000)
    insert into user_notifications (id, user_id, event_id, kind, return_id, data, read_at,
      created_at)
    select 'ntf_big_' || n, ?, 'evt_big_' || n, 'PARCEL_AT_STATION', 'ret_big_' || n,
      json_object('code', 'BIGCODE' || printf('%06d', n)), null,
      '2026-11-2' || (n % 5) || 'T02:00:00.000Z'
    from i`,
    [m.user],
    on,
  )
  await sql(
    `insert into webhook_endpoints (id, alliance_id, merchant_id, url, events, secret,
      created_by, created_at, updated_at)
    values ('whe_big', 'all_yrd', ?, 'https://example.com/hook', '["return.updated"]', 'secret',
      ?, '2026-11-20T02:00:00.000Z', '2026-11-20T02:00:00.000Z')`,
    [m.merchant, m.user],
    on,
  )
  await sql(
    `with recursive i(n) as (select 1 union all select n + 1 from i where n < 2000)
    insert into webhook_deliveries (id, endpoint_id, event_id, event_seq, event_type, return_id,
      status, created_at)
    select 'whd_big_' || n, 'whe_big', 'evt_big_' || n, n, 'return.updated', 'ret_big_' || n,
      'DELIVERED', '2026-11-2' || (n % 5) || 'T02:00:00.000Z'
    from i`,
    [],
    on,
  )
  await sql(
    `with recursive i(n) as (select 1 union all select n + 1 from i where n < 5000)
    insert into audit_log (alliance_id, at, actor_user_id, actor_role, request_id, action,
      entity_type, entity_id, before_json, after_json)
    select 'all_yrd', '2026-11-2' || (n % 5) || 'T0' || (n % 10) || ':00:00.000Z', ?, 'COORDINATOR',
      'req_big_' || n, 'cost.record', 'cost', 'cst_big_' || n, null, '{}'
    from i`,
    [c.user],
    on,
  )
}

// The README's pages, as each role opens them.
const pages: Record<string, string[]> = {
  'merchant1@nestwork.demo': [
    '/',
    '/map',
    '/account',
    '/bookings',
    '/returns',
    '/returns/import',
    '/returns/new?region=江苏',
    '/returns?search=13812345678&status=REGISTERED&createdFrom=2026-11-01',
    '/returns/export.csv?category=FOOD',
    '/desk',
    '/service-levels',
    '/staff',
    '/statements',
    '/statements/2026-11',
    '/statements/2026-10',
    '/insurance',
    '/benchmarks',
    '/notifications',
    '/notifications/preferences',
    '/api-tokens',
    '/webhooks',
    '/webhooks/whe_big',
    '/webhooks/whe_big/deliveries',
    '/team',
    '/returns/ret_big_1',
  ],
  'station1@nestwork.demo': ['/station', '/commissions', '/station/details'],
  'hub1@nestwork.demo': [
    '/hub',
    '/runs',
    '/inspect',
    '/returns',
    '/returns/export.csv',
    '/notifications',
  ],
  'coordinator@nestwork.demo': [
    '/utilisation',
    '/returns?slaState=BREACHED',
    '/returns/export.csv',
    '/settlement',
    '/settlement?month=2026-10',
    '/settlement/history',
    '/service-levels',
    '/insurance/claims',
    '/insurance/pool',
    '/benchmarks',
    '/admin/stations',
    '/admin/users',
    '/admin/audit',
    '/admin/audit?person=nestwork.demo',
    '/admin/merchants',
    '/admin/staff',
    '/api-tokens',
    '/webhooks',
  ],
}

// The README's reads, with arguments for the fixture.
const month = '2026-11'
const reads: Record<string, string[]> = {
  'merchant1@nestwork.demo': [
    'me',
    'alliance',
    'mySessions',
    'myBookings',
    'hubAvailability(hubId: "hub_1", from: "2026-11-01", to: "2027-01-01")',
    'returns(first: 20)',
    'returns(search: "TB-1", status: REGISTERED, createdFrom: "2026-11-01", first: 20)',
    'afterSalesDesk',
    `serviceLevels(month: "${month}")`,
    'staff',
    `myStatement(month: "${month}")`,
    'myInsurance',
    `benchmarks(month: "2026-10")`,
    'unseenBreachNotices',
    'notifications(first: 50)',
    'notificationPreferences',
    'apiTokens',
    'webhookEndpoints',
    'webhookDeliveries(endpointId: "whe_big", first: 50)',
    'merchantUsers',
    'pendingInvitations',
    `benchmarkTrend(month: "2026-10")`,
    'suggestedHub(region: "江苏")',
  ],
  'station1@nestwork.demo': [
    `stationCommissions(stationId: "sta_01", month: "${month}")`,
    `stationStatement(stationId: "sta_01", month: "${month}")`,
  ],
  'hub1@nestwork.demo': [
    `hubUtilisation(hubId: "hub_1", month: "${month}")`,
    'hubLoad(hubId: "hub_1", from: "2026-11-01", to: "2026-11-30")',
    'inspectionQueue',
    'checklist(category: FOOD)',
    'sortPlan(hubId: "hub_1")',
    'hubThroughput(hubId: "hub_1", date: "2026-11-25")',
  ],
  'coordinator@nestwork.demo': [
    `costs(month: "${month}")`,
    'allocationRules',
    `settlementPreview(month: "2026-10")`,
    `settlement(month: "2026-10")`,
    'claims',
    'claimPayoutPreview',
    'insurancePool',
    'allianceUsers',
    'auditLog(first: 50)',
    'auditLog(first: 50, person: "nestwork.demo")',
    'returns(first: 20)',
    'certificationsToVerify',
    'membershipApplications',
    `merchantMemberships(month: "${month}")`,
    'apiTokens',
    'webhookEndpoints',
    'notifications(first: 50)',
  ],
}
// Public reads select only what a customer may see.
const publicReads = [
  'query ($code: String!) { returnByCode(code: $code) { code category status stationName timeline { status at } nextStatus } }',
  '{ nearestStations(lat: 31.2304, lng: 121.4737, limit: 5) { station { id name city lat lng } distanceMeters } }',
  '{ searchStations(query: "上海", lat: 31.2304, lng: 121.4737, first: 20) { station { id name city lat lng } distanceMeters } }',
  '{ stationsInArea(south: 30, west: 120, north: 32, east: 122) { id name city lat lng } }',
]

const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'))

/** Every field of `type` that needs no argument, objects `depth` levels deep. */
function selection(type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields()).filter(
    (f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined),
  )
  const parts: string[] = []
  for (const f of fields) {
    const named = getNamedType(f.type)
    if (isScalarType(named) || isEnumType(named)) parts.push(f.name)
    else if (isObjectType(named) && depth > 0)
      parts.push(`${f.name} ${selection(named, depth - 1)}`)
  }
  return `{ ${parts.length > 0 ? parts.join(' ') : '__typename'} }`
}

function operation(read: string): string {
  const name = read.split('(')[0]!
  const field = schema.getQueryType()!.getFields()[name]!
  const named = getNamedType(field.type)
  return `{ ${read} ${isObjectType(named) ? selection(named, 2) : ''} }`
}

beforeAll(async () => {
  t = await createTestApp()
  code = (await registerReturnFor(t, 1)).code
  await largeFixture(t)
  // Closed months too: pages list them, and must not read each one on its own.
  const coordinator = await tokenOf('coordinator@nestwork.demo')
  for (let m = 1; m <= 10; m++) {
    const month = `2026-${String(m).padStart(2, '0')}`
    const closed = await gql(
      t,
      'mutation ($m: String!, $k: String!) { closeSettlement(month: $m, idempotencyKey: $k) { id } }',
      { m: month, k: `budget-close-${month}` },
      coordinator,
    )
    if (!closed.data) throw new Error(JSON.stringify(closed.errors))
  }
}, 60_000)

// One session per account for the whole file, as a user keeps one.
async function tokenOf(email: string) {
  if (!tokens.has(email)) tokens.set(email, await tokenFor(t, email))
  return tokens.get(email)!
}
async function browserOf(email: string) {
  if (!browsers.has(email)) {
    const browser = new Browser(t, '203.0.113.20')
    await browser.signIn(email)
    browsers.set(email, browser)
  }
  return browsers.get(email)!
}

describe(`statements per request stay within ${budget} on a large fixture`, () => {
  for (const [email, list] of Object.entries(pages)) {
    it.each(list)(`${email.split('@')[0]} page %s`, async (path) => {
      const browser = await browserOf(email)
      const { statements, result: res } = await countDuring(t, () => browser.get(path))
      expect(res.status).toBe(200)
      expect(statements).toBeLessThanOrEqual(budget)
    })
  }

  it.each(['/track?code=', '/stations', '/join'])('public page %s', async (path) => {
    const browser = new Browser(t, '203.0.113.21')
    const url = path.endsWith('=') ? path + code : path
    const { statements, result: res } = await countDuring(t, () => browser.get(url))
    expect(res.status).toBe(200)
    expect(statements).toBeLessThanOrEqual(budget)
  })

  for (const [email, list] of Object.entries(reads)) {
    it.each(list)(`${email.split('@')[0]} query %s`, async (read) => {
      const token = await tokenOf(email)
      const query = operation(read)
      const { statements, result: res } = await countDuring(t, () => gql(t, query, {}, token))
      expect(res.errors).toBeUndefined()
      expect(statements).toBeLessThanOrEqual(budget)
    })
  }

  it.each(publicReads)('public query %s', async (query) => {
    const { statements, result: res } = await countDuring(t, () =>
      gql(t, query, { code }, undefined, '203.0.113.22'),
    )
    expect(res.errors).toBeUndefined()
    expect(statements).toBeLessThanOrEqual(budget)
  })
})

describe('with last month still open', () => {
  // These pages compute the live statement of every open month (this one and the last): the
  // months share their reads, so a second open month adds none.
  it.each([
    ['/statements', 'merchant1@nestwork.demo'],
    ['/commissions', 'station1@nestwork.demo'],
  ])(`%s stays within ${budget} statements`, async (path, email) => {
    const open = await createTestApp()
    await largeFixture(open)
    const browser = new Browser(open, '203.0.113.23')
    await browser.signIn(email)
    const { statements, result: res } = await countDuring(open, () => browser.get(path))
    expect(res.status).toBe(200)
    expect(await res.text()).toContain(month)
    expect(statements).toBeLessThanOrEqual(budget)
  })
})
