/**
 * Hub capacity booking. Every invariant is enforced by single SQL statements (and the triggers
 * and CHECKs of migration 0002): a booking is confirmed only inside the INSERT that checks the
 * hub-day still has room, so concurrent requests can never overbook. JavaScript reads only to
 * explain a refusal.
 */
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import { bookings, hubDays, merchants, type BookingStatus } from '../../db/schema'
import { settingsOn } from '../alliance/settings'
import { auditEntry } from '../audit/log'
import { requireActor, requireHub, requireRole, type Actor } from '../auth/roles'
import { dateRange, daysBetween, localDate } from '../calendar/local-date'
import type { Db } from '../db'
import { CapacityExceeded, Conflict, Forbidden, InvalidInput, NotFound } from '../errors'
import { newId } from '../ids'
import { getHub, hubsActedFor } from '../network/service'
import type { WebhookEventType } from '../events/types'
import { bookingEvent } from './events'
import { assertOpenForChanges, bookingRules, shareCapUnits } from './rules'
import type { BookingInput, CapacityInput } from './schemas'

export type Booking = typeof bookings.$inferSelect

/** Whether a date can still be booked or cancelled, and if not, why. */
export type BookingWindow = 'OPEN' | 'PAST' | 'CUTOFF' | 'TOO_FAR'

/**
 * The booking window of `date` at `now`, by the same rule the writes enforce
 * (`assertOpenForChanges`), so pages offer a form exactly where a booking can succeed.
 * @example bookingWindow('2026-11-27', new Date('2026-11-25T02:00:00Z')) // 'OPEN'
 */
export function bookingWindow(date: string, now: Date): BookingWindow {
  try {
    assertOpenForChanges(date, now)
    return 'OPEN'
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error
  }
  const ahead = daysBetween(localDate(now), date)
  if (ahead < 0) return 'PAST'
  return ahead > bookingRules.maxDaysAhead ? 'TOO_FAR' : 'CUTOFF'
}

export interface HubDayView {
  hubId: string
  date: string
  capacityUnits: number
  confirmedUnits: number
  waitlistedUnits: number
  remainingUnits: number
  /** The caller's own confirmed units (merchants only; 0 for other roles). */
  myUnits: number
  /** The caller's own waitlisted units (merchants only; 0 for other roles). */
  myWaitlistedUnits: number
  /**
   * Where the caller's earliest waitlisted request stands in the day's queue, 1 for the next to
   * be promoted; null without one.
   */
  myWaitlistPlace: number | null
}

/**
 * Creates the hub-day row with the hub's default capacity if it does not exist yet, for a hub of
 * `allianceId` only: a booking batch never touches another alliance's hub.
 */
function ensureHubDay(db: Db, hubId: string, date: string, allianceId: string) {
  return db.run(sql`
    insert into hub_days (hub_id, date, capacity_units)
    select id, ${date}, daily_capacity_units from hubs
    where id = ${hubId} and alliance_id = ${allianceId}
    on conflict (hub_id, date) do nothing`)
}

/**
 * The waitlisted bookings of a hub-day that now fit: the longest prefix of the queue, in arrival
 * order, whose units fit in what is free.
 */
const promotable = (hubId: string, date: string) => sql`
  select id from (
    select id, sum(units) over (order by seq rows unbounded preceding) as running
    from bookings where hub_id = ${hubId} and date = ${date} and status = 'WAITLISTED'
  )
  where running <= (
    select capacity_units - confirmed_units from hub_days where hub_id = ${hubId} and date = ${date}
  )`

/**
 * Promotes the waitlist of a hub-day into what is free, and audits each promotion under the
 * request that made it. The audit entries are written first, one per booking id the promotion
 * then confirms: both statements select the same rows, adjacent in one batch that already holds
 * the write lock (its first statement wrote), so nothing can change between them. Nothing is
 * matched back by time or user, which concurrent requests in one millisecond may share.
 */
function promoteWaitlist(db: Db, a: Actor, hubId: string, date: string, at: string) {
  return [
    auditEntry(db, a, {
      action: 'booking.promote',
      entity: 'booking',
      entityId: sql`id`,
      at,
      before: { status: 'WAITLISTED' },
      after: sql`json_object('status', 'CONFIRMED', 'units', units)`,
      from: sql`from bookings where id in (${promotable(hubId, date)}) order by seq`,
    }),
    bookingEvent(
      db,
      'booking.promoted',
      at,
      sql`b.id in (${promotable(hubId, date)})`,
      sql`'CONFIRMED'`,
    ),
    db.run(sql`
      update bookings set status = 'CONFIRMED', updated_by = ${a.userId}, updated_at = ${at}
      where id in (${promotable(hubId, date)})`),
  ] as const
}

