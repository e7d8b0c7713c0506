/**
 * The people side of hub capacity booking: the merchant's calendar and bookings, the hub
 * operator's load and capacity overrides, the coordinator's utilisation heatmap. Routes only
 * parse (with the shared schemas), call the booking service and render; the service checks who
 * may do what.
 */
import { Hono, type Context } from 'hono'
import { BookingPage, bookingsHref } from '../../views/booking/booking-page'
import { BookingRow } from '../../views/booking/booking-row'
import { BookingsList } from '../../views/booking/bookings-list'
import { DayCell } from '../../views/booking/day-cell'
import { HeatmapPage, utilisationHref } from '../../views/booking/heatmap'
import { HubLoadPage, hubHref } from '../../views/booking/hub-load'
import {
  bookedNotice,
  cancelledNotice,
  cancelRefusedNotice,
  capacityNotice,
  refusalNotice,
} from '../../views/booking/messages'
import type { NoticeData } from '../../views/components/notice'
import type { CellFocus } from '../../views/booking/calendar'
import { settingsOn } from '../alliance/settings'
import { requireActor, requireRole, type Actor } from '../auth/roles'
import { addDays, isIsoDate, localDate, monthBounds } from '../calendar/local-date'
import type { Db } from '../db'
import { DomainError, InvalidInput } from '../errors'
import { fragment, isHtmx, formText as text } from '../http/fragments'
import type { AppEnv } from '../http/types'
import { listHubs, listMerchants, type Hub } from '../network/service'
import { bookingRules } from './rules'
import { bookingSchema, capacitySchema } from './schemas'
import { isoMonth } from '../calendar/schemas'
import {
  bookHubCapacity,
  bookingWindow,
  cancelBooking,
  getBooking,
  hubAvailability,
  hubUtilisation,
  myBookings,
  setHubCapacity,
  type Booking,
} from './service'
import { localizedName } from '../i18n/localized-name'

export const bookingRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

/** Refusals a person can act on; anything else goes to the app's error handler. */
const refusals = new Set(['CAPACITY_EXCEEDED', 'BAD_USER_INPUT', 'CONFLICT'])
const isRefusal = (error: unknown): error is DomainError =>
  error instanceof DomainError && refusals.has(error.code)

/** `?month=` as `YYYY-MM`, this month when absent. */
function monthParam(value: string | undefined, today: string): string {
  if (!value) return today.slice(0, 7)
  const parsed = isoMonth.safeParse(value)
  if (!parsed.success) throw new InvalidInput('month', 'use a month as YYYY-MM')
  return parsed.data
}

const hubLabel = (c: Ctx, hubs: Hub[], id: string) => {
  const hub = hubs.find((h) => h.id === id)
  return hub ? localizedName(hub, c.var.locale) : id
}

const lang = (c: Ctx) => ({ t: c.var.t, locale: c.var.locale })

// ---------------------------------------------------------------------------------------------
// Merchant: calendar, booking, cancellation

async function dayView(db: Db, actor: Actor | null, hubId: string, date: string, now: Date) {
  const [day] = await hubAvailability(db, actor, hubId, date, date)
  return { day: day!, window: bookingWindow(date, now) }
}

async function bookingRows(c: Ctx, hubs: Hub[], now: Date) {
  const list = await myBookings(c.var.deps.db, c.var.actor, { from: localDate(now) })
  return list.map((booking) => ({
    booking,
    hubName: hubLabel(c, hubs, booking.hubId),
    window: bookingWindow(booking.date, now),
  }))
}

interface PageState {
  hub?: string
  month?: string
  notice?: NoticeData
  focus?: CellFocus
}

async function renderBookingPage(c: Ctx, state: PageState) {
  const { db, now } = c.var.deps
  const at = now()
  const today = localDate(at)
  const actor = c.var.actor
  const hubs = await listHubs(db, actor)
  const bookings = await bookingRows(c, hubs, at)
  const hubId = state.hub || hubs[0]!.id
  const month = monthParam(state.month, today)
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
    { title: c.var.t('booking.title') },
  )
}

