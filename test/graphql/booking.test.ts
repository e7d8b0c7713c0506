import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { bookHubCapacity } from '../../src/booking/service'
import { actorForSession } from '../../src/auth/service'
import { createTestApp, testStart, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'

// The test clock stands at 2026-11-25 10:00 in Shanghai: 2026-11-27 is open for bookings.
const DAY = '2026-11-27'
let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const BOOK = /* GraphQL */ `
  mutation ($input: BookHubCapacityInput!) {
    bookHubCapacity(input: $input) {
      id
      status
      units
      date
      hub {
        id
      }
    }
  }
`
let keys = 0
function book(token: string, units: number, extra: Record<string, unknown> = {}) {
  return gql(
    t,
    BOOK,
    { input: { hubId: 'hub_1', date: DAY, units, idempotencyKey: `key-${++keys}-xyz`, ...extra } },
    token,
  )
}
const merchant = (n: number) => tokenFor(t, `merchant${n}@nestwork.demo`)
const coordinator = () => tokenFor(t, 'coordinator@nestwork.demo')

async function setCapacity(units: number, date = DAY) {
  return gql(
    t,
    `mutation { setHubCapacity(hubId: "hub_1", date: "${date}", capacityUnits: ${units}) { capacityUnits confirmedUnits remainingUnits } }`,
    {},
    await coordinator(),
  )
}

async function hubDay() {
  const rows = await t.db.all<{ capacity_units: number; confirmed_units: number }>(
    sql`select * from hub_days where hub_id = 'hub_1' and date = ${DAY}`,
  )
  const [sum] = await t.db.all<{ total: number }>(
    sql`select coalesce(sum(units), 0) as total from bookings
        where hub_id = 'hub_1' and date = ${DAY} and status = 'CONFIRMED'`,
  )
  return { ...rows[0]!, bookedTotal: sum!.total }
}

describe('bookHubCapacity', () => {
  it('confirms a booking that fits and shows it in availability and myBookings', async () => {
    const token = await merchant(1)
    const res = await book(token, 120)
    expect(res.data!.bookHubCapacity).toMatchObject({ status: 'CONFIRMED', units: 120, date: DAY })
    const avail = await gql(
      t,
      `{ hubAvailability(hubId: "hub_1", from: "${DAY}", to: "2026-11-28") { date capacityUnits confirmedUnits remainingUnits myUnits } }`,
      {},
      token,
    )
    expect(avail.data!.hubAvailability).toEqual([
      { date: DAY, capacityUnits: 1500, confirmedUnits: 120, remainingUnits: 1380, myUnits: 120 },
      {
        date: '2026-11-28',
        capacityUnits: 1500,
        confirmedUnits: 0,
        remainingUnits: 1500,
        myUnits: 0,
      },
    ])
    const mine = await gql(t, '{ myBookings { units status hub { id } } }', {}, token)
    expect(mine.data!.myBookings).toEqual([
      { units: 120, status: 'CONFIRMED', hub: { id: 'hub_1' } },
    ])
  })

  it('never overbooks a hub-day under 200 concurrent requests', async () => {
    await setCapacity(1000)
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => merchant(i + 1)))
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => book(tokens[i % 20]!, 10)),
    )
    const confirmed = results.filter((r) => r.data?.bookHubCapacity?.status === 'CONFIRMED')
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CAPACITY_EXCEEDED')
    expect(confirmed).toHaveLength(100)
    expect(refused).toHaveLength(100)
    const day = await hubDay()
    expect(day.confirmed_units).toBe(1000)
    expect(day.bookedTotal).toBe(1000)
  })

  it('says how many units remain when a booking does not fit', async () => {
    await setCapacity(100)
    await book(await merchant(1), 40)
    await book(await merchant(2), 40)
    const res = await book(await merchant(3), 30)
    expect(res.errors![0]!.extensions).toMatchObject({
      code: 'CAPACITY_EXCEEDED',
      reason: 'CAPACITY',
      remainingUnits: 20,
    })
  })

  it('refuses more than the fair share and says what is still allowed', async () => {
    const token = await merchant(1)
    await book(token, 500)
    const res = await book(token, 101)
    expect(res.errors![0]!.extensions).toMatchObject({
      code: 'CAPACITY_EXCEEDED',
      reason: 'FAIR_SHARE',
      allowance: 100,
    })
    expect(res.errors![0]!.message).toMatch(/100 more units/)
  })

  it('returns the same booking when a request is repeated, and refuses a reused key', async () => {
    const token = await merchant(1)
    const input = { hubId: 'hub_1', date: DAY, units: 50, idempotencyKey: 'order-batch-0001' }
    const [a, b] = await Promise.all([
      gql(t, BOOK, { input }, token),
      gql(t, BOOK, { input }, token),
    ])
    expect(a.data!.bookHubCapacity.id).toBe(b.data!.bookHubCapacity.id)
    expect((await hubDay()).confirmed_units).toBe(50)
    const changed = await gql(t, BOOK, { input: { ...input, units: 60 } }, token)
    expect(changed.errors![0]!.extensions!.code).toBe('CONFLICT')
  })

  it.each([
    ['an impossible date', { date: '2026-02-30' }, /YYYY-MM-DD/],
    ['a past date', { date: '2026-11-20' }, /past/],
    ['a date past its cutoff', { date: '2026-11-25' }, /past|closed/],
    ['a date beyond 60 days', { date: '2027-02-01' }, /60 days/],
    ['zero units', { units: 0 }, /at least 1/],
    ['a short idempotency key', { idempotencyKey: 'k' }, /8 to 100/],
  ])('refuses %s with BAD_USER_INPUT', async (_, override, message) => {
    const input = {
      hubId: 'hub_1',
      date: DAY,
      units: 5,
      idempotencyKey: 'valid-key-1',
      ...override,
    }
    const res = await gql(t, BOOK, { input }, await merchant(1))
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    expect(res.errors![0]!.message).toMatch(message)
  })

  it('closes tomorrow at 18:00 Shanghai time today', async () => {
    const token = await merchant(1)
    t.setNow(new Date('2026-11-26T09:59:00Z'))
    expect((await book(token, 5)).data!.bookHubCapacity.status).toBe('CONFIRMED')
    t.setNow(new Date('2026-11-26T10:00:00Z'))
    expect((await book(token, 5)).errors![0]!.message).toMatch(/closed at 18:00/)
  })

  it('does not let a station operator or a hub operator book', async () => {
    for (const email of ['station1@nestwork.demo', 'hub1@nestwork.demo']) {
      const res = await book(await tokenFor(t, email), 5)
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN')
    }
  })
})