const sameRequest = (b: Booking, input: BookingInput) =>
  b.hubId === input.hubId &&
  b.date === input.date &&
  b.units === input.units &&
  b.waitlist === input.waitlist

/**
 * Books `units` on a hub-day for the caller's merchant. Confirmed if they fit; otherwise
 * waitlisted when asked, else refused with `CAPACITY_EXCEEDED` and the remaining units. Repeating
 * a request with the same idempotency key returns the same booking.
 */
export async function bookHubCapacity(
  db: Db,
  actor: Actor | null,
  input: BookingInput,
  now: Date,
): Promise<{ booking: Booking; replayed: boolean }> {
  const a = requireRole(actor, 'MERCHANT')
  const merchantId = a.merchantId!
  try {
    assertOpenForChanges(input.date, now)
  } catch (error) {
    // A closed date is refused only after the checks that come first: the hub, then a replay.
    await getHub(db, a, input.hubId)
    const previous = await findByKey(db, merchantId, input.idempotencyKey)
    if (previous) return replay(previous, input)
    throw error
  }

  // One batch and no read before it: the hub is the alliance's only if the hub-day can be made
  // (ensureHubDay), the fair share is the settings in force (a subquery), a repeated key writes
  // nothing (on conflict), and the insert returns what only the database decides (the arrival
  // order and the status). Only when nothing was written under this id do the reads below
  // explain why.
  const id = newId('bkg')
  const at = now.toISOString()
  const hubId = input.hubId
  const fits = sql`hd.confirmed_units + ${input.units} <= hd.capacity_units`
  const bp = sql`(select max_share_of_hub_day_bp from alliance_settings
    where alliance_id = ${a.allianceId} and effective_from <= ${localDate(now)}
    order by effective_from desc, version desc limit 1)`
  const [, written] = await db.batch([
    ensureHubDay(db, hubId, input.date, a.allianceId),
    db.all<{ seq: number; status: BookingStatus }>(sql`
      insert into bookings (id, seq, merchant_id, hub_id, date, units, status, idempotency_key,
        waitlist, created_by, created_at, updated_by, updated_at)
      select ${id}, (select coalesce(max(seq), 0) + 1 from bookings), ${merchantId}, ${hubId},
        ${input.date}, ${input.units}, case when ${fits} then 'CONFIRMED' else 'WAITLISTED' end,
        ${input.idempotencyKey}, ${input.waitlist ? 1 : 0}, ${a.userId}, ${at}, ${a.userId}, ${at}
      from hub_days hd join hubs h on h.id = hd.hub_id and h.alliance_id = ${a.allianceId}
      where hd.hub_id = ${hubId} and hd.date = ${input.date}
        and (${input.waitlist ? 1 : 0} = 1 or ${fits})
        and (select coalesce(sum(units), 0) from bookings
             where merchant_id = ${merchantId} and hub_id = ${hubId} and date = ${input.date}
               and status in ('CONFIRMED', 'WAITLISTED')) + ${input.units}
            <= hd.capacity_units * ${bp} / 10000
      on conflict (merchant_id, idempotency_key) do nothing
      returning seq, status`),
    auditEntry(db, a, {
      action: sql`case status when 'CONFIRMED' then 'booking.confirm' else 'booking.waitlist' end`,
      entity: 'booking',
      entityId: id,
      at,
      after: sql`json_object('status', status, 'hubId', hub_id, 'date', date, 'units', units)`,
      from: sql`from bookings where id = ${id}`,
    }),
    // One statement for either outcome: the event's type follows the status the insert chose.
    bookingEvent(db, placedEvent, at, sql`b.id = ${id}`),
  ])

  const [placed] = written
  if (placed) {
    const booking: Booking = {
      id,
      seq: Number(placed.seq),
      merchantId,
      hubId,
      date: input.date,
      units: input.units,
      status: placed.status,
      idempotencyKey: input.idempotencyKey,
      waitlist: input.waitlist,
      createdBy: a.userId,
      createdAt: at,
      updatedBy: a.userId,
      updatedAt: at,
    }
    return { booking, replayed: false }
  }
  const booking = await findByKey(db, merchantId, input.idempotencyKey)
  const hub = await getHub(db, a, hubId)
  if (booking) return replay(booking, input) // the key was used before, or won a race
  const { maxShareOfHubDayBp } = await settingsOn(db, a.allianceId, localDate(now))
  throw await refusal(db, merchantId, hub.id, input, maxShareOfHubDayBp)
}

