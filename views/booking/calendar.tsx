import type { BookingWindow, HubDayView } from '../../src/booking/service'
import { usePage } from '../context'
import { DayCell } from './day-cell'
import { weekdayIndex } from '../../src/calendar/local-date'
import { weekdays } from '../components/format'

/** The values sent with a refused attempt without JavaScript, put back into that day's form. */
export interface CellFocus {
  date: string
  units?: string
  waitlist?: boolean
}

export interface CalendarDay {
  day: HubDayView
  window: BookingWindow
}

interface CalendarProps {
  caption: string
  days: CalendarDay[]
  today: string
  /** A message and the sent values for one day, after a refused attempt without JavaScript. */
  focus?: CellFocus
}

/** A month as a Monday-to-Sunday grid; on narrow screens the same cells become a list. */
export function Calendar({ caption, days, today, focus }: CalendarProps) {
  const { locale } = usePage()
  const names = weekdays(locale)
  const lead = days.length ? weekdayIndex(days[0]!.day.date) : 0
  const cells: (CalendarDay | null)[] = [...Array<null>(lead).fill(null), ...days]
  while (cells.length % 7) cells.push(null)
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7))
  return (
    <table class="calendar">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {names.map((n) => (
            <th scope="col">
              <abbr title={n.long}>{n.short}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr>
            {week.map((cell) =>
              cell ? (
                <td>
                  <DayCell
                    day={cell.day}
                    window={cell.window}
                    today={cell.day.date === today}
                    {...(focus?.date === cell.day.date
                      ? { units: focus.units, waitlist: focus.waitlist, expanded: true }
                      : {})}
                  />
                </td>
              ) : (
                <td class="calendar__pad" aria-hidden="true"></td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