describe('waitlist', () => {
  it('promotes waitlisted bookings strictly in arrival order as units free up', async () => {
    await setCapacity(100)
    const m = await Promise.all([1, 2, 3, 4, 5, 6].map(merchant))
    const first = await book(m[0]!, 40)
    await book(m[1]!, 40)
    await book(m[2]!, 20)
    const w1 = await book(m[3]!, 30, { waitlist: true })
    const w2 = await book(m[4]!, 10, { waitlist: true })
    const w3 = await book(m[5]!, 20, { waitlist: true })
    for (const w of [w1, w2, w3]) expect(w.data!.bookHubCapacity.status).toBe('WAITLISTED')

    await gql(
      t,
      'mutation ($id: ID!) { cancelBooking(id: $id) { status } }',
      {
        id: first.data!.bookHubCapacity.id,
      },
      m[0]!,
    )
    const status = async (token: string) =>
      (await gql(t, '{ myBookings { status } }', {}, token)).data!.myBookings[0].status
    expect(await status(m[3]!)).toBe('CONFIRMED')
    expect(await status(m[4]!)).toBe('CONFIRMED')
    expect(await status(m[5]!)).toBe('WAITLISTED')

    const raised = await setCapacity(120)
    expect(raised.data!.setHubCapacity).toEqual({
      capacityUnits: 120,
      confirmedUnits: 120,
      remainingUnits: 0,
    })
    expect(await status(m[5]!)).toBe('CONFIRMED')
  })

  it('does not let a later, smaller booking jump a waitlisted one that does not fit', async () => {
    await setCapacity(100)
    const m = await Promise.all([1, 2, 3, 4, 5].map(merchant))
    await book(m[0]!, 40)
    const second = await book(m[1]!, 40)
    await book(m[2]!, 20)
    await book(m[3]!, 40, { waitlist: true })
    await book(m[4]!, 10, { waitlist: true })
    await setCapacity(110) // 10 units free: the head (40) does not fit, so nobody moves
    const statuses = await t.db.all<{ merchant_id: string; status: string }>(
      sql`select merchant_id, status from bookings where status = 'WAITLISTED' order by seq`,
    )
    expect(statuses.map((s) => s.merchant_id)).toEqual(['mer_04', 'mer_05'])
    await gql(
      t,
      'mutation ($id: ID!) { cancelBooking(id: $id) { status } }',
      {
        id: second.data!.bookHubCapacity.id,
      },
      m[1]!,
    )
    expect((await hubDay()).confirmed_units).toBe(110)
  })
})