const placedEvent = sql<WebhookEventType>`case b.status
  when 'CONFIRMED' then 'booking.confirmed' else 'booking.waitlisted' end`

function replay(previous: Booking, input: BookingInput) {
  if (!sameRequest(previous, input)) {
    throw new Conflict('This idempotency key was already used for a different booking.', {
      reason: 'IDEMPOTENCY_REUSED',
      bookingId: previous.id,
    })
  }
  return { booking: previous, replayed: true }
}

/** Explains why the conditional insert wrote nothing: the share cap or the day's capacity. */
async function refusal(db: Db, merchantId: string, hubId: string, input: BookingInput, bp: number) {
  const day = await readHubDay(db, hubId, input.date)
  const held = await heldUnits(db, merchantId, hubId, input.date)
  const allowance = Math.max(0, shareCapUnits(day.capacityUnits, bp) - held)
  const remainingUnits = day.capacityUnits - day.confirmedUnits
  if (input.units > allowance) {
    return new CapacityExceeded(
      `A merchant may hold at most ${bp / 100}% of a hub-day; you can book ${allowance} more units.`,
      {
        reason: 'FAIR_SHARE',
        date: input.date,
        remainingUnits: Math.min(remainingUnits, allowance),
        allowance,
        maxSharePercent: bp / 100,
      },
    )
  }
  return new CapacityExceeded(
    `Only ${remainingUnits} units are left on ${input.date}; book fewer or join the waitlist.`,
    { reason: 'CAPACITY', date: input.date, remainingUnits },
  )
}

const byKey = (db: Db, merchantId: string, key: string) =>
  db
    .select()
    .from(bookings)
    .where(and(eq(bookings.merchantId, merchantId), eq(bookings.idempotencyKey, key)))

async function findByKey(db: Db, merchantId: string, key: string) {
  const [row] = await byKey(db, merchantId, key)
  return row
}

async function heldUnits(db: Db, merchantId: string, hubId: string, date: string) {
  const [row] = await db
    .select({ units: sql<number>`coalesce(sum(${bookings.units}), 0)` })
    .from(bookings)
    .where(
      and(
        eq(bookings.merchantId, merchantId),
        eq(bookings.hubId, hubId),
        eq(bookings.date, date),
        inArray(bookings.status, ['CONFIRMED', 'WAITLISTED']),
      ),
    )
  return Number(row?.units ?? 0)
}

async function readHubDay(db: Db, hubId: string, date: string) {
  const [row] = await db
    .select()
    .from(hubDays)
    .where(and(eq(hubDays.hubId, hubId), eq(hubDays.date, date)))
  if (!row) throw new NotFound('Hub day')
  return row
}

/**
 * Cancels a booking (the merchant's own, or any for a coordinator) before the date's cutoff and
 * promotes the waitlist into the freed units, all in one atomic batch. Cancelling twice is
 * harmless.
 */
export async function cancelBooking(db: Db, actor: Actor | null, id: string, now: Date) {
  const a = requireActor(actor)
  const booking = await getBooking(db, a, id)
  if (booking.status === 'CANCELLED') return booking
  assertOpenForChanges(booking.date, now)
  const at = now.toISOString()
  await db.batch([
    db.run(sql`
      update bookings set status = 'CANCELLED', updated_by = ${a.userId}, updated_at = ${at}
      where id = ${id} and status <> 'CANCELLED'`),
    auditEntry(db, a, {
      action: 'booking.cancel',
      entity: 'booking',
      entityId: id,
      at,
      before: { status: booking.status, units: booking.units },
      after: { status: 'CANCELLED', units: booking.units },
      from: sql`from booking_events where kind = 'CANCELLED' and booking_id = ${id} and at = ${at}
        and changes() > 0`,
    }),
    bookingEvent(db, 'booking.cancelled', at, sql`b.id = ${id} and changes() > 0`),
    ...promoteWaitlist(db, a, booking.hubId, booking.date, at),
  ])
  return getBooking(db, a, id)
}