/** A booking of the caller's, or nothing: a flash id in the address must never break the page. */
async function ownBooking(c: Ctx, id: string | undefined): Promise<Booking | undefined> {
  if (!id) return undefined
  return getBooking(c.var.deps.db, c.var.actor, id).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return undefined
    throw error
  })
}

bookingRoutes.get('/bookings', async (c) => {
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const db = c.var.deps.db
  let notice: NoticeData | undefined
  const booked = await ownBooking(c, c.req.query('booked'))
  const cancelled = await ownBooking(c, c.req.query('cancelled'))
  if (booked) {
    notice = bookedNotice(lang(c), booked, hubLabel(c, await listHubs(db, actor), booked.hubId))
  } else if (cancelled?.status === 'CANCELLED') {
    notice = cancelledNotice(lang(c), cancelled)
  }
  return renderBookingPage(c, { hub: c.req.query('hub'), month: c.req.query('month'), notice })
})

bookingRoutes.post('/bookings', async (c) => {
  const { db, now } = c.var.deps
  const at = now()
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const form = await c.req.parseBody()
  const parsed = bookingSchema.safeParse(form)
  const sent = {
    units: text(form.units),
    waitlist: ['on', 'true', '1'].includes(text(form.waitlist)),
  }

  let booking: Booking | undefined
  let refusal: DomainError | undefined
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const field = String(issue.path[0])
    // Without a hub and a real date there is no cell to answer with.
    if (field === 'hubId' || field === 'date') throw new InvalidInput(field, issue.message)
    refusal = new InvalidInput(field, issue.message)
  } else {
    try {
      booking = (await bookHubCapacity(db, actor, parsed.data, at)).booking
    } catch (error) {
      if (!isRefusal(error)) throw error
      refusal = error
    }
  }
  const hubId = text(form.hubId)
  const date = text(form.date)

  if (booking) {
    const hubs = await listHubs(db, actor)
    const notice = bookedNotice(lang(c), booking, hubLabel(c, hubs, booking.hubId))
    if (!isHtmx(c)) {
      const to = `${bookingsHref(booking.hubId, booking.date.slice(0, 7))}&booked=${booking.id}`
      return c.redirect(to, 303)
    }
    const [cell, rows] = await Promise.all([
      dayView(db, actor, booking.hubId, booking.date, at),
      bookingRows(c, hubs, at),
    ])
    const view = { hub: booking.hubId, month: booking.date.slice(0, 7) }
    return fragment(
      c,
      <>
        <DayCell {...cell} today={date === localDate(at)} notice={notice} />
        <BookingsList rows={rows} view={view} oob />
      </>,
    )
  }

  const error = refusal!
  const window = bookingWindow(date, at)
  const percent =
    error.details.reason === 'FAIR_SHARE'
      ? (await settingsOn(db, actor.allianceId, localDate(at))).maxShareOfHubDayBp / 100
      : undefined
  const notice = refusalNotice(lang(c), error, { date, window, percent })
  c.status(error.status as 400)
  if (!isHtmx(c)) {
    return renderBookingPage(c, {
      hub: hubId,
      month: date.slice(0, 7),
      notice,
      focus: { date, ...sent },
    })
  }
  const cell = await dayView(db, actor, hubId, date, at)
  return fragment(c, <DayCell {...cell} today={date === localDate(at)} notice={notice} {...sent} />)
})