describe('the caller’s own waitlist', () => {
  const DAYS = /* GraphQL */ `
    query ($from: Date!, $to: Date!) {
      hubAvailability(hubId: "hub_1", from: $from, to: $to) {
        date
        waitlistedUnits
        myUnits
        myWaitlistedUnits
        myWaitlistPlace
      }
    }
  `
  const days = async (token: string) =>
    (await gql(t, DAYS, { from: DAY, to: '2026-11-28' }, token)).data!.hubAvailability

  it('gives each merchant its own waitlisted units and its place in the day’s queue', async () => {
    // 100 units, at most 40 per merchant (the fair share).
    await setCapacity(100)
    const m = await Promise.all([1, 2, 3, 4, 5].map(merchant))
    await book(m[0]!, 40)
    await book(m[1]!, 30)
    await book(m[2]!, 25) // 95 of 100 confirmed
    await book(m[3]!, 30, { waitlist: true }) // first in line
    await book(m[4]!, 20, { waitlist: true }) // second
    await book(m[1]!, 10, { waitlist: true }) // third
    await book(m[3]!, 6, { waitlist: true }) // fourth, but merchant 4 is already first

    expect(await days(m[1]!)).toEqual([
      { date: DAY, waitlistedUnits: 66, myUnits: 30, myWaitlistedUnits: 10, myWaitlistPlace: 3 },
      {
        date: '2026-11-28',
        waitlistedUnits: 0,
        myUnits: 0,
        myWaitlistedUnits: 0,
        myWaitlistPlace: null,
      },
    ])
    expect((await days(m[3]!))[0]).toMatchObject({ myWaitlistedUnits: 36, myWaitlistPlace: 1 })
    expect((await days(m[4]!))[0]).toMatchObject({ myWaitlistedUnits: 20, myWaitlistPlace: 2 })
    expect((await days(m[0]!))[0]).toMatchObject({ myWaitlistedUnits: 0, myWaitlistPlace: null })

    // 30 more units promote the head of the queue (30): everyone behind moves up one place.
    await setCapacity(125)
    expect((await days(m[3]!))[0]).toMatchObject({
      myUnits: 30,
      myWaitlistedUnits: 6,
      myWaitlistPlace: 3,
    })
    expect((await days(m[4]!))[0]).toMatchObject({ myWaitlistedUnits: 20, myWaitlistPlace: 1 })
    expect((await days(m[1]!))[0]).toMatchObject({ myWaitlistedUnits: 10, myWaitlistPlace: 2 })
  })

  it('shows other roles no waitlist of their own', async () => {
    await setCapacity(10)
    await book(await merchant(1), 4)
    await book(await merchant(2), 4)
    await book(await merchant(3), 4, { waitlist: true })
    const [day] = await days(await coordinator())
    expect(day).toMatchObject({ waitlistedUnits: 4, myWaitlistedUnits: 0, myWaitlistPlace: null })
  })
})