/** A booking the actor may see: its merchant's own, or any for a coordinator. */
export async function getBooking(db: Db, actor: Actor | null, id: string): Promise<Booking> {
  const a = requireActor(actor)
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id))
  // Another merchant's booking is reported as missing, not forbidden: ids reveal nothing.
  if (!row || (a.role !== 'COORDINATOR' && row.merchantId !== a.merchantId)) {
    throw new NotFound('Booking')
  }
  if (a.role === 'COORDINATOR') await assertSameAlliance(db, a, row.merchantId)
  return row
}

async function assertSameAlliance(db: Db, a: Actor, merchantId: string) {
  const [m] = await db.select().from(merchants).where(eq(merchants.id, merchantId))
  if (m?.allianceId !== a.allianceId) throw new NotFound('Booking')
}

/** The merchant's own bookings, soonest first, optionally within dates. */
export async function myBookings(
  db: Db,
  actor: Actor | null,
  range: { from?: string; to?: string },
): Promise<Booking[]> {
  const a = requireRole(actor, 'MERCHANT')
  return db
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.merchantId, a.merchantId!),
        range.from ? gte(bookings.date, range.from) : undefined,
        range.to ? lte(bookings.date, range.to) : undefined,
      ),
    )
    .orderBy(asc(bookings.date), asc(bookings.seq))
}

/** Capacity and load of one hub for each date in a range; days never touched use the default. */
export async function hubAvailability(
  db: Db,
  actor: Actor | null,
  hubId: string,
  from: string,
  to: string,
): Promise<HubDayView[]> {
  const a = requireActor(actor)
  const hub = await getHub(db, a, hubId)
  const rows = await db
    .select()
    .from(hubDays)
    .where(and(eq(hubDays.hubId, hubId), gte(hubDays.date, from), lte(hubDays.date, to)))
  const mine = a.merchantId ? await mineByDate(db, a.merchantId, hubId, from, to) : new Map()
  const byDate = new Map(rows.map((r) => [r.date, r]))
  return dateRange(from, to).map((date) => {
    const row = byDate.get(date)
    const capacityUnits = row?.capacityUnits ?? hub.dailyCapacityUnits
    const confirmedUnits = row?.confirmedUnits ?? 0
    return {
      hubId,
      date,
      capacityUnits,
      confirmedUnits,
      waitlistedUnits: row?.waitlistedUnits ?? 0,
      remainingUnits: capacityUnits - confirmedUnits,
      myUnits: mine.get(date)?.confirmed ?? 0,
      myWaitlistedUnits: mine.get(date)?.waitlisted ?? 0,
      myWaitlistPlace: mine.get(date)?.place ?? null,
    }
  })
}

/**
 * A merchant's confirmed and waitlisted units on each date of a range, and the place of its
 * earliest waitlisted request in the day's queue: the queue in `seq` order, as `promotable`
 * promotes it. One statement for the whole range, over the hub-day index.
 */
async function mineByDate(db: Db, merchantId: string, hubId: string, from: string, to: string) {
  const rows = await db.all<{ date: string; confirmed: number; waitlisted: number; place: number }>(
    sql`
    select date,
      coalesce(sum(case when status = 'CONFIRMED' then units end), 0) as confirmed,
      coalesce(sum(case when status = 'WAITLISTED' then units end), 0) as waitlisted,
      min(place) as place
    from (
      select merchant_id, date, status, units,
        case when status = 'WAITLISTED'
          then row_number() over (partition by date, status order by seq) end as place
      from bookings
      where hub_id = ${hubId} and date between ${from} and ${to}
        and status in ('CONFIRMED', 'WAITLISTED')
    )
    where merchant_id = ${merchantId}
    group by date`,
  )
  return new Map(
    rows.map((r) => [
      r.date,
      {
        confirmed: Number(r.confirmed),
        waitlisted: Number(r.waitlisted),
        place: r.place === null ? null : Number(r.place),
      },
    ]),
  )
}

/**
 * Overrides one date's capacity (coordinator, or that hub's operator). Lowering below what is
 * already confirmed is refused with `CONFLICT`; raising it promotes the waitlist. The upsert only
 * applies when the confirmed units still fit, checked by the database in the same statement.
 */