bookingRoutes.post('/bookings/:id/cancel', async (c) => {
  const { db, now } = c.var.deps
  const at = now()
  const actor = c.var.actor
  const id = c.req.param('id')
  const form = await c.req.parseBody()

  let booking: Booking
  let notice: NoticeData
  let status = 200
  try {
    booking = await cancelBooking(db, actor, id, at)
    notice = cancelledNotice(lang(c), booking)
  } catch (error) {
    if (!isRefusal(error)) throw error
    booking = await getBooking(db, actor, id)
    notice = cancelRefusedNotice(lang(c), booking, bookingWindow(booking.date, at))
    status = error.status
  }
  // The calendar the button was pressed on, when it names one.
  const viewHub = /^[\w-]{1,64}$/.test(text(form.hub)) ? text(form.hub) : booking.hubId
  const viewMonth = isoMonth.safeParse(form.month).data ?? booking.date.slice(0, 7)

  c.status(status as 200)
  if (!isHtmx(c)) {
    if (status === 200) {
      return c.redirect(`${bookingsHref(viewHub, viewMonth)}&cancelled=${booking.id}`, 303)
    }
    return renderBookingPage(c, { hub: viewHub, month: viewMonth, notice })
  }
  const hubs = await listHubs(db, actor)
  const cell = await dayView(db, actor, booking.hubId, booking.date, at)
  return fragment(
    c,
    <>
      <BookingRow
        booking={booking}
        hubName={hubLabel(c, hubs, booking.hubId)}
        window={bookingWindow(booking.date, at)}
        notice={notice}
        view={{ hub: viewHub, month: viewMonth }}
      />
      <DayCell {...cell} today={booking.date === localDate(at)} oob />
    </>,
  )
})

// ---------------------------------------------------------------------------------------------
// Hub operator (and coordinator): the coming week's load per merchant, capacity overrides

interface HubPageState {
  hub?: string
  notice?: NoticeData
  /** The date whose capacity was just set (after the redirect of a successful override). */
  set?: string
  form?: { date: string; units: string }
}

async function renderHubPage(c: Ctx, state: HubPageState) {
  const { db, now } = c.var.deps
  const actor = requireActor(c.var.actor)
  const today = localDate(now())
  const hubs = await listHubs(db, actor)
  const hubId = state.hub || actor.hubId || hubs[0]!.id
  const from = addDays(today, 1)
  const days = await hubUtilisation(db, actor, hubId, from, addDays(today, 7), {
    withMerchantsForOperator: true,
  })
  let notice = state.notice
  if (state.set && isIsoDate(state.set)) {
    const [day] = await hubAvailability(db, actor, hubId, state.set, state.set)
    notice = capacityNotice(lang(c), { date: state.set, day: day! })
  }
  const merchants = await listMerchants(db, actor)
  const names = new Map(merchants.map((m) => [m.id, localizedName(m, c.var.locale)] as const))
  return c.render(
    <HubLoadPage
      hubs={actor.role === 'COORDINATOR' ? hubs : undefined}
      hub={hubs.find((h) => h.id === hubId)!}
      today={today}
      days={days}
      merchantNames={names}
      notice={notice}
      form={state.form}
    />,
    { title: c.var.t('hub.title') },
  )
}

bookingRoutes.get('/hub', (c) =>
  renderHubPage(c, { hub: c.req.query('hub'), set: c.req.query('set') }),
)

bookingRoutes.post('/hub/capacity', async (c) => {
  const { db, now } = c.var.deps
  const form = await c.req.parseBody()
  const hub = text(form.hubId)
  const sent = { date: text(form.date), units: text(form.capacityUnits) }
  const parsed = capacitySchema.safeParse(form)
  let refusal: DomainError
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    refusal = new InvalidInput(String(issue.path[0]), issue.message)
  } else {
    try {
      await setHubCapacity(db, c.var.actor, parsed.data, now())
      return c.redirect(`${hubHref(parsed.data.hubId)}&set=${parsed.data.date}`, 303)
    } catch (error) {
      if (!isRefusal(error)) throw error
      refusal = error
    }
  }
  c.status(refusal.status as 400)
  const notice = capacityNotice(lang(c), { date: sent.date, refusal })
  return renderHubPage(c, { hub, notice, form: sent })
})

// ---------------------------------------------------------------------------------------------
// Coordinator: the month's utilisation of every hub

bookingRoutes.get('/utilisation', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const today = localDate(now())
  const month = monthParam(c.req.query('month'), today)
  const { from, to } = monthBounds(month)
  const hubs = await listHubs(db, actor)
  const loads = await Promise.all(hubs.map((h) => hubUtilisation(db, actor, h.id, from, to)))
  return c.render(
    <HeatmapPage
      month={month}
      today={today}
      hubs={hubs.map((hub, i) => ({ hub, days: loads[i]! }))}
      href={utilisationHref}
    />,
    { title: c.var.t('util.title') },
  )
})
