import { like, sql } from 'drizzle-orm'
import { rateLimits, users } from '../../db/schema'
import { demoPassword } from '../../db/seed/seed'
import { pbkdf2Hasher } from '../../src/auth/password'
import { notifyForEvent } from '../../src/notifications/notify'
import { gql } from '../helpers/http'
import { emails, type Fixtures, type RoleName } from './fixtures'

/**
 * What a caller gets. GraphQL: OK (data, no error) or the error's `extensions.code`.
 * Pages: OK (2xx, or a redirect that is not to sign-in), SIGN_IN (303 to /login), or the code
 * of the status (401 UNAUTHENTICATED, 403 FORBIDDEN, 404 NOT_FOUND, 400 BAD_USER_INPUT,
 * 409 CONFLICT).
 */
export type Outcome =
  'OK' | 'SIGN_IN' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT'

/** One outcome per role, in the order of `roles`: anonymous, A, B, station, hub, coordinator. */
type Row = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]

const OK = 'OK'
const U = 'UNAUTHENTICATED'
const S = 'SIGN_IN'
const F = 'FORBIDDEN'
const N = 'NOT_FOUND'
const B = 'BAD_USER_INPUT'

type Vars = Record<string, unknown>
type Maybe<T> = T | Promise<T>

export interface GraphQLCase {
  /** Variables for this role; may build fresh rows so a state change runs on its own row. */
  vars?: (fx: Fixtures, role: RoleName) => Maybe<Vars>
  expect: Row
  /** Signs in afresh for the cell (the operation ends the session). */
  freshSession?: boolean
  /** Runs once every role has had its turn (e.g. to sign everyone in again). */
  after?: (fx: Fixtures) => Promise<void>
}

export interface RouteCase {
  method: 'GET' | 'POST'
  /** The path as the route registers it. */
  route: string
  /** The concrete request for this role (default: the route itself, an empty form). */
  make?: (fx: Fixtures, role: RoleName) => Maybe<{ path?: string; form?: Record<string, string> }>
  expect: Row
  freshSession?: boolean
  after?: (fx: Fixtures) => Promise<void>
}

const month = { month: '2026-10' }

/**
 * After a password-change cell: every account has the demo password again, the sign-in counters
 * its wrong current passwords used up are forgotten, and everyone signs in afresh (the change
 * ended their other sessions).
 */
async function restoreDemoPasswords(fx: Fixtures) {
  const passwordHash = await pbkdf2Hasher(1000).hash(demoPassword)
  await fx.t.db.update(users).set({ passwordHash })
  await fx.t.db.delete(rateLimits)
  await fx.renewSessions()
}
// A user none of the six callers signs in as, whose sessions may be ended freely.
const bystander = 'usr_011'
const all = (o: Outcome): Row => [o, o, o, o, o, o]

/** A fresh invitation of merchant A, made by merchant A: its id and the secret of its link. */
async function freshInvitation(fx: Fixtures) {
  const res = await gql(
    fx.t,
    'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id url } }',
    { input: { email: `invited-${fx.seq()}@example.com`, role: 'MERCHANT' } },
    fx.tokens.merchantA,
  )
  const { id, url } = res.data.inviteUser as { id: string; url: string }
  return { id, token: url.split('/invite/')[1]! }
}
const newPassword = 'a-new-long-passphrase-42'

/** A tiny PNG as a multipart file part (gql sends a multipart request for it). */
const pngFile = () =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], 'a.png')

/** One line of returns as a shop export has it, unique per call. */
const importCsv = (fx: Fixtures) =>
  `订单号,类目,商品名称,订单金额,退货原因,售后中心\nIMP-${fx.seq()},FOOD,米粉,58.00,破损,hub_1`

/** A confirmed import of merchant A, of one fresh line. */
async function freshImport(fx: Fixtures) {
  const res = await gql(
    fx.t,
    'mutation ($csv: String!) { importReturns(csv: $csv) { id } }',
    { csv: importCsv(fx) },
    fx.tokens.merchantA,
  )
  return (res.data.importReturns as { id: string }).id
}

/** A fresh API token of merchant A, made by merchant A: its id. */
async function freshApiToken(fx: Fixtures) {
  const res = await gql(
    fx.t,
    'mutation ($scopes: [ApiScope!]!) { createApiToken(name: "matrix", scopes: $scopes) { apiToken { id } } }',
    { scopes: ['RETURNS_READ'] },
    fx.tokens.merchantA,
  )
  return (res.data.createApiToken as { apiToken: { id: string } }).apiToken.id
}

/** A fresh webhook endpoint of merchant A (public URL; nothing is sent in these tests). */
async function freshWebhook(fx: Fixtures) {
  const res = await gql(
    fx.t,
    'mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
    { input: { url: 'https://shop.example.com/hooks', events: ['return.received'] } },
    fx.tokens.merchantA,
  )
  return (res.data.createWebhookEndpoint as { endpoint: { id: string } }).endpoint.id
}

/** A queued test delivery to a fresh endpoint of merchant A. */
async function freshWebhookDelivery(fx: Fixtures) {
  const res = await gql(
    fx.t,
    'mutation ($id: ID!) { sendTestWebhook(endpointId: $id) { id } }',
    { id: await freshWebhook(fx) },
    fx.tokens.merchantA,
  )
  return (res.data.sendTestWebhook as { id: string }).id
}

/** A new staff member of merchant A, so a cell that ends or certifies someone has its own. */
async function freshStaff(fx: Fixtures) {
  const res = await gql(
    fx.t,
    'mutation ($name: String!) { addStaff(name: $name) { id } }',
    { name: `员工 ${fx.seq()}` },
    fx.tokens.merchantA,
  )
  return (res.data.addStaff as { id: string }).id
}

/** A staff member of merchant A whose certificate waits for a coordinator. */
async function pendingStaff(fx: Fixtures) {
  const staffId = await freshStaff(fx)
  await gql(
    fx.t,
    'mutation ($staffId: ID!) { submitCertification(staffId: $staffId, input: { number: "NW-1", date: "2026-11-01" }) { id } }',
    { staffId },
    fx.tokens.merchantA,
  )
  return staffId
}

