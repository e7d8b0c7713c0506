// Crash safety: the real Node server is killed with SIGKILL in the middle of a burst of capacity
// bookings (several merchants racing for a nearly full hub-day) and parcel check-ins (the same
// codes scanned at two stations at once), then restarted on the same database file. Whatever
// the kill interrupted, the database must hold only whole changes: no overbooked day, counters
// equal to their bookings, one commission per checked-in parcel and none for the others, and
// every answer the clients received still true.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, localDate } from '../../src/calendar/local-date'
import { gqlOver, killServer, must, spawnServer, tokenOver, type NodeServer } from './node-server'

const hubId = 'hub_1'
const capacity = 40
const merchants = 6
/** Units each merchant books before the burst: the day starts 24 of 40 full. */
const prefillPerMerchant = 4
const burstPerMerchant = 8
const parcels = 36

const bookMutation = `mutation ($input: BookHubCapacityInput!) {
  bookHubCapacity(input: $input) { id status units } }`
const registerMutation = `mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { code } }`
const checkInMutation = `mutation ($code: String!) {
  checkInParcel(code: $code) { alreadyCheckedIn commissionFen return { code status station { id } } } }`

interface Acknowledged {
  bookings: string[]
  checkIns: { code: string; stationId: string }[]
  answered: number
}

