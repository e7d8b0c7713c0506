/** What the merchant's booking pages share: the calendar page, one day's cell, the list. */
import type { Context } from 'hono'
import { BookingPage } from '../../../views/booking/booking-page'
import type { CellFocus } from '../../../views/booking/calendar'
import type { NoticeData } from '../../../views/components/notice'
import { settingsOn } from '../../alliance/settings'
import { requireActor, type Actor } from '../../auth/roles'
import { localDate, monthBounds } from '../../calendar/local-date'
import type { Db } from '../../db'
import { monthParam } from '../../http/params'
import type { AppEnv } from '../../http/types'
import { localizedName } from '../../i18n/localized-name'
import { listHubs, type Hub } from '../../network/service'
import { bookingRules } from '../rules'
import { bookingWindow, hubAvailability, myBookings } from '../service'

export type Ctx = Context<AppEnv>

export const hubLabel = (c: Ctx, hubs: Hub[], id: string) => {
  const hub = hubs.find((h) => h.id === id)
  return hub ? localizedName(hub, c.get('locale')) : id
}

/** One hub-day as its calendar cell shows it. */
export async function dayView(db: Db, actor: Actor | null, hubId: string, date: string, now: Date) {
  const [day] = await hubAvailability(db, actor, hubId, date, date)
  return { day: day!, window: bookingWindow(date, now) }
}

/** The merchant's bookings from today on, as the list below the calendar shows them. */
export async function bookingRows(c: Ctx, hubs: Hub[], now: Date) {
  const list = await myBookings(c.get('deps').db, c.get('actor'), { from: localDate(now) })
  return list.map((booking) => ({
    booking,
    hubName: hubLabel(c, hubs, booking.hubId),
    window: bookingWindow(booking.date, now),
  }))
}

export interface PageState {
  hub?: string
  month?: string
  notice?: NoticeData
  focus?: CellFocus
}

export async function renderBookingPage(c: Ctx, state: PageState) {
  const { db, now } = c.get('deps')
  const at = now()
  const today = localDate(at)
  const actor = c.get('actor')
  const hubs = await listHubs(db, actor)
  const bookings = await bookingRows(c, hubs, at)
  const hubId = state.hub || hubs[0]!.id
  const month = monthParam(state.month, today.slice(0, 7))
  const { from, to } = monthBounds(month)
  const [availability, settings] = await Promise.all([
    hubAvailability(db, actor, hubId, from, to),
    settingsOn(db, requireActor(actor).allianceId, today),
  ])
  const hub = hubs.find((h) => h.id === hubId)!
  return c.render(
    <BookingPage
      hubs={hubs}
      hub={hub}
      month={month}
      today={today}
      days={availability.map((day) => ({ day, window: bookingWindow(day.date, at) }))}
      bookings={bookings}
      rules={{ percent: settings.maxShareOfHubDayBp / 100, days: bookingRules.maxDaysAhead }}
      notice={state.notice}
      focus={state.focus}
    />,
    { title: c.get('t')('booking.title') },
  )
}