/** A second user of merchant A, whose access merchant A's user manages. */
async function colleagueOfA(fx: Fixtures) {
  await fx.t.db
    .insert(users)
    .values({
      id: 'usr_matrix_colleague',
      allianceId: 'all_yrd',
      email: 'colleague-of-a@example.com',
      passwordHash: 'unusable',
      role: 'MERCHANT',
      displayName: 'Colleague of A',
      merchantId: 'mer_01',
    })
    .onConflictDoNothing()
  return 'usr_matrix_colleague'
}

/** Applications count against one address's limit; the matrix sends many from one. */
async function forgetApplications(fx: Fixtures) {
  await fx.t.db.delete(rateLimits).where(like(rateLimits.key, 'apply:%'))
}

const application = {
  shopName: '新店',
  category: 'TOYS',
  region: '浙江',
  contact: '138 0000 0000',
  shopUrl: 'https://shop.example.cn',
}

/** A fresh pending application's id. */
async function freshApplication(fx: Fixtures) {
  await forgetApplications(fx)
  const res = await gql(
    fx.t,
    'mutation ($input: MembershipApplicationInput!) { applyForMembership(input: $input) { id } }',
    { input: application },
  )
  return res.data.applyForMembership.id as string
}

/** The secret of a fresh reset link of the bystander, made by the coordinator. */
async function freshResetToken(fx: Fixtures) {
  const res = await gql(
    fx.t,
    'mutation ($userId: ID!) { createPasswordReset(userId: $userId) { url } }',
    { userId: bystander },
    fx.tokens.coordinator,
  )
  return (res.data.createPasswordReset.url as string).split('/reset/')[1]!
}
const key = (fx: Fixtures) => `matrix-key-${fx.seq()}`

/** A fresh notification of merchant A's user (a promoted booking), by its id. */
async function freshNotificationOfA(fx: Fixtures) {
  const [a] = await fx.t.db.all<{ id: string; alliance_id: string; merchant_id: string }>(
    sql`select id, alliance_id, merchant_id from users where email = ${emails.merchantA}`,
  )
  const eventId = `evt_matrix_${fx.seq()}`
  await notifyForEvent(fx.t.db, {
    id: eventId,
    type: 'booking.promoted',
    allianceId: a!.alliance_id,
    merchantId: a!.merchant_id,
    hubId: 'hub_1',
    stationId: null,
    returnId: null,
    data: { date: '2026-12-01' },
    createdAt: '2026-11-25T02:00:00.000Z',
  })
  const [n] = await fx.t.db.all<{ id: string }>(
    sql`select id from user_notifications where event_id = ${eventId} and user_id = ${a!.id}`,
  )
  return n!.id
}

const station = (name: string) => ({
  name,
  storeName: '便利店',
  address: '南京西路 1 号',
  city: '上海',
  province: '上海',
  lat: 31.23,
  lng: 121.47,
  openingHours: '09:00-21:00',
  services: ['PARCEL_LOCKER'],
  commissionFen: 150,
  largeItemCommissionFen: 300,
})