describe('cancelBooking and setHubCapacity', () => {
  it('lets a merchant cancel only its own bookings', async () => {
    const res = await book(await merchant(1), 10)
    const id = res.data!.bookHubCapacity.id
    const other = await gql(
      t,
      `mutation { cancelBooking(id: "${id}") { status } }`,
      {},
      await merchant(2),
    )
    expect(other.errors![0]!.extensions!.code).toBe('NOT_FOUND')
    const own = await gql(
      t,
      `mutation { cancelBooking(id: "${id}") { status } }`,
      {},
      await merchant(1),
    )
    expect(own.data).toEqual({ cancelBooking: { status: 'CANCELLED' } })
    expect((await hubDay()).confirmed_units).toBe(0)
  })

  it('refuses to lower capacity below what is confirmed, saying how much that is', async () => {
    await book(await merchant(1), 300)
    const res = await setCapacity(250)
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', confirmedUnits: 300 })
    expect(res.errors![0]!.message).toMatch(/300 units are already booked/)
    expect((await hubDay()).capacity_units).toBe(1500)
  })

  it('lets a hub operator set its own hub only', async () => {
    const token = await tokenFor(t, 'hub1@nestwork.demo')
    const own = await gql(
      t,
      `mutation { setHubCapacity(hubId: "hub_1", date: "${DAY}", capacityUnits: 1200) { capacityUnits } }`,
      {},
      token,
    )
    expect(own.data).toEqual({ setHubCapacity: { capacityUnits: 1200 } })
    const other = await gql(
      t,
      `mutation { setHubCapacity(hubId: "hub_2", date: "${DAY}", capacityUnits: 1200) { capacityUnits } }`,
      {},
      token,
    )
    expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })

  it('keeps an audit trail of every change with who and when', async () => {
    const token = await merchant(1)
    const res = await book(token, 10)
    await gql(
      t,
      `mutation { cancelBooking(id: "${res.data!.bookHubCapacity.id}") { status } }`,
      {},
      token,
    )
    await setCapacity(900)
    const events = await t.db.all<{ kind: string; actor_id: string }>(
      sql`select kind, actor_id from booking_events order by id`,
    )
    expect(events).toEqual([
      { kind: 'CONFIRMED', actor_id: 'usr_002' },
      { kind: 'CANCELLED', actor_id: 'usr_002' },
      { kind: 'CAPACITY_SET', actor_id: 'usr_001' },
    ])
  })
})

describe('hubUtilisation', () => {
  it('gives coordinators the month with units per merchant', async () => {
    await book(await merchant(1), 10)
    await book(await merchant(2), 20)
    const res = await gql(
      t,
      '{ hubUtilisation(hubId: "hub_1", month: "2026-11") { month days { date confirmedUnits perMerchant { merchant { id } units } } } }',
      {},
      await coordinator(),
    )
    const days = res.data!.hubUtilisation.days
    expect(days).toHaveLength(30)
    expect(days.find((d: { date: string }) => d.date === DAY)).toEqual({
      date: DAY,
      confirmedUnits: 30,
      perMerchant: [
        { merchant: { id: 'mer_01' }, units: 10 },
        { merchant: { id: 'mer_02' }, units: 20 },
      ],
    })
  })

  it('gives a hub operator its own hub without the merchant split, and merchants nothing', async () => {
    await book(await merchant(1), 10)
    const q =
      '{ hubUtilisation(hubId: "hub_1", month: "2026-11") { days { perMerchant { units } } } }'
    const hub = await gql(t, q, {}, await tokenFor(t, 'hub1@nestwork.demo'))
    expect(hub.data!.hubUtilisation.days[26].perMerchant).toBeNull()
    const m = await gql(t, q, {}, await merchant(1))
    expect(m.errors![0]!.extensions!.code).toBe('FORBIDDEN')
    const bad = await gql(t, q.replace('2026-11', '2026-13'), {}, await coordinator())
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
  })
})

describe('bookHubCapacity answers', () => {
  it('with the booking exactly as it was stored, confirmed or waitlisted', async () => {
    // Room for 5 units, at most 2 per merchant: the third merchant's 2 units wait.
    await setCapacity(5)
    for (const [n, status] of [
      [1, 'CONFIRMED'],
      [2, 'CONFIRMED'],
      [3, 'WAITLISTED'],
    ] as const) {
      const actor = await actorForSession(t.db, await merchant(n), 'API', testStart)
      const input = {
        hubId: 'hub_1',
        date: DAY,
        units: 2,
        idempotencyKey: `stored-${n}-key`,
        waitlist: true,
      }
      const { booking, replayed } = await bookHubCapacity(t.db, actor, input, testStart)
      expect({ replayed, status: booking.status }).toEqual({ replayed: false, status })
      const [stored] = await t.db.all<Record<string, unknown>>(
        sql`select * from bookings where id = ${booking.id}`,
      )
      expect(stored).toEqual({
        id: booking.id,
        seq: booking.seq,
        merchant_id: booking.merchantId,
        hub_id: 'hub_1',
        date: DAY,
        units: 2,
        status,
        idempotency_key: input.idempotencyKey,
        waitlist: 1,
        created_by: booking.createdBy,
        created_at: booking.createdAt,
        updated_by: booking.updatedBy,
        updated_at: booking.updatedAt,
      })
      expect(booking.waitlist).toBe(true)
    }
  })
})