describe('killing the server mid-burst', () => {
  let dir: string
  let databaseUrl: string
  let server: NodeServer | undefined
  const date = addDays(localDate(new Date()), 3)

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nestwork-crash-'))
    databaseUrl = `file:${join(dir, 'nestwork.db')}`
  })
  afterAll(async () => {
    await killServer(server)
    await rm(dir, { recursive: true, force: true })
  })

  it('leaves only whole bookings and check-ins, and the server serves again', async () => {
    server = await spawnServer(databaseUrl)
    const url = server.baseUrl
    const coordinator = await tokenOver(url, 'coordinator@nestwork.demo')
    const merchantTokens = await Promise.all(
      Array.from({ length: merchants }, (_, i) => tokenOver(url, `merchant${i + 1}@nestwork.demo`)),
    )
    const stationTokens = await Promise.all(
      [1, 2].map((i) => tokenOver(url, `station${i}@nestwork.demo`)),
    )
    await must(
      'setHubCapacity',
      gqlOver(
        url,
        `mutation ($h: ID!, $d: Date!, $c: Int!) {
          setHubCapacity(hubId: $h, date: $d, capacityUnits: $c) { capacityUnits } }`,
        { h: hubId, d: date, c: capacity },
        coordinator,
      ),
    )
    const book = (token: string, key: string, units: number) =>
      gqlOver<{ bookHubCapacity: { id: string; status: string } }>(
        url,
        bookMutation,
        { input: { hubId, date, units, idempotencyKey: key, waitlist: false } },
        token,
      )
    for (const [m, token] of merchantTokens.entries()) {
      await must('prefill', book(token, `prefill-key-${m}`, prefillPerMerchant))
    }
    const codes: string[] = []
    for (let i = 0; i < parcels; i++) {
      const input = {
        orderRef: `CRASH-${i}`,
        category: 'TOYS',
        itemDescription: 'Stacking rings',
        orderValueFen: 5_900,
        reason: 'Arrived damaged',
        hubId,
      }
      const token = merchantTokens[i % merchants]!
      const data = await must<{ registerReturn: { code: string } }>(
        'registerReturn',
        gqlOver(url, registerMutation, { input }, token),
      )
      codes.push(data.registerReturn.code)
    }

    // The burst: every merchant books one unit at a time; station 1 scans the codes in order and
    // station 2 in reverse, so every code is scanned at both, and some at the same moment.
    const ack: Acknowledged = { bookings: [], checkIns: [], answered: 0 }
    const total = merchants * burstPerMerchant + 2 * parcels
    const killAt = Math.floor(total * 0.4)
    const live = server
    let killed = false
    const answered = () => {
      ack.answered++
      if (!killed && ack.answered >= killAt) {
        killed = true
        live.child.kill('SIGKILL')
      }
    }
    const attempt = async (send: () => Promise<void>) => {
      if (killed) return
      try {
        await send()
        answered()
      } catch (error) {
        // Requests cut off by the kill fail; an unexpected answer before it fails the test.
        if (!killed) throw error
      }
    }
    const bookingLoops = merchantTokens.map(async (token, m) => {
      for (let i = 0; i < burstPerMerchant; i++) {
        await attempt(async () => {
          const r = await book(token, `burst-key-${m}-${i}`, 1)
          if (r.data?.bookHubCapacity.status === 'CONFIRMED') {
            ack.bookings.push(r.data.bookHubCapacity.id)
          } else if (r.errors?.[0]?.extensions?.code !== 'CAPACITY_EXCEEDED') {
            throw new Error(`unexpected booking answer ${JSON.stringify(r)}`)
          }
        })
      }
    })
    const scanLoops = stationTokens.map(async (token, s) => {
      const order = s === 0 ? codes : [...codes].reverse()
      for (const code of order) {
        await attempt(async () => {
          const r = await gqlOver<{
            checkInParcel: {
              alreadyCheckedIn: boolean
              return: { code: string; station: { id: string } }
            }
          }>(url, checkInMutation, { code }, token)
          const checkIn = r.data?.checkInParcel
          if (checkIn && !checkIn.alreadyCheckedIn) {
            ack.checkIns.push({ code, stationId: checkIn.return.station.id })
          } else if (!checkIn && r.errors?.[0]?.extensions?.code !== 'CONFLICT') {
            throw new Error(`unexpected check-in answer ${JSON.stringify(r)}`)
          }
        })
      }
    })
    await Promise.all([...bookingLoops, ...scanLoops])
    expect(killed).toBe(true)
    expect((await server.exited).signal).toBe('SIGKILL')
    // The kill really came mid-burst: part of it was answered, part never was.
    expect(ack.answered).toBeGreaterThanOrEqual(killAt)
    expect(ack.answered).toBeLessThan(total)
    expect(ack.bookings.length).toBeGreaterThan(0)
    expect(ack.checkIns.length).toBeGreaterThan(0)

    server = await spawnServer(databaseUrl)
    const db = createClient({ url: databaseUrl })
    try {
      const rows = async (sql: string, args: (string | number)[] = []) =>
        (await db.execute({ sql, args })).rows
      expect((await rows('pragma integrity_check'))[0]![0]).toBe('ok')

      // Capacity: no day over capacity, every counter equal to its confirmed bookings.
      const days = await rows(`
        select hd.hub_id, hd.date, hd.capacity_units, hd.confirmed_units,
          (select coalesce(sum(b.units), 0) from bookings b where b.hub_id = hd.hub_id
             and b.date = hd.date and b.status = 'CONFIRMED') as booked
        from hub_days hd`)
      expect(days.length).toBeGreaterThan(0)
      for (const d of days) {
        expect(Number(d.confirmed_units)).toBeLessThanOrEqual(Number(d.capacity_units))
        expect(Number(d.confirmed_units)).toBe(Number(d.booked))
      }
      // Every confirmation a merchant was given survived the kill.
      const stored = await rows(
        `select b.id from bookings b, json_each(?) j where b.id = j.value and b.status = 'CONFIRMED'`,
        [JSON.stringify(ack.bookings)],
      )
      expect(stored.length).toBe(ack.bookings.length)

      // Parcels: checked in with one event and one commission at its station, or untouched.
      const ours = await rows(
        `select r.code, r.status, r.station_id,
           (select count(*) from commissions c where c.return_id = r.id) as commissions,
           (select count(*) from commissions c where c.return_id = r.id
              and c.station_id = r.station_id) as commissions_here,
           (select count(*) from return_events e where e.return_id = r.id
              and e.status = 'AT_STATION') as events
         from returns r, json_each(?) j where r.code = j.value`,
        [JSON.stringify(codes)],
      )
      expect(ours.length).toBe(parcels)
      for (const r of ours) {
        if (r.status === 'AT_STATION') {
          expect({ code: r.code, commissions: r.commissions, here: r.commissions_here }).toEqual({
            code: r.code,
            commissions: 1,
            here: 1,
          })
          expect(Number(r.events)).toBe(1)
        } else {
          expect(r.status).toBe('REGISTERED')
          expect({ code: r.code, station: r.station_id, commissions: r.commissions }).toEqual({
            code: r.code,
            station: null,
            commissions: 0,
          })
          expect(Number(r.events)).toBe(0)
        }
      }
      const orphans = await rows(`
        select count(*) as n from commissions c join returns r on r.id = c.return_id
        where r.status in ('REGISTERED', 'CANCELLED') or r.station_id is not c.station_id`)
      expect(Number(orphans[0]!.n)).toBe(0)
      // Every check-in a station was told about is there, at that station.
      const byCode = new Map(ours.map((r) => [String(r.code), r]))
      for (const c of ack.checkIns) {
        expect(byCode.get(c.code)?.status).toBe('AT_STATION')
        expect(byCode.get(c.code)?.station_id).toBe(c.stationId)
      }
      expect(new Set(ack.checkIns.map((c) => c.code)).size).toBe(ack.checkIns.length)

      // And the restarted server serves: it reads the day as stored and takes new work.
      const url2 = server.baseUrl
      const merchant = await tokenOver(url2, 'merchant1@nestwork.demo')
      const day = days.find((d) => d.hub_id === hubId && d.date === date)!
      const availability = await must<{ hubAvailability: { confirmedUnits: number }[] }>(
        'hubAvailability',
        gqlOver(
          url2,
          `query ($h: ID!, $d: Date!) { hubAvailability(hubId: $h, from: $d, to: $d) { confirmedUnits } }`,
          { h: hubId, d: date },
          merchant,
        ),
      )
      expect(availability.hubAvailability[0]!.confirmedUnits).toBe(Number(day.confirmed_units))
      const waiting = ours.find((r) => r.status === 'REGISTERED')
      if (waiting) {
        const station = await tokenOver(url2, 'station3@nestwork.demo')
        const r = await must<{ checkInParcel: { commissionFen: number } }>(
          'checkInParcel after restart',
          gqlOver(url2, checkInMutation, { code: String(waiting.code) }, station),
        )
        expect(r.checkInParcel.commissionFen).toBeGreaterThan(0)
      }
    } finally {
      db.close()
    }
  }, 180_000)
})
