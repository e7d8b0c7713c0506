/**
 * Hub capacity over the months: every member books a day a week at its home hub, one to two
 * weeks ahead (some a second hub too), and now and then cancels. Once a month each hub has a busy day that three members fill;
 * two more join its waitlist, and either the hub raises that day's capacity or a member cancels,
 * and the waitlist moves up. Upcoming busy days are still full, their waitlists still waiting.
 */
import { addDays, dateRange, monthBounds, weekdayIndex } from '../../../src/calendar/local-date'
import { bookHubCapacity, cancelBooking, setHubCapacity } from '../../../src/booking/service'
import { CapacityExceeded } from '../../../src/errors'
import { demoHubs } from '../demo-data'
import { at, days, hours, minutes, type MerchantProfile, type World } from './world'

/** How far ahead of today bookings are already made. */
const horizonDays = 14

export function scheduleBookings(w: World) {
  const r = w.random
  const first = `${w.months[0]}-01`
  const last = addDays(w.today, horizonDays)
  const busy = busyDays(w, first, last)
  let key = 0
  const book = (
    m: MerchantProfile,
    input: { hubId: string; date: string; units: number; waitlist: boolean },
    when: number,
    then?: (bookingId: string, now: Date) => void,
  ) => {
    const idempotencyKey = `demo-${input.date}-${input.hubId}-${++key}`
    w.timeline.at(when, async (now) => {
      try {
        const { booking } = await bookHubCapacity(
          w.db,
          w.cast.merchant(m.id),
          { ...input, idempotencyKey },
          now,
        )
        then?.(booking.id, now)
      } catch (error) {
        // A full day refuses a booking that did not ask for the waitlist: the member books less.
        if (!(error instanceof CapacityExceeded)) throw error
      }
    })
  }

  // Regular bookings, one week at a time, made one to two weeks ahead.
  for (
    let monday = mondayOnOrAfter(addDays(first, 1));
    monday <= last;
    monday = addDays(monday, 7)
  ) {
    const week = dateRange(monday, addDays(monday, 6)).filter((d) => d > first && d <= last)
    for (const m of w.merchants) {
      const open = week.filter((d) => d >= m.activeFrom)
      if (open.length === 0) continue
      // Every member books its home hub each week, some also a second hub.
      const picks = [
        { hubId: m.homeHubId },
        ...(r.chance(0.2) ? [{ hubId: r.pick(demoHubs).id }] : []),
      ]
      for (const { hubId } of picks) {
        const date = r.pick(open.filter((d) => !busy.has(`${hubId}/${d}`)))
        if (!date) continue
        const units = Math.round(r.between(60, 260) * m.weight)
        const when = at(addDays(date, -r.int(6, 13)), r.int(9, 17), r.int(0, 59))
        book(m, { hubId, date, units, waitlist: false }, when, (id, now) => {
          if (!r.chance(0.05)) return
          const cancelAt = Math.min(
            now.getTime() + days(r.between(0.5, 2)),
            at(addDays(date, -1), 17),
          )
          w.timeline.at(cancelAt, (t) =>
            cancelBooking(w.db, w.cast.merchant(m.id), id, t).then(() => {}),
          )
        })
      }
    }
  }

  // The busy days: filled, waitlisted, then relieved (once past).
  let n = 0
  for (const [slot, date] of busy) {
    const hubId = slot.split('/')[0]!
    const members = w.merchants.filter((m) => m.activeFrom <= addDays(date, -12))
    const pickMembers = [...members].sort((a, b) => b.weight - a.weight).slice(0, 5)
    const [a, b, c, d, e] = pickMembers.map((m, i) => ({ m, i }))
    if (!a || !b || !c || !d || !e) continue
    const t0 = at(addDays(date, -10), 9)
    const relieveByCapacity = n++ % 2 === 0
    book(a.m, { hubId, date, units: 600, waitlist: false }, t0 + minutes(5))
    book(b.m, { hubId, date, units: 500, waitlist: false }, t0 + minutes(40))
    book(c.m, { hubId, date, units: 400, waitlist: false }, t0 + hours(3), (id) => {
      if (relieveByCapacity) return
      w.timeline.at(at(addDays(date, -3), 11), (t) =>
        cancelBooking(w.db, w.cast.merchant(c.m.id), id, t).then(() => {}),
      )
    })
    book(d.m, { hubId, date, units: 250, waitlist: true }, t0 + days(2))
    book(e.m, { hubId, date, units: 150, waitlist: true }, t0 + days(3))
    if (relieveByCapacity) {
      w.timeline.at(at(addDays(date, -3), 10), (now) =>
        setHubCapacity(w.db, w.cast.hub(hubId), { hubId, date, capacityUnits: 1900 }, now).then(
          () => {},
        ),
      )
    }
  }
}

/** One busy weekday per hub per month, and one a few days ahead of today at the first hub. */
function busyDays(w: World, first: string, last: string): Map<string, string> {
  const r = w.random
  const out = new Map<string, string>()
  for (const month of [...w.months, w.current]) {
    const { from, to } = monthBounds(month)
    const weekdays = dateRange(from, to).filter(
      (d) => weekdayIndex(d) < 5 && d >= addDays(first, 12) && d <= last,
    )
    for (const hub of demoHubs) {
      const date = weekdays.length > 0 ? r.pick(weekdays) : undefined
      if (date) out.set(`${hub.id}/${date}`, date)
    }
  }
  const soon = addDays(w.today, 4)
  out.set(`${demoHubs[0]!.id}/${soon}`, soon)
  return out
}

function mondayOnOrAfter(date: string): string {
  return addDays(date, (7 - weekdayIndex(date)) % 7)
}