/** Every Query and Mutation field; the test fails when the schema has one not listed here. */
export const graphqlCases: Record<'Query' | 'Mutation', Record<string, GraphQLCase>> = {
  Query: {
    me: { expect: [U, OK, OK, OK, OK, OK] },
    mySessions: { expect: [U, OK, OK, OK, OK, OK] },
    unseenBreachNotices: { expect: [U, OK, OK, F, F, F] },
    allianceUsers: { expect: [U, F, F, F, F, OK] },
    auditLog: { expect: [U, F, F, F, F, OK] },
    apiTokens: { expect: [U, OK, OK, F, F, OK] },
    webhookEndpoints: { expect: [U, OK, OK, F, F, OK] },
    webhookDeliveries: {
      vars: async (fx) => ({ endpointId: await freshWebhook(fx) }),
      expect: [U, OK, N, F, F, N],
    },
    notifications: { expect: [U, OK, OK, OK, OK, OK] },
    notificationPreferences: { expect: [U, OK, OK, OK, OK, OK] },
    alliance: { expect: [U, OK, OK, OK, OK, OK] },
    hubAvailability: {
      vars: () => ({ hubId: 'hub_1', from: '2026-12-01', to: '2026-12-07' }),
      expect: [U, OK, OK, OK, OK, OK],
    },
    myBookings: { expect: [U, OK, OK, F, F, F] },
    hubUtilisation: {
      vars: () => ({ hubId: 'hub_1', month: '2026-11' }),
      expect: [U, F, F, F, OK, OK],
    },
    hubLoad: {
      vars: () => ({ hubId: 'hub_1', from: '2026-11-01', to: '2026-11-30' }),
      expect: [U, F, F, F, OK, OK],
    },
    returns: { expect: [U, OK, OK, OK, OK, OK] },
    // Returns bound for hub 1 are the hub 1 operator's to see; returnA is not at a station yet.
    return: { vars: (fx) => ({ id: fx.returnA.id }), expect: [U, OK, N, N, OK, OK] },
    returnByCode: { vars: (fx) => ({ code: fx.returnA.code }), expect: all(OK) },
    suggestedHub: { vars: () => ({ region: '苏州' }), expect: [U, OK, OK, F, F, OK] },
    pickupRun: { vars: (fx) => ({ id: fx.runA }), expect: [U, F, F, F, OK, OK] },
    sortPlan: { vars: () => ({ hubId: 'hub_1' }), expect: [U, F, F, F, OK, OK] },
    hubThroughput: {
      vars: () => ({ hubId: 'hub_1', date: '2026-11-25' }),
      expect: [U, F, F, F, OK, OK],
    },
    stationCommissions: {
      vars: () => ({ stationId: 'sta_01', month: '2026-10' }),
      expect: [U, F, F, OK, F, OK],
    },
    nearestStations: { vars: () => ({ lat: 31.23, lng: 121.47 }), expect: all(OK) },
    stationsInArea: {
      vars: () => ({ south: 31.1, west: 121.4, north: 31.3, east: 121.6 }),
      expect: all(OK),
    },
    searchStations: { vars: () => ({ query: '浦东', lat: 31.23, lng: 121.47 }), expect: all(OK) },
    checklist: { vars: () => ({ category: 'FOOD' }), expect: all(OK) },
    serviceLevels: { vars: () => ({ month: '2026-11' }), expect: [U, OK, OK, F, F, OK] },
    staff: { vars: () => ({ merchantId: 'mer_01' }), expect: [U, OK, N, F, F, OK] },
    certificationsToVerify: { expect: [U, F, F, F, F, OK] },
    afterSalesDesk: { expect: [U, OK, OK, F, F, F] },
    inspectionQueue: { expect: [U, F, F, F, OK, OK] },
    costs: { vars: () => month, expect: [U, F, F, F, F, OK] },
    allocationRules: { expect: [U, OK, OK, F, F, OK] },
    settlementPreview: { vars: () => ({ month: '2026-11' }), expect: [U, F, F, F, F, OK] },
    settlement: { vars: () => month, expect: [U, F, F, F, F, OK] },
    myStatement: {
      vars: () => ({ month: '2026-10', merchantId: 'mer_01' }),
      expect: [U, OK, N, F, F, OK],
    },
    stationStatement: {
      vars: () => ({ stationId: 'sta_01', month: '2026-10' }),
      expect: [U, F, F, OK, F, OK],
    },
    claims: { expect: [U, OK, OK, F, F, OK] },
    pendingInvitations: { expect: [U, OK, OK, F, F, OK] },
    merchantUsers: { expect: [U, OK, OK, F, F, F] },
    membershipApplications: { expect: [U, F, F, F, F, OK] },
    merchantMemberships: { vars: () => ({ month: '2026-11' }), expect: [U, F, F, F, F, OK] },
    insurancePool: { expect: [U, OK, OK, F, F, OK] },
    claimPayoutPreview: { expect: [U, F, F, F, F, OK] },
    myInsurance: { expect: [U, OK, OK, F, F, F] },
    benchmarks: { vars: () => month, expect: [U, OK, OK, F, F, OK] },
    returnRisk: { vars: (fx) => ({ returnId: fx.returnA.id }), expect: [U, OK, N, F, F, F] },
    benchmarkTrend: { vars: () => month, expect: [U, OK, OK, F, F, OK] },
  },
  Mutation: {
    login: {
      vars: () => ({ email: 'merchant3@nestwork.demo', password: 'nestwork-demo' }),
      expect: all(OK),
    },
    logout: { expect: [U, OK, OK, OK, OK, OK], freshSession: true },
    setLocale: { vars: () => ({ locale: 'zh-CN' }), expect: [U, OK, OK, OK, OK, OK] },
    // Merchant A's own spare session; to everyone else it does not exist.
    revokeSession: {
      vars: async (fx) => ({ id: await fx.spareSessionOfA() }),
      expect: [U, OK, N, N, N, N],
    },
    logoutEverywhere: {
      expect: [U, OK, OK, OK, OK, OK],
      freshSession: true,
      after: (fx) => fx.renewSessions(),
    },
    // Everyone changes their own password only (this token stays signed in); the demo password
    // comes back afterwards.
    changePassword: {
      vars: () => ({ currentPassword: demoPassword, newPassword: 'a-new-long-passphrase-42' }),
      expect: [U, OK, OK, OK, OK, OK],
      after: restoreDemoPasswords,
    },
    dismissBreachNotices: { expect: [U, OK, OK, F, F, F] },
    revokeUserSessions: { vars: () => ({ userId: bystander }), expect: [U, F, F, F, F, OK] },
    inviteUser: {
      vars: (fx, role) => ({
        input: {
          email: `matrix-${fx.seq()}@example.com`,
          role: role === 'coordinator' ? 'COORDINATOR' : 'MERCHANT',
        },
      }),
      expect: [U, OK, OK, F, F, OK],
    },
    // Merchant A's invitation: merchant B cannot see it.
    revokeInvitation: {
      vars: async (fx) => ({ id: (await freshInvitation(fx)).id }),
      expect: [U, OK, N, F, F, OK],
    },
    applyForMembership: {
      vars: async (fx) => {
        await forgetApplications(fx)
        return { input: application }
      },
      expect: all(OK),
    },
    admitMerchant: {
      vars: async (fx) => ({ applicationId: await freshApplication(fx), startMonth: '2026-12' }),
      expect: [U, F, F, F, F, OK],
    },
    declineApplication: {
      vars: async (fx) => ({ applicationId: await freshApplication(fx), reason: '不在服务地区' }),
      expect: [U, F, F, F, F, OK],
    },
    setMerchantMembership: {
      vars: () => ({ merchantId: 'mer_05', status: 'ACTIVE', fromMonth: '2026-12' }),
      expect: [U, F, F, F, F, OK],
    },
    createPasswordReset: { vars: () => ({ userId: bystander }), expect: [U, N, N, F, F, OK] },
    resetPassword: {
      vars: async (fx) => ({ token: await freshResetToken(fx), newPassword }),
      expect: all(OK),
    },
    createApiToken: {
      vars: () => ({ name: 'matrix', scopes: ['RETURNS_READ'] }),
      expect: [U, OK, OK, F, F, OK],
    },
    markNotificationsRead: {
      vars: async (fx) => ({ ids: [await freshNotificationOfA(fx)] }),
      expect: [U, OK, OK, OK, OK, OK],
    },
    setNotificationPreference: {
      vars: () => ({ kind: 'SLA_DUE_SOON', enabled: true }),
      expect: [U, OK, OK, OK, OK, OK],
    },
    revokeApiToken: {
      vars: async (fx) => ({ id: await freshApiToken(fx) }),
      expect: [U, OK, N, F, F, N],
    },
    createWebhookEndpoint: {
      vars: () => ({
        input: { url: 'https://shop.example.com/matrix', events: ['return.registered'] },
      }),
      expect: [U, OK, OK, F, F, OK],
    },
    updateWebhookEndpoint: {
      vars: async (fx) => ({ id: await freshWebhook(fx), input: { description: '仓库系统' } }),
      expect: [U, OK, N, F, F, N],
    },
    deleteWebhookEndpoint: {
      vars: async (fx) => ({ id: await freshWebhook(fx) }),
      expect: [U, OK, N, F, F, N],
    },
    sendTestWebhook: {
      vars: async (fx) => ({ endpointId: await freshWebhook(fx) }),
      expect: [U, OK, N, F, F, N],
    },
    redeliverWebhook: {
      vars: async (fx) => ({ deliveryId: await freshWebhookDelivery(fx) }),
      expect: [U, OK, N, F, F, N],
    },
    setUserActive: {
      vars: () => ({ userId: bystander, active: true }),
      expect: [U, N, N, F, F, OK],
    },
    acceptInvitation: {
      vars: async (fx) => ({ token: (await freshInvitation(fx)).token, password: newPassword }),
      expect: all(OK),
    },
    bookHubCapacity: {
      vars: (fx) => ({
        input: { hubId: 'hub_1', date: '2026-12-11', units: 1, idempotencyKey: key(fx) },
      }),
      expect: [U, OK, OK, F, F, F],
    },
    cancelBooking: {
      vars: async (fx) => ({ id: await fx.freshBooking() }),
      expect: [U, OK, N, N, N, OK],
    },
    setHubCapacity: {
      vars: () => ({ hubId: 'hub_1', date: '2026-12-20', capacityUnits: 1500 }),
      expect: [U, F, F, F, OK, OK],
    },
    registerReturn: {
      vars: () => ({
        input: {
          orderRef: 'TB-9',
          category: 'TOYS',
          itemDescription: '积木',
          orderValueFen: 9900,
          reason: '少件',
          hubId: 'hub_1',
        },
      }),
      expect: [U, OK, OK, F, F, F],
    },
    importReturns: {
      vars: (fx) => ({ csv: importCsv(fx), dryRun: true }),
      expect: [U, OK, OK, F, F, F],
    },
    cancelReturn: {
      vars: async (fx) => ({ id: (await fx.freshReturn()).id }),
      expect: [U, OK, N, F, F, OK],
    },
    checkInParcel: {
      vars: async (fx) => ({ code: (await fx.freshReturn()).code }),
      expect: [U, F, F, OK, F, F],
    },
    createPickupRun: { vars: () => ({ stationId: 'sta_01' }), expect: [U, F, F, F, OK, OK] },
    receiveParcel: {
      vars: (fx) => fx.freshRunWithParcel(),
      expect: [U, F, F, F, OK, OK],
    },
    closePickupRun: {
      vars: async (fx) => ({ runId: (await fx.freshRunWithParcel()).runId }),
      expect: [U, F, F, F, OK, OK],
    },
    createTransferRun: {
      vars: async (fx) => ({ fromHubId: 'hub_1', toHubId: await fx.waitingTransfer() }),
      expect: [U, F, F, F, OK, OK],
    },
    generateSortPlan: { vars: () => ({ hubId: 'hub_1' }), expect: [U, F, F, F, OK, OK] },
    setSortPlan: {
      vars: () => ({
        hubId: 'hub_1',
        lanes: [
          { code: 'A1', kind: 'MERCHANT', merchantIds: ['mer_01'] },
          { code: 'L1', kind: 'LARGE' },
          { code: 'Q1', kind: 'QUARANTINE' },
        ],
      }),
      expect: [U, F, F, F, OK, OK],
    },
    createStation: {
      vars: (fx) => ({ input: station(`驿站 ${fx.seq()}`) }),
      expect: [U, F, F, F, F, OK],
    },
    updateStation: {
      vars: () => ({ id: 'sta_48', input: station('驿站 48') }),
      expect: [U, F, F, F, F, OK],
    },
    setStationActive: {
      vars: () => ({ id: 'sta_48', active: true }),
      expect: [U, F, F, F, F, OK],
    },
    updateStationDetails: {
      vars: () => ({
        id: 'sta_01',
        input: { openingHours: '08:00-22:00', services: ['PARCEL_LOCKER'] },
      }),
      expect: [U, F, F, OK, F, OK],
    },
    respondToReturn: {
      vars: async (fx) => ({ id: (await fx.freshReturn()).id, message: '收到' }),
      expect: [U, OK, N, F, F, OK],
    },
    inspectReturn: {
      vars: async (fx) => ({
        input: {
          returnId: (await fx.freshReturn('AT_HUB')).id,
          grade: 'RESELLABLE',
          checklist: [
            { item: 'sealIntact', value: 'true' },
            { item: 'expiryDate', value: '2027-08-01' },
            { item: 'storageDamage', value: 'false' },
          ],
        },
      }),
      expect: [U, F, F, F, OK, OK],
    },
    resolveReturn: {
      vars: async (fx) => ({
        input: {
          returnId: (await fx.freshReturn('INSPECTED')).id,
          resolution: 'REFUND',
          refundFen: 100,
        },
      }),
      expect: [U, OK, N, F, F, F],
    },
    closeReturn: {
      vars: async (fx) => ({ id: (await fx.freshReturn('RESOLVED')).id }),
      expect: [U, OK, N, F, F, OK],
    },
    uploadInspectionPhotos: {
      vars: async (fx) => ({ returnId: (await fx.freshReturn('AT_HUB')).id, photos: [pngFile()] }),
      expect: [U, F, F, F, OK, OK],
    },
    rateReturn: {
      vars: async (fx) => ({ code: (await fx.freshReturn('RESOLVED')).code, stars: 5 }),
      expect: all(OK),
    },
    messageCustomer: {
      vars: async (fx) => ({
        returnId: (await fx.freshReturn()).id,
        text: '您好，已收到您的退货。',
      }),
      expect: [U, OK, N, F, F, F],
    },
    addStaff: { vars: () => ({ name: '李娜' }), expect: [U, OK, OK, F, F, F] },
    setStaffCertification: {
      vars: (fx) => ({ staffId: fx.staffA, certified: true }),
      expect: [U, OK, N, F, F, OK],
    },
    removeStaff: {
      vars: async (fx) => ({ staffId: await freshStaff(fx) }),
      expect: [U, OK, N, F, F, F],
    },
    submitCertification: {
      vars: async (fx) => ({
        staffId: await freshStaff(fx),
        input: { number: 'NW-2', date: '2026-11-01' },
      }),
      expect: [U, OK, N, F, F, F],
    },
    verifyCertification: {
      vars: async (fx) => ({ staffId: await pendingStaff(fx), verified: true }),
      expect: [U, F, F, F, F, OK],
    },
    recordCost: {
      vars: () => ({ input: { month: '2026-11', kind: 'SHARED', amountFen: 100 } }),
      expect: [U, F, F, F, F, OK],
    },
    setAllocationRules: {
      vars: () => ({ input: { bookedShareBp: 6000, sharedBasis: 'UNITS' } }),
      expect: [U, F, F, F, F, OK],
    },
    closeSettlement: {
      vars: () => ({ month: '2026-10', idempotencyKey: 'close-2026-10' }),
      expect: [U, F, F, F, F, OK],
    },
    markStatementPaid: {
      vars: (fx) => ({ statementId: fx.statementA }),
      expect: [U, F, F, F, F, OK],
    },
    addAdjustment: {
      vars: () => ({ merchantId: 'mer_01', month: '2026-10', amountFen: 100, reason: '更正' }),
      expect: [U, F, F, F, F, OK],
    },
    // Corrections: coordinators only, each cell on a cost or a paid statement of its own.
    voidCost: {
      vars: async (fx) => ({ id: await fx.freshCost(), reason: '录错' }),
      expect: [U, F, F, F, F, OK],
    },
    reverseCost: {
      vars: async (fx) => ({ id: await fx.freshCost(), reason: '录错' }),
      expect: [U, F, F, F, F, OK],
    },
    unmarkStatementPaid: {
      vars: async (fx) => ({ id: await fx.paidStatement('mer_04'), reason: '误标为已付款' }),
      expect: [U, F, F, F, F, OK],
    },
    enrolInsurance: { expect: [U, OK, OK, F, F, F] },
    declareOrderValue: {
      vars: () => ({ month: '2026-11', orderValueFen: 500_000 }),
      expect: [U, OK, OK, F, F, F],
    },
    fileClaim: {
      vars: async (fx) => ({
        input: {
          returnId: (await fx.freshReturn()).id,
          amountFen: 1000,
          lossDate: '2026-11-20',
          description: '丢失',
        },
      }),
      expect: [U, OK, N, F, F, F],
    },
    decideClaim: {
      vars: async (fx) => ({
        input: { claimId: await fx.freshClaim(), decision: 'REJECTED', reason: '不在保障范围' },
      }),
      expect: [U, F, F, F, F, OK],
    },
    runClaimPayout: {
      vars: (fx) => ({ month: '2026-11', idempotencyKey: key(fx) }),
      expect: [U, F, F, F, F, OK],
    },
    uploadClaimEvidence: {
      vars: async (fx) => ({ claimId: await fx.freshClaim(), evidence: [pngFile()] }),
      expect: [U, OK, N, F, F, F],
    },
    publishBenchmarks: { vars: () => month, expect: [U, F, F, F, F, OK] },
    setReturnCreditOptIn: { vars: () => ({ optIn: true }), expect: [U, OK, OK, F, F, F] },
  },
}

