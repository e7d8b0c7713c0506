/**
 * The demo alliance's past: six finished months and the current month so far, written by the
 * real domain functions at simulated moments, so every rule, trigger and audit entry holds as if
 * people had done it. Repeatable: the same seed and the same now write the same rows.
 */
import { localDate, shiftMonth } from '../../../src/calendar/local-date'
import type { Db } from '../../../src/db'
import { schedulePublications } from './benchmarks'
import { Books } from './books'
import { scheduleBookings } from './bookings'
import { loadCast } from './cast'
import { planReturns } from './demand'
import { Insurance } from './insurance'
import { Lifecycle } from './lifecycle'
import { schedulePeople } from './people'
import { seededRandom } from './random'
import { Runs } from './runs'
import { simulate } from './simulation'
import { Timeline } from './timeline'
import { describeWorld, historyMonths, monthStart } from './world'

/** The seed of the history's generator: change it for another, equally plausible past. */
export const historySeed = 20_240_304

export interface HistoryOptions {
  /** The app's now: the history ends just before it. */
  now: Date
  /** The key customer contacts are encrypted with (the app's CONTACT_KEY). */
  contactKey: string
}

/**
 * Writes the alliance (`founding`, at the start of the history) and then its history. The
 * alliance's rows are stamped with that start, like everything after it, so two seeds with the
 * same now write the same rows.
 */
export async function seedHistory(
  db: Db,
  options: HistoryOptions,
  founding: () => Promise<void>,
): Promise<void> {
  const random = seededRandom(historySeed)
  const first = shiftMonth(localDate(options.now).slice(0, 7), -historyMonths)
  const timeline = new Timeline(monthStart(first), options.now.getTime())
  await simulate(
    random,
    () => timeline.current,
    async () => {
      await founding()
      const cast = await loadCast(db)
      const w = describeWorld({ db, cast, random, timeline, ...options })
      const insurance = new Insurance(w)
      const runs = new Runs(w)
      const lifecycle = new Lifecycle(w, runs, insurance)
      const books = new Books(w)
      schedulePeople(w)
      insurance.schedule()
      books.schedule()
      schedulePublications(w, books)
      scheduleBookings(w)
      runs.scheduleDays(`${first}-01`, w.today)
      for (const plan of planReturns(w)) lifecycle.schedule(plan)
      await timeline.run()
    },
  )
}
