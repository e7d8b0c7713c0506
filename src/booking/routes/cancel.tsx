/** Cancelling one of the merchant's bookings from the list below the calendar. */
import { Hono } from 'hono'
import { bookingsHref } from '../../../views/booking/booking-page'
import { BookingRow } from '../../../views/booking/booking-row'
import { DayCell } from '../../../views/booking/day-cell'
import { cancelledNotice, cancelRefusedNotice } from '../../../views/booking/messages'
import type { NoticeData } from '../../../views/components/notice'
import { localDate } from '../../calendar/local-date'
import { isoMonth } from '../../calendar/schemas'
import { form } from '../../http/form'
import { accepted, attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { listHubs } from '../../network/service'
import { bookingWindow, cancelBooking, getBooking, type Booking } from '../service'
import { dayView, hubLabel, renderBookingPage, type Ctx } from './booking-page'
import { langOf } from '../../http/params'
import * as z from '../../zod'

export const cancelRoutes = new Hono<AppEnv>()

/**
 * The calendar the button was pressed on (`hub`, `month`), to return to. Only a hint: a value
 * that is not a hub id or a month is dropped, never refused.
 */
const calendarView = z.object({
  hub: z.catch(z.optional(z.string().check(z.regex(/^[\w-]{1,64}$/))), undefined),
  month: z.catch(z.optional(isoMonth), undefined),
})

/** The booking's row with what happened to it, and its day's cell swapped out of band. */
async function cancelFragment(
  c: Ctx,
  booking: Booking,
  notice: NoticeData,
  view: { hub: string; month: string },
) {
  const { db, now } = c.get('deps')
  const at = now()
  const hubs = await listHubs(db, c.get('actor'))
  const cell = await dayView(db, c.get('actor'), booking.hubId, booking.date, at)
  return (
    <>
      <BookingRow
        booking={booking}
        hubName={hubLabel(c, hubs, booking.hubId)}
        window={bookingWindow(booking.date, at)}
        notice={notice}
        view={view}
      />
      <DayCell {...cell} today={booking.date === localDate(at)} oob />
    </>
  )
}

cancelRoutes.post('/bookings/:id/cancel', form(calendarView), async (c) => {
  const { db, now } = c.get('deps')
  const at = now()
  const actor = c.get('actor')
  const id = c.req.param('id')
  const outcome = await attempt(cancelBooking(db, actor, id, at))
  const booking = outcome.ok ? outcome.value : await getBooking(db, actor, id)
  const sent = c.req.valid('form')
  const view = { hub: sent.hub ?? booking.hubId, month: sent.month ?? booking.date.slice(0, 7) }

  if (outcome.ok) {
    return accepted(c, {
      redirect: `${bookingsHref(view.hub, view.month)}&cancelled=${booking.id}`,
      fragment: () => cancelFragment(c, booking, cancelledNotice(langOf(c), booking), view),
    })
  }
  const window = bookingWindow(booking.date, at)
  const notice = cancelRefusedNotice(langOf(c), booking, window, outcome.error)
  return refused(c, outcome.error, {
    fragment: () => cancelFragment(c, booking, notice, view),
    page: () => renderBookingPage(c, { hub: view.hub, month: view.month, notice }),
  })
})