const returnForm = {
  orderRef: 'TB-7',
  category: 'FOOD',
  itemDescription: '米粉',
  orderValue: '58.00',
  reason: '包装破损',
  hubId: 'hub_1',
}

const stationForm = {
  name: '驿站 48',
  storeName: '便利店',
  address: '南京西路 1 号',
  city: '上海',
  province: '上海',
  lat: '31.23',
  lng: '121.47',
  openingHours: '09:00-21:00',
  services: 'PARCEL_LOCKER',
  commission: '1.50',
  largeCommission: '3.00',
}

const get = (route: string, expect: Row, make?: RouteCase['make']): RouteCase => ({
  method: 'GET',
  route,
  make,
  expect,
})

const post = (route: string, expect: Row, make?: RouteCase['make']): RouteCase => ({
  method: 'POST',
  route,
  make,
  expect,
})

/** Every page and form route; the test fails when the app registers one not listed here. */
export const routeCases: RouteCase[] = [
  get('/', [OK, OK, OK, OK, OK, OK]),
  get('/healthz', all(OK)),
  get('/readyz', all(OK)),
  get('/login', all(OK)),
  {
    ...post('/login', all(OK), () => ({
      form: { email: 'merchant3@nestwork.demo', password: 'nestwork-demo' },
    })),
    freshSession: true,
  },
  { ...post('/logout', all(OK)), freshSession: true },
  {
    ...post('/locale', all(OK), () => ({ form: { locale: 'zh-CN', next: '/' } })),
    freshSession: true,
  },
  get('/map', [S, OK, OK, OK, OK, OK]),
  get('/bookings', [S, OK, OK, F, F, F]),
  post('/bookings', [U, OK, OK, F, F, F], (fx) => ({
    form: { hubId: 'hub_1', date: '2026-12-12', units: '1', idempotencyKey: key(fx) },
  })),
  post('/bookings/:id/cancel', [U, OK, N, N, N, OK], async (fx) => ({
    path: `/bookings/${await fx.freshBooking()}/cancel`,
  })),
  get('/hub', [S, F, F, F, OK, OK]),
  post('/hub/capacity', [U, F, F, F, OK, OK], () => ({
    form: { hubId: 'hub_1', date: '2026-12-21', capacityUnits: '1500' },
  })),
  get('/utilisation', [S, F, F, F, F, OK]),
  get('/returns', [S, OK, OK, F, OK, OK]),
  get('/returns/export.csv', [S, OK, OK, F, OK, OK]),
  get('/returns/new', [S, OK, OK, F, F, F]),
  post('/returns', [U, OK, OK, F, F, F], () => ({ form: returnForm })),
  get('/returns/import', [S, OK, OK, F, F, F]),
  post('/returns/import', [U, OK, OK, F, F, F], (fx) => ({
    form: { csv: importCsv(fx), step: 'confirm' },
  })),
  get('/returns/import/:id', [S, OK, N, F, F, OK], async (fx) => ({
    path: `/returns/import/${await freshImport(fx)}`,
  })),
  get('/returns/import/:id/progress', [S, OK, N, F, F, OK], async (fx) => ({
    path: `/returns/import/${await freshImport(fx)}/progress`,
  })),
  get('/returns/:id', [S, OK, N, F, OK, OK], (fx) => ({ path: `/returns/${fx.returnA.id}` })),
  post('/returns/:id/cancel', [U, OK, N, F, F, OK], async (fx) => ({
    path: `/returns/${(await fx.freshReturn()).id}/cancel`,
  })),
  post('/returns/:id/messages', [U, OK, N, F, F, F], async (fx) => {
    const id = (await fx.freshReturn()).id
    return { path: `/returns/${id}/messages`, form: { returnId: id, text: '您好，已收到。' } }
  }),
  get('/returns/:id/label', [S, OK, N, F, F, OK], (fx) => ({
    path: `/returns/${fx.returnA.id}/label`,
  })),
  get('/returns/labels', [S, OK, N, F, F, OK], (fx) => ({
    path: `/returns/labels?ids=${fx.returnA.id}`,
  })),
  get('/returns/labels.pdf', [S, OK, N, F, F, OK], (fx) => ({
    path: `/returns/labels.pdf?ids=${fx.returnA.id}&layout=thermal`,
  })),
  get('/api-tokens', [S, OK, OK, F, F, OK]),
  post('/api-tokens', [U, OK, OK, F, F, OK], () => ({
    form: { name: 'matrix page', scopes: 'RETURNS_READ' },
  })),
  // Merchant A's token: to merchant B and the coordinator (the alliance's tokens) it is not theirs.
  post('/api-tokens/:id/revoke', [U, OK, N, F, F, N], async (fx) => ({
    path: `/api-tokens/${await freshApiToken(fx)}/revoke`,
    form: { confirm: '1' },
  })),
  get('/webhooks', [S, OK, OK, F, F, OK]),
  post('/webhooks', [U, OK, OK, F, F, OK], () => ({
    form: { url: 'https://shop.example.com/hooks', events: 'return.received', description: 'm' },
  })),
  // Merchant A's endpoint: to merchant B and the coordinator (the alliance's) it is not theirs.
  get('/webhooks/:id', [S, OK, N, F, F, N], async (fx) => ({
    path: `/webhooks/${await freshWebhook(fx)}`,
  })),
  post('/webhooks/:id', [U, OK, N, F, F, N], async (fx) => ({
    path: `/webhooks/${await freshWebhook(fx)}`,
    form: {
      url: 'https://shop.example.com/changed',
      events: 'return.resolved',
      description: 'matrix',
      enabled: '1',
    },
  })),
  post('/webhooks/:id/delete', [U, OK, N, F, F, N], async (fx) => ({
    path: `/webhooks/${await freshWebhook(fx)}/delete`,
    form: { confirm: '1' },
  })),
  get('/webhooks/:id/deliveries', [S, OK, N, F, F, N], async (fx) => ({
    path: `/webhooks/${await freshWebhook(fx)}/deliveries`,
  })),
  post('/webhooks/:id/test', [U, OK, N, F, F, N], async (fx) => ({
    path: `/webhooks/${await freshWebhook(fx)}/test`,
  })),
  post('/webhook-deliveries/:id/redeliver', [U, OK, N, F, F, N], async (fx) => ({
    path: `/webhook-deliveries/${await freshWebhookDelivery(fx)}/redeliver`,
  })),
  get('/station', [S, F, F, OK, F, F]),
  post('/station/check-in', [U, F, F, OK, F, F], async (fx) => ({
    form: { code: (await fx.freshReturn()).code },
  })),
  get('/track', all(OK), (fx) => ({ path: `/track?code=${fx.returnA.code}` })),
  post('/track/rate', all(OK), async (fx) => {
    // The rateReturn rows above used up this address's ratings per minute; start afresh.
    await fx.t.db.delete(rateLimits)
    return { form: { code: (await fx.freshReturn('RESOLVED')).code, stars: '4' } }
  }),
  get('/stations', all(OK)),
  get('/stations/area', all(OK), () => ({
    path: '/stations/area?south=31.1&west=121.4&north=31.3&east=121.6',
  })),
  get('/runs', [S, F, F, F, OK, OK]),
  post('/runs', [U, F, F, F, OK, OK], () => ({ form: { stationId: 'sta_01' } })),
  get('/runs/:id', [S, F, F, F, OK, OK], (fx) => ({ path: `/runs/${fx.runA}` })),
  post('/runs/:id/receive', [U, F, F, F, OK, OK], async (fx) => {
    const { runId, code } = await fx.freshRunWithParcel()
    return { path: `/runs/${runId}/receive`, form: { code } }
  }),
  post('/runs/transfers', [U, F, F, F, OK, OK], async (fx) => ({
    form: { fromHubId: 'hub_1', toHubId: await fx.waitingTransfer() },
  })),
  post('/runs/:id/close', [U, F, F, F, OK, OK], async (fx) => ({
    path: `/runs/${(await fx.freshRunWithParcel()).runId}/close`,
  })),
  get('/admin/stations', [S, F, F, F, F, OK]),
  get('/admin/users', [S, F, F, F, F, OK]),
  post('/admin/users/:id/revoke-sessions', [U, F, F, F, F, OK], () => ({
    path: `/admin/users/${bystander}/revoke-sessions`,
  })),
  get('/team', [S, OK, OK, F, F, F]),
  post('/team/invite', [U, OK, OK, F, F, F], (fx) => ({
    form: { email: `matrix-team-${fx.seq()}@example.com` },
  })),
  post('/team/invitations/:id/revoke', [U, OK, N, F, F, F], async (fx) => ({
    path: `/team/invitations/${(await freshInvitation(fx)).id}/revoke`,
  })),
  // Merchant A's colleague: to merchant B it does not exist.
  post('/team/:id/reset-link', [U, OK, N, F, F, F], async (fx) => ({
    path: `/team/${await colleagueOfA(fx)}/reset-link`,
  })),
  post('/team/:id/active', [U, OK, N, F, F, F], async (fx) => ({
    path: `/team/${await colleagueOfA(fx)}/active`,
    form: { active: 'true' },
  })),
  get('/join', all(OK)),
  post('/join', all(OK), async (fx) => {
    await forgetApplications(fx)
    return { form: application }
  }),
  get('/admin/merchants', [S, F, F, F, F, OK]),
  post('/admin/merchants/applications/:id/admit', [U, F, F, F, F, OK], async (fx) => {
    const id = await freshApplication(fx)
    return {
      path: `/admin/merchants/applications/${id}/admit`,
      form: { [`startMonth-${id}`]: '2026-12' },
    }
  }),
  post('/admin/merchants/applications/:id/decline', [U, F, F, F, F, OK], async (fx) => {
    const id = await freshApplication(fx)
    return {
      path: `/admin/merchants/applications/${id}/decline`,
      form: { [`reason-${id}`]: '暂不' },
    }
  }),
  post('/admin/merchants/:id/membership', [U, F, F, F, F, OK], () => ({
    path: '/admin/merchants/mer_05/membership',
    form: { 'status-mer_05': 'ACTIVE', 'fromMonth-mer_05': '2026-12' },
  })),
  post('/admin/users/invite', [U, F, F, F, F, OK], (fx) => ({
    form: { email: `matrix-page-${fx.seq()}@example.com`, role: 'COORDINATOR' },
  })),
  post('/admin/users/invitations/:id/revoke', [U, F, F, F, F, OK], async (fx) => ({
    path: `/admin/users/invitations/${(await freshInvitation(fx)).id}/revoke`,
  })),
  post('/admin/users/:id/reset-link', [U, F, F, F, F, OK], () => ({
    path: `/admin/users/${bystander}/reset-link`,
  })),
  post('/admin/users/:id/active', [U, F, F, F, F, OK], () => ({
    path: `/admin/users/${bystander}/active`,
    form: { active: 'true' },
  })),
  get('/reset/:token', all(OK), async (fx) => ({ path: `/reset/${await freshResetToken(fx)}` })),
  {
    ...post('/reset/:token', all(OK), async (fx) => ({
      path: `/reset/${await freshResetToken(fx)}`,
      form: { password: newPassword, repeatPassword: newPassword },
    })),
    freshSession: true,
  },
  get('/invite/:token', all(OK), async (fx) => ({
    path: `/invite/${(await freshInvitation(fx)).token}`,
  })),
  {
    ...post('/invite/:token', all(OK), async (fx) => ({
      path: `/invite/${(await freshInvitation(fx)).token}`,
      form: { password: newPassword, repeatPassword: newPassword },
    })),
    freshSession: true,
  },
  get('/admin/audit', [S, F, F, F, F, OK]),
  get('/account', [S, OK, OK, OK, OK, OK]),
  get('/notifications', [S, OK, OK, OK, OK, OK]),
  get('/notifications/preferences', [S, OK, OK, OK, OK, OK]),
  post('/notifications/preferences', [U, OK, OK, OK, OK, OK], () => ({
    form: { kind: 'SLA_DUE_SOON', enabled: 'true' },
  })),
  post('/notifications/read-all', [U, OK, OK, OK, OK, OK]),
  post('/notifications/:id/read', [U, OK, N, N, N, N], async (fx) => ({
    path: `/notifications/${await freshNotificationOfA(fx)}/read`,
  })),
  post('/account/sessions/:id/revoke', [U, OK, N, N, N, N], async (fx) => ({
    path: `/account/sessions/${await fx.spareSessionOfA()}/revoke`,
  })),
  {
    ...post('/account/sign-out-everywhere', [U, OK, OK, OK, OK, OK]),
    freshSession: true,
    after: (fx) => fx.renewSessions(),
  },
  {
    ...post('/account/password', [U, OK, OK, OK, OK, OK], () => ({
      form: {
        currentPassword: demoPassword,
        newPassword: 'a-new-long-passphrase-42',
        repeatPassword: 'a-new-long-passphrase-42',
      },
    })),
    after: restoreDemoPasswords,
  },
  post('/desk/breaches/dismiss', [U, OK, OK, F, F, F]),
  get('/admin/stations/new', [S, F, F, F, F, OK]),
  post('/admin/stations', [U, F, F, F, F, OK], (fx) => ({
    form: { ...stationForm, name: `驿站 ${fx.seq()}` },
  })),
  get('/admin/stations/:id', [S, F, F, F, F, OK], () => ({ path: '/admin/stations/sta_48' })),
  post('/admin/stations/:id', [U, F, F, F, F, OK], () => ({
    path: '/admin/stations/sta_48',
    form: stationForm,
  })),
  post('/admin/stations/:id/active', [U, F, F, F, F, OK], () => ({
    path: '/admin/stations/sta_48/active',
    form: { active: 'true' },
  })),
  get('/station/details', [S, F, F, OK, F, F]),
  // A parcel not (yet) handed in has no receipt, for the station as for the coordinator.
  get('/station/receipt/:code', [S, F, F, N, F, N], (fx) => ({
    path: `/station/receipt/${fx.returnA.code}`,
  })),
  post('/station/details', [U, F, F, OK, F, F], () => ({
    form: { openingHours: '08:00-22:00', services: 'PARCEL_LOCKER' },
  })),
  get('/inspect', [S, F, F, F, OK, OK]),
  get('/inspect/:id', [S, F, F, F, OK, OK], async (fx) => ({
    path: `/inspect/${(await fx.freshReturn('AT_HUB')).id}`,
  })),
  post('/inspect/:id/grades', [U, F, F, F, OK, OK], async (fx) => ({
    path: `/inspect/${(await fx.freshReturn('AT_HUB')).id}/grades`,
    form: { 'item.sealIntact': 'true' },
  })),
  post('/inspect/:id', [U, F, F, F, OK, OK], async (fx) => ({
    path: `/inspect/${(await fx.freshReturn('AT_HUB')).id}`,
    form: {
      'item.sealIntact': 'true',
      'item.expiryDate': '2027-08-01',
      'item.storageDamage': 'false',
      grade: 'RESELLABLE',
      notes: '',
    },
  })),
  // An empty form: the hub's operator and coordinators get past the checks to "choose a photo".
  post('/inspect/:id/photos', [U, F, F, F, B, B], async (fx) => ({
    path: `/inspect/${(await fx.freshReturn('AT_HUB')).id}/photos`,
  })),
  get('/returns/:id/photos/:photoId', [S, N, N, F, N, N], (fx) => ({
    path: `/returns/${fx.returnA.id}/photos/iph_none`,
  })),
  get('/desk', [S, OK, OK, F, F, F]),
  post('/desk/:id/respond', [U, OK, N, F, F, F], async (fx) => ({
    path: `/desk/${(await fx.freshReturn()).id}/respond`,
    form: { message: '收到' },
  })),
  post('/desk/:id/resolve', [U, OK, N, F, F, F], async (fx) => ({
    path: `/desk/${(await fx.freshReturn('INSPECTED')).id}/resolve`,
    form: { resolution: 'REFUND', refundYuan: '1.00', confirm: '1' },
  })),
  post('/desk/:id/close', [U, OK, N, F, F, F], async (fx) => ({
    path: `/desk/${(await fx.freshReturn('RESOLVED')).id}/close`,
  })),
  get('/service-levels', [S, OK, OK, F, F, OK]),
  get('/staff', [S, OK, OK, F, F, F]),
  post('/staff', [U, OK, OK, F, F, F], () => ({ form: { name: '赵敏' } })),
  post('/staff/:id/certification', [U, OK, N, F, F, F], (fx) => ({
    path: `/staff/${fx.staffA}/certification`,
    form: { certified: 'on' },
  })),
  post('/staff/:id/remove', [U, OK, N, F, F, F], async (fx) => ({
    path: `/staff/${await freshStaff(fx)}/remove`,
  })),
  // Without a scan: merchant A gets as far as "attach a scan"; B does not see the person.
  post('/staff/certificates', [U, B, N, F, F, F], async (fx) => ({
    form: { staffId: await freshStaff(fx), number: 'NW-3', date: '2026-11-01' },
  })),
  get('/staff/:id/scan', [S, N, N, F, F, N], (fx) => ({ path: `/staff/${fx.staffA}/scan` })),
  get('/admin/staff', [S, F, F, F, F, OK]),
  post('/admin/staff/:id/verify', [U, F, F, F, F, OK], async (fx) => ({
    path: `/admin/staff/${await pendingStaff(fx)}/verify`,
    form: { verified: 'true' },
  })),
  get('/settlement', [S, F, F, F, F, OK]),
  get('/settlement/items', [S, F, F, F, F, OK], () => ({
    path: '/settlement/items?month=2026-10',
  })),
  post('/settlement/costs', [U, F, F, F, F, OK], () => ({
    form: { month: '2026-11', kind: 'SHARED', amount: '1.00' },
  })),
  post('/settlement/rules', [U, F, F, F, F, OK], () => ({
    form: { month: '2026-11', bookedSharePercent: '60', sharedBasis: 'UNITS' },
  })),
  get('/settlement/close', [S, F, F, F, F, OK], () => ({
    path: '/settlement/close?month=2026-10',
  })),
  post('/settlement/close', [U, F, F, F, F, OK], () => ({
    form: { month: '2026-10', idempotencyKey: 'close-2026-10' },
  })),
  get('/settlement/close-status', [S, F, F, F, F, OK], () => ({
    path: '/settlement/close-status?month=2026-10',
  })),
  post('/settlement/statements/:id/paid', [U, F, F, F, F, OK], async (fx) => ({
    path: `/settlement/statements/${await fx.statementOf('mer_03')}/paid`,
  })),
  post('/settlement/costs/:id/void', [U, F, F, F, F, OK], async (fx) => ({
    path: `/settlement/costs/${await fx.freshCost()}/void`,
    form: { month: '2026-11', reason: '录错' },
  })),
  post('/settlement/costs/:id/reverse', [U, F, F, F, F, OK], async (fx) => ({
    path: `/settlement/costs/${await fx.freshCost()}/reverse`,
    form: { month: '2026-11', reason: '录错' },
  })),
  post('/settlement/statements/:id/unpaid', [U, F, F, F, F, OK], async (fx) => ({
    path: `/settlement/statements/${await fx.paidStatement('mer_05')}/unpaid`,
    form: { reason: '误标为已付款' },
  })),
  post('/settlement/adjustments', [U, F, F, F, F, OK], () => ({
    form: { merchantId: 'mer_01', month: '2026-10', amount: '1.00', reason: '更正' },
  })),
  get('/settlement/history', [S, F, F, F, F, OK]),
  get('/statements', [S, OK, OK, F, F, OK]),
  get('/statements/:ref{[0-9]{4}-[0-9]{2}(?:\\.csv)?}', [S, OK, N, F, F, OK], () => ({
    path: '/statements/2026-10?merchant=mer_01',
  })),
  get('/commissions', [S, F, F, OK, F, OK]),
  get('/insurance', [S, OK, OK, F, F, F]),
  post('/insurance/enrol', [U, OK, OK, F, F, F], () => ({ form: { startMonth: '2026-11' } })),
  post('/insurance/declarations', [U, OK, OK, F, F, F], () => ({
    form: { month: '2026-11', orderValue: '5000.00' },
  })),
  post('/insurance/claims', [U, OK, OK, F, F, F], (fx) => ({
    form: { amount: '10.00', lossDate: '2026-11-20', description: `丢失 ${fx.seq()}` },
  })),
  get('/insurance/claims', [S, F, F, F, F, OK]),
  get('/insurance/claims/:id', [S, OK, N, F, F, OK], (fx) => ({
    path: `/insurance/claims/${fx.claimA}`,
  })),
  post('/insurance/claims/:id/review', [U, F, F, F, F, OK], async (fx) => ({
    path: `/insurance/claims/${await fx.freshClaim()}/review`,
  })),
  post('/insurance/claims/:id/decision', [U, F, F, F, F, OK], async (fx) => ({
    path: `/insurance/claims/${await fx.freshClaim()}/decision`,
    form: { decision: 'REJECTED', reason: '不在保障范围' },
  })),
  post('/insurance/claims/:id/evidence', [U, B, N, F, F, F], async (fx) => ({
    path: `/insurance/claims/${await fx.freshClaim()}/evidence`,
  })),
  get('/insurance/claims/:id/evidence/:evidenceId', [S, N, N, F, F, N], (fx) => ({
    path: `/insurance/claims/${fx.claimA}/evidence/evd_none`,
  })),
  get('/insurance/pool', [S, OK, OK, F, F, OK]),
  get('/insurance/pool/payout', [S, F, F, F, F, OK]),
  post('/insurance/payouts', [U, F, F, F, F, OK], (fx) => ({
    form: { idempotencyKey: key(fx), expectedFen: '0' },
  })),
  get('/benchmarks/methodology', all(OK)),
  get('/benchmarks', [S, OK, OK, F, F, OK], () => ({ path: '/benchmarks?month=2026-10' })),
  post('/benchmarks/return-credit', [U, OK, OK, F, F, F], () => ({ form: { optIn: 'true' } })),
  get('/benchmarks/publish', [S, F, F, F, F, OK]),
  post('/benchmarks/publish', [U, F, F, F, F, OK], () => ({ form: { month: '2026-09' } })),
]
