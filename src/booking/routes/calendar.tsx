/** The merchant's calendar: the month of one hub, booking from a day's cell. */
import { Hono } from 'hono'
import { bookingsHref } from '../../../views/booking/booking-page'
import { BookingsList } from '../../../views/booking/bookings-list'
import { DayCell } from '../../../views/booking/day-cell'
import { bookedNotice, cancelledNotice, refusalNotice } from '../../../views/booking/messages'
import type { NoticeData } from '../../../views/components/notice'
import { requireRole } from '../../auth/roles'
import { localDate } from '../../calendar/local-date'
import { DomainError } from '../../errors'
import { form } from '../../http/form'
import { accepted, attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { listHubs } from '../../network/service'
import { bookingSchema } from '../schemas'
import { bookHubCapacity, bookingWindow, getBooking, type Booking } from '../service'
import { bookingRows, dayView, hubLabel, renderBookingPage, type Ctx } from './booking-page'
import { langOf } from '../../http/params'

export const calendarRoutes = new Hono<AppEnv>()

/** A booking of the caller's, or nothing: a flash id in the address must never break the page. */
async function ownBooking(c: Ctx, id: string | undefined): Promise<Booking | undefined> {
  if (!id) return undefined
  return getBooking(c.get('deps').db, c.get('actor'), id).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return undefined
    throw error
  })
}

calendarRoutes.get('/bookings', async (c) => {
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const db = c.get('deps').db
  let notice: NoticeData | undefined
  const booked = await ownBooking(c, c.req.query('booked'))
  const cancelled = await ownBooking(c, c.req.query('cancelled'))
  if (booked) {
    notice = bookedNotice(langOf(c), booked, hubLabel(c, await listHubs(db, actor), booked.hubId))
  } else if (cancelled?.status === 'CANCELLED') {
    notice = cancelledNotice(langOf(c), cancelled)
  }
  return renderBookingPage(c, { hub: c.req.query('hub'), month: c.req.query('month'), notice })
})

/** What a refused booking was sent with, to put back into the day's form. */
interface Attempt {
  hubId: string
  date: string
  units: string
  waitlist: boolean
}

const ticked = (value: string | undefined) => value === 'on' || value === 'true' || value === '1'

/** A refused booking: the day's cell saying why (htmx), or the calendar with that cell open. */
async function refuseBooking(c: Ctx, error: DomainError, sent: Attempt) {
  const { db, now } = c.get('deps')
  const at = now()
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const { hubId, date, units, waitlist } = sent
  const notice = refusalNotice(langOf(c), error, { date, window: bookingWindow(date, at) })
  return refused(c, error, {
    fragment: async () => {
      const cell = await dayView(db, actor, hubId, date, at)
      const today = date === localDate(at)
      return <DayCell {...cell} today={today} notice={notice} units={units} waitlist={waitlist} />
    },
    page: () =>
      renderBookingPage(c, {
        hub: hubId,
        month: date.slice(0, 7),
        notice,
        focus: { date, units, waitlist },
      }),
  })
}

calendarRoutes.post(
  '/bookings',
  form(bookingSchema, (c, { error, sent }) => {
    requireRole(c.get('actor'), 'MERCHANT')
    // Without a hub and a real date there is no cell to answer with.
    if (error.field === 'hubId' || error.field === 'date') throw error
    const { hubId = '', date = '', units = '', waitlist } = sent
    return refuseBooking(c, error, { hubId, date, units, waitlist: ticked(waitlist) })
  }),
  async (c) => {
    const { db, now } = c.get('deps')
    const at = now()
    const actor = requireRole(c.get('actor'), 'MERCHANT')
    const input = c.req.valid('form')
    const outcome = await attempt(bookHubCapacity(db, actor, input, at))
    if (!outcome.ok) {
      const { hubId, date, units, waitlist } = input
      return refuseBooking(c, outcome.error, { hubId, date, units: String(units), waitlist })
    }
    const { booking } = outcome.value
    const view = { hub: booking.hubId, month: booking.date.slice(0, 7) }
    return accepted(c, {
      redirect: `${bookingsHref(view.hub, view.month)}&booked=${booking.id}`,
      fragment: async () => {
        const hubs = await listHubs(db, actor)
        const notice = bookedNotice(langOf(c), booking, hubLabel(c, hubs, booking.hubId))
        const [cell, rows] = await Promise.all([
          dayView(db, actor, booking.hubId, booking.date, at),
          bookingRows(c, hubs, at),
        ])
        return (
          <>
            <DayCell {...cell} today={booking.date === localDate(at)} notice={notice} />
            <BookingsList rows={rows} view={view} oob />
          </>
        )
      },
    })
  },
)
