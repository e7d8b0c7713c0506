/**
 * Each finished month is published on the 2nd, as the scheduled job would, by the coordinator:
 * the clothing and toys cohorts (four and three members) are withheld by the k ≥ 5 rule.
 */
import { nextMonth } from '../../../src/calendar/local-date'
import { publishBenchmarks } from '../../../src/benchmarks/service'
import type { Books } from './books'
import { at, minutes, monthStart, type World } from './world'

export function schedulePublications(w: World, books: Books) {
  for (const month of w.months) {
    const next = nextMonth(month)
    const wanted = at(`${next}-02`, 9, w.random.int(0, 30))
    // Never before the close of the same month (both may be pulled just before now).
    const when = books.beforeNow(wanted, monthStart(next) + minutes(1))
    w.timeline.at(when + 1_000, (now) =>
      publishBenchmarks(w.db, w.cast.coordinator, month, now).then(() => {}),
    )
  }
}
