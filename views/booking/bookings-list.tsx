import type { Booking, BookingWindow } from '../../src/booking/service'
import { usePage } from '../context'
import { BookingRow, type BookingRowProps } from './booking-row'

export interface BookingsListProps {
  rows: { booking: Booking; hubName: string; window: BookingWindow }[]
  view: BookingRowProps['view']
  /** Swapped out of band after a booking made from a calendar cell. */
  oob?: boolean
}

/** The merchant's upcoming bookings, soonest first. */
export function BookingsList({ rows, view, oob }: BookingsListProps) {
  const { t } = usePage()
  return (
    <section class="card" id="my-bookings" hx-swap-oob={oob ? 'true' : undefined}>
      <h2 id="my-bookings-title">{t('booking.list.title')}</h2>
      {rows.length === 0 ? (
        <p class="muted">{t('booking.list.empty')}</p>
      ) : (
        <table class="bookings" aria-labelledby="my-bookings-title">
          <thead>
            <tr>
              <th scope="col">{t('booking.list.date')}</th>
              <th scope="col">{t('booking.list.hub')}</th>
              <th scope="col" class="num">
                {t('booking.list.units')}
              </th>
              <th scope="col">{t('booking.list.status')}</th>
              <th scope="col">{t('booking.list.action')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <BookingRow {...r} view={view} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
