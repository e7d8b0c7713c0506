import type { Booking, BookingWindow } from '../../src/booking/service'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { Notice, type NoticeData } from '../components/notice'
import { formatCount, formatDay } from '../components/format'

export interface BookingRowProps {
  booking: Booking
  hubName: string
  window: BookingWindow
  notice?: NoticeData
  /** The calendar being shown, so a cancellation without JavaScript comes back to it. */
  view: { hub: string; month: string }
}

/** One booking with its cancel button; htmx swaps the row with the outcome. */
export function BookingRow({ booking, hubName, window, notice, view }: BookingRowProps) {
  const { t, locale } = usePage()
  const date = formatDay(booking.date, locale)
  const cancellable = booking.status !== 'CANCELLED' && window === 'OPEN'
  return (
    <tr id={`booking-${booking.id}`} class={`booking booking--${booking.status.toLowerCase()}`}>
      <td data-label={t('booking.list.date')}>
        <time datetime={booking.date}>{date}</time>
      </td>
      <td data-label={t('booking.list.hub')}>{hubName}</td>
      <td class="num" data-label={t('booking.list.units')}>
        {formatCount(booking.units, locale)}
      </td>
      <td data-label={t('booking.list.status')}>
        <span class={`badge badge--${booking.status.toLowerCase()}`}>
          {t(`booking.status.${booking.status}`)}
        </span>
      </td>
      <td class="booking__action">
        {cancellable && (
          <form
            method="post"
            action={`/bookings/${booking.id}/cancel`}
            hx-post={`/bookings/${booking.id}/cancel`}
            hx-target="closest tr"
            hx-swap="outerHTML"
          >
            <CsrfField />
            <input type="hidden" name="hub" value={view.hub} />
            <input type="hidden" name="month" value={view.month} />
            <button type="submit" id={`booking-${booking.id}-cancel`}>
              {t('booking.cancel')}
              <span class="visually-hidden">
                {' '}
                {t('booking.cancel.what', { units: formatCount(booking.units, locale), date })}
              </span>
            </button>
          </form>
        )}
        {booking.status !== 'CANCELLED' && window !== 'OPEN' && (
          <span class="muted">{t('booking.cancel.locked')}</span>
        )}
        {notice && <Notice {...notice} />}
      </td>
    </tr>
  )
}
