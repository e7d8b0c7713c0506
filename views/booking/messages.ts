/**
 * Turns booking outcomes and refusals into sentences from the catalogues, so people never see
 * the English domain message: the facts come from the error's `details`.
 */
import type { Booking, BookingWindow } from '../../src/booking/service'
import { bookingRules } from '../../src/booking/rules'
import { isIsoDate } from '../../src/calendar/local-date'
import type { DomainError } from '../../src/errors'
import type { Lang } from '../../src/i18n'
import { refusalText } from '../../src/http/refusal-copy'
import type { NoticeData } from '../components/notice'
import { formatCount, formatDay } from '../components/format'

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
 * A refused booking, said in the cell: the day closed, a bad number of units, or the refusal's
 * own sentence (not enough room, over the fair share, a form already used).
 */
export function refusalNotice(
  lang: Lang,
  error: DomainError,
  context: { date: string; window: BookingWindow },
): NoticeData {
  const field = error.code === 'BAD_USER_INPUT' ? error.details.field : undefined
  const reason =
    field === 'date'
      ? closedReason(lang, context.window, context.date) || refusalText(lang, error)
      : field === 'units'
        ? lang.t('booking.refused.units')
        : refusalText(lang, error)
  return { tone: 'error', text: lang.t('booking.refused', { reason }) }
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

/** A refused cancellation: the date's cutoff has passed, or the refusal's own reason. */
export function cancelRefusedNotice(
  lang: Lang,
  booking: Booking,
  window: BookingWindow,
  error: DomainError,
): NoticeData {
  const reason = closedReason(lang, window, booking.date) || refusalText(lang, error)
  return { tone: 'error', text: lang.t('booking.cancel.refused', { reason }) }
}

/** The outcome of a capacity override: the new figures, or why it was refused. */
export function capacityNotice(
  lang: Lang,
  outcome: {
    date: string
    day?: { capacityUnits: number; confirmedUnits: number }
    refusal?: DomainError
  },
): NoticeData {
  const { t, locale } = lang
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
  // A bad date or number is the form's fault; anything else says its own reason.
  let reason = t('hub.override.invalid')
  if (refusal && refusal.code !== 'BAD_USER_INPUT') reason = refusalText(lang, refusal)
  else if (refusal?.details.field === 'date' && isIsoDate(outcome.date)) {
    reason = t('booking.closed.PAST', { date })
  }
  return { tone: 'error', text: t('hub.override.refused', { reason }) }
}
