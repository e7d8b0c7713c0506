import type { Hub } from '../../src/network/service'
import { usePage } from '../context'
import { BookingsList, type BookingsListProps } from './bookings-list'
import { Calendar, type CalendarDay, type CellFocus } from './calendar'
import { HubPicker } from './hub-picker'
import { RemainingLegend } from './legend'
import { MonthNav } from '../components/month-nav'
import { Notice, type NoticeData } from '../components/notice'
import { formatMonth } from '../components/format'
import { localizedName } from '../../src/i18n/localized-name'

export interface BookingPageProps {
  hubs: Hub[]
  hub: Hub
  month: string
  today: string
  days: CalendarDay[]
  bookings: BookingsListProps['rows']
  /** Fair-share cap and booking horizon, for the rules line. */
  rules: { percent: number; days: number }
  notice?: NoticeData
  focus?: CellFocus
}

export const bookingsHref = (hub: string, month: string) =>
  `/bookings?${new URLSearchParams({ hub, month })}`

/** The merchant's booking page: hub picker, month calendar, own bookings. */
export function BookingPage(props: BookingPageProps) {
  const { t, locale } = usePage()
  const { hub, month } = props
  const hubName = localizedName(hub, locale)
  return (
    <>
      <h1>{t('booking.title')}</h1>
      <p class="hint">{t('booking.rules', props.rules)}</p>
      {props.notice && <Notice {...props.notice} />}
      <section class="card">
        <div class="toolbar">
          <HubPicker hubs={props.hubs} current={hub.id} href={(id) => bookingsHref(id, month)} />
          <MonthNav month={month} href={(m) => bookingsHref(hub.id, m)} />
        </div>
        <RemainingLegend />
        <Calendar
          caption={t('booking.calendar.caption', {
            hub: hubName,
            month: formatMonth(month, locale),
          })}
          days={props.days}
          today={props.today}
          focus={props.focus}
        />
      </section>
      <BookingsList rows={props.bookings} view={{ hub: hub.id, month }} />
    </>
  )
}
