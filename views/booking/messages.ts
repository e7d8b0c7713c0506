/**
 * Turns booking outcomes and refusals into sentences from the catalogues, so people never see
 * the English domain message: the facts come from the error's `details`.
 */
import type { Locale } from '../../db/schema'
import type { Booking, BookingWindow } from '../../src/booking/service'
import { bookingRules } from '../../src/booking/rules'
import { isIsoDate } from '../../src/calendar/local-date'
import type { DomainError } from '../../src/errors'
import type { Translate } from '../../src/i18n'
import type { NoticeData } from '../components/notice'
import { formatCount, formatDay } from '../components/format'

interface Lang {
  t: Translate
  locale: Locale
}

/** Why a date cannot be booked or changed any more, as a sentence. */
export function closedReason({ t, locale }: Lang, window: BookingWindow, date: string): string {
  if (window === 'OPEN') return ''
  return t(`booking.closed.${window}`, {
    date: formatDay(date, locale),
    days: bookingRules.maxDaysAhead,
  })
}

/** A booking that went through: confirmed, or waiting on the waitlist. */
export function bookedNotice({ t, locale }: Lang, booking: Booking, hubName: string): NoticeData {
  const params = {
    units: formatCount(booking.units, locale),
    date: formatDay(booking.date, locale),
    hub: hubName,
  }
  return booking.status === 'WAITLISTED'
    ? { tone: 'warn', text: t('booking.done.waitlisted', params) }
    : { tone: 'ok', text: t('booking.done.confirmed', params) }
}

/**
 * A refused booking: not enough room, over the fair share (with what is still allowed), the
 * day closed, a bad number of units, or a form already used for another booking.
 */
export function refusalNotice(
  lang: Lang,
  error: DomainError,
  context: { date: string; window: BookingWindow; percent?: number },
): NoticeData {
  const { t, locale } = lang
  const date = formatDay(context.date, locale)
  const num = (key: string) => formatCount(Number(error.details[key] ?? 0), locale)
  let reason: string
  if (error.code === 'CAPACITY_EXCEEDED' && error.details.reason === 'FAIR_SHARE') {
    reason = t('booking.refused.fairShare', {
      percent: context.percent ?? 40,
      allowance: num('allowance'),
      date,
    })
  } else if (error.code === 'CAPACITY_EXCEEDED') {
    reason = t('booking.refused.capacity', { remaining: num('remainingUnits'), date })
  } else if (error.code === 'BAD_USER_INPUT' && error.details.field === 'date') {
    reason = closedReason(lang, context.window, context.date) || t('booking.refused.stale')
  } else if (error.code === 'BAD_USER_INPUT' && error.details.field === 'units') {
    reason = t('booking.refused.units')
  } else {
    reason = t('booking.refused.stale')
  }
  return { tone: 'error', text: t('booking.refused', { reason }) }
}

export function cancelledNotice({ t, locale }: Lang, booking: Booking): NoticeData {
  return {
    tone: 'ok',
    text: t('booking.cancelled', {
      units: formatCount(booking.units, locale),
      date: formatDay(booking.date, locale),
    }),
  }
}

/** A cancellation refused because the date's cutoff has passed. */
export function cancelRefusedNotice(lang: Lang, booking: Booking, window: BookingWindow) {
  const reason = closedReason(lang, window, booking.date)
  return { tone: 'error', text: lang.t('booking.cancel.refused', { reason }) } as NoticeData
}

/** The outcome of a capacity override: the new figures, or why it was refused. */
export function capacityNotice(
  { t, locale }: Lang,
  outcome: {
    date: string
    day?: { capacityUnits: number; confirmedUnits: number }
    refusal?: DomainError
  },
): NoticeData {
  const date = isIsoDate(outcome.date) ? formatDay(outcome.date, locale) : outcome.date
  const { day, refusal } = outcome
  if (day) {
    return {
      tone: 'ok',
      text: t('hub.override.done', {
        date,
        capacity: formatCount(day.capacityUnits, locale),
        confirmed: formatCount(day.confirmedUnits, locale),
      }),
    }
  }
  if (refusal?.code === 'CONFLICT') {
    const confirmed = formatCount(Number(refusal.details.confirmedUnits ?? 0), locale)
    return { tone: 'error', text: t('hub.override.conflict', { confirmed, date }) }
  }
  if (refusal?.details.field === 'date' && isIsoDate(outcome.date)) {
    return { tone: 'error', text: t('hub.override.past', { date }) }
  }
  return { tone: 'error', text: t('hub.override.invalid') }
}
