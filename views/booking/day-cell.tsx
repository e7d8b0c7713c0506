import type { BookingWindow, HubDayView } from '../../src/booking/service'
import { newId } from '../../src/ids'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { Notice, type NoticeData } from '../components/notice'
import { formatCount, formatDay } from '../components/format'

export type RemainingLevel = 'plenty' | 'limited' | 'scarce' | 'full'

/** The colour band of a day by the share of its capacity still free. */
export function remainingLevel(day: Pick<HubDayView, 'remainingUnits' | 'capacityUnits'>) {
  if (day.remainingUnits <= 0 || day.capacityUnits <= 0) return 'full'
  const share = day.remainingUnits / day.capacityUnits
  return share >= 0.5 ? 'plenty' : share >= 0.2 ? 'limited' : 'scarce'
}

export const dayCellId = (hubId: string, date: string) => `day-${hubId}-${date}`

export interface DayCellProps {
  day: HubDayView
  window: BookingWindow
  today?: boolean
  /** What happened to the last booking attempt on this day. */
  notice?: NoticeData
  /** The values sent with a refused attempt, so they can be corrected. */
  units?: string
  waitlist?: boolean
  /** Show the booking form unfolded (after an attempt, so it can be corrected). */
  expanded?: boolean
  /** Render for an out-of-band swap (after a cancellation elsewhere on the page). */
  oob?: boolean
}

/**
 * One hub-day of the merchant calendar: what is left, what is yours and, while the day is open,
 * a booking form that htmx posts and swaps back into this same cell. Without JavaScript the form
 * posts normally. Each render carries a fresh idempotency key, so sending the same form twice
 * books once.
 */
export function DayCell(props: DayCellProps) {
  const { day, window, today, notice, units, waitlist } = props
  const { t, locale } = usePage()
  const id = dayCellId(day.hubId, day.date)
  const level = remainingLevel(day)
  const open = window === 'OPEN'
  const label = formatDay(day.date, locale)
  const classes = [
    'day',
    open ? `day--${level}` : 'day--closed',
    window === 'PAST' ? 'day--past' : '',
    today ? 'day--today' : '',
  ]
  return (
    <div
      class={classes.filter(Boolean).join(' ')}
      id={id}
      hx-swap-oob={props.oob ? 'true' : undefined}
    >
      <p class="day__date">
        <time datetime={day.date} aria-current={today ? 'date' : undefined}>
          <span class="day__num" aria-hidden="true">
            {Number(day.date.slice(8))}
          </span>
          <span class="day__full">{label}</span>
        </time>
        {today && <span class="day__today">{t('booking.cell.today')}</span>}
      </p>
      <p class="day__remaining">
        {t('booking.cell.remaining', {
          remaining: formatCount(day.remainingUnits, locale),
          capacity: formatCount(day.capacityUnits, locale),
        })}
      </p>
      <p class="day__level">{open ? t(`booking.level.${level}`) : t(`booking.window.${window}`)}</p>
      {day.myUnits > 0 && (
        <p class="day__mine">
          {t('booking.cell.mine', { units: formatCount(day.myUnits, locale) })}
        </p>
      )}
      {day.myWaitlistPlace !== null && (
        <p class="day__mine">
          {t('booking.cell.myWaitlist', {
            units: formatCount(day.myWaitlistedUnits, locale),
            place: formatCount(day.myWaitlistPlace, locale),
          })}
        </p>
      )}
      {day.waitlistedUnits > 0 && (
        <p class="day__wait">
          {t('booking.cell.waitlisted', { units: formatCount(day.waitlistedUnits, locale) })}
        </p>
      )}
      {notice && <Notice {...notice} />}
      {open && (
        <details class="day__book" open={notice !== undefined || props.expanded}>
          <summary>
            {t('booking.form.open')}
            <span class="visually-hidden"> {t('booking.form.for', { date: label })}</span>
          </summary>
          <form
            method="post"
            action="/bookings"
            hx-post="/bookings"
            hx-target="closest .day"
            hx-swap="outerHTML"
            class="day__form"
          >
            <CsrfField />
            <input type="hidden" name="hubId" value={day.hubId} />
            <input type="hidden" name="date" value={day.date} />
            <input type="hidden" name="idempotencyKey" value={newId('form', 20)} />
            <label for={`${id}-units`}>{t('booking.form.units')}</label>
            <input
              id={`${id}-units`}
              name="units"
              type="number"
              inputmode="numeric"
              min="1"
              step="1"
              required
              value={units}
            />
            <label class="check">
              <input type="checkbox" name="waitlist" value="on" checked={waitlist} />
              {t('booking.form.waitlist')}
            </label>
            <button type="submit" id={`${id}-submit`} class="button button--primary">
              {t('booking.form.submit')}
              <span class="visually-hidden"> {t('booking.form.for', { date: label })}</span>
            </button>
          </form>
        </details>
      )}
    </div>
  )
}