export async function setHubCapacity(
  db: Db,
  actor: Actor | null,
  input: CapacityInput,
  now: Date,
): Promise<HubDayView> {
  const a = requireHub(actor, input.hubId)
  const hub = await getHub(db, a, input.hubId)
  if (input.date < localDate(now)) throw new InvalidInput('date', `${input.date} is in the past`)
  const at = now.toISOString()
  const [before] = await db
    .select({ capacityUnits: hubDays.capacityUnits })
    .from(hubDays)
    .where(and(eq(hubDays.hubId, hub.id), eq(hubDays.date, input.date)))
  await db.batch([
    db.run(sql`
      insert into hub_days (hub_id, date, capacity_units, capacity_set_by)
      select ${hub.id}, ${input.date}, ${input.capacityUnits}, ${a.userId}
      where ${hub.id} in ${hubsActedFor(a)}
      on conflict (hub_id, date) do update
        set capacity_units = excluded.capacity_units, capacity_set_by = excluded.capacity_set_by
        where hub_days.confirmed_units <= excluded.capacity_units`),
    auditEntry(db, a, {
      action: 'hub.capacity.set',
      entity: 'hubDay',
      entityId: `${hub.id}/${input.date}`,
      at,
      before: { capacityUnits: before?.capacityUnits ?? hub.dailyCapacityUnits },
      after: sql`json_object('capacityUnits', capacity_units, 'confirmedUnits', confirmed_units)`,
      from: sql`from hub_days where hub_id = ${hub.id} and date = ${input.date}
        and capacity_units = ${input.capacityUnits} and changes() > 0`,
    }),
    db.run(sql`
      insert into booking_events (hub_id, date, kind, units, actor_id, at)
      select hub_id, date, 'CAPACITY_SET', capacity_units, ${a.userId}, ${at} from hub_days
      where hub_id = ${hub.id} and date = ${input.date} and capacity_units = ${input.capacityUnits}`),
    ...promoteWaitlist(db, a, hub.id, input.date, at),
  ])
  const day = await readHubDay(db, hub.id, input.date)
  if (day.capacityUnits !== input.capacityUnits) {
    throw new Conflict(
      `${day.confirmedUnits} units are already booked on ${input.date}; capacity cannot go below that.`,
      { reason: 'BELOW_CONFIRMED', date: input.date, confirmedUnits: day.confirmedUnits },
    )
  }
  const [view] = await hubAvailability(db, a, hub.id, input.date, input.date)
  return view!
}

export interface UtilisationDay {
  date: string
  capacityUnits: number
  confirmedUnits: number
  waitlistedUnits: number
  /** Confirmed units per merchant; only for coordinators and the hub's own operator. */
  perMerchant: { merchantId: string; units: number }[] | null
}

/**
 * A hub's month (or any range) day by day, for coordinators and that hub's operator. Per-merchant
 * figures go only to coordinators, unless `withMerchantsForOperator` (the hub's own load page).
 */
export async function hubUtilisation(
  db: Db,
  actor: Actor | null,
  hubId: string,
  from: string,
  to: string,
  options: { withMerchantsForOperator?: boolean } = {},
): Promise<UtilisationDay[]> {
  const a = requireHub(actor, hubId)
  if (a.role !== 'COORDINATOR' && a.role !== 'HUB_OPERATOR') throw new Forbidden()
  const days = await hubAvailability(db, a, hubId, from, to)
  const showMerchants = a.role === 'COORDINATOR' || options.withMerchantsForOperator === true
  const split = showMerchants
    ? await db
        .select({
          date: bookings.date,
          merchantId: bookings.merchantId,
          units: sql<number>`sum(${bookings.units})`,
        })
        .from(bookings)
        .where(
          and(
            eq(bookings.hubId, hubId),
            eq(bookings.status, 'CONFIRMED'),
            gte(bookings.date, from),
            lte(bookings.date, to),
          ),
        )
        .groupBy(bookings.date, bookings.merchantId)
        .orderBy(asc(bookings.date), asc(bookings.merchantId))
    : []
  return days.map((d) => ({
    date: d.date,
    capacityUnits: d.capacityUnits,
    confirmedUnits: d.confirmedUnits,
    waitlistedUnits: d.waitlistedUnits,
    perMerchant: showMerchants
      ? split
          .filter((s) => s.date === d.date)
          .map((s) => ({ merchantId: s.merchantId, units: Number(s.units) }))
      : null,
  }))
}
