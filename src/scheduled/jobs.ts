/**
 * The work that runs on a clock, written once for both runtimes: the Node entry ticks it every
 * minute, the Worker runs it from a Cron Trigger (wrangler.toml). Each job is a domain function
 * over the database and the current instant, and idempotent — running it twice, or on two
 * machines at once, changes nothing more than running it once — so a late or repeated tick is
 * harmless.
 */
import { alliances } from '../../db/schema'
import { pruneEndedSessions } from '../auth/sessions'
import { publishDueBenchmarks } from '../benchmarks/auto-publish'
import { localDate } from '../calendar/local-date'
import type { Db } from '../db'
import { recordSlaBreaches } from '../inspection/breach-notices'
import { notifySlaClocks } from '../notifications/sla-clock'
import { pruneRateLimits } from '../rate-limit'
import { postRecurringCosts } from '../settlement/usage'

export interface Job {
  name: string
  /** Runs at every minute of the (UTC) day divisible by this. */
  everyMinutes: number
  /** Does what is due at `now`; returns how many things it changed, for the log. */
  run(db: Db, now: Date): Promise<number>
}

export const jobs: readonly Job[] = [
  {
    name: 'sla-breach-notices',
    everyMinutes: 1,
    run: recordSlaBreaches,
  },
  {
    // Deadlines within 30 minutes and breaches, told to the people concerned once each.
    name: 'sla-clock-notifications',
    everyMinutes: 1,
    run: notifySlaClocks,
  },
  {
    name: 'recurring-costs',
    everyMinutes: 60,
    async run(db, now) {
      const month = localDate(now).slice(0, 7)
      let added = 0
      for (const { id } of await db.select({ id: alliances.id }).from(alliances)) {
        added += await postRecurringCosts(db, id, month, now)
      }
      return added
    },
  },
  {
    name: 'publish-benchmarks',
    everyMinutes: 60,
    run: async (db, now) => (await publishDueBenchmarks(db, now)).length,
  },
  {
    // Ended sessions and spent counters (sign-in throttling, public lookups) count for nothing;
    // without this they pile up forever.
    name: 'prune-expired',
    everyMinutes: 60,
    run: async (db, now) =>
      (await pruneEndedSessions(db, now)) + (await pruneRateLimits(db, now.getTime())),
  },
]

/** Whether `job` is due at the minute of `now`. */
export function isDue(job: Job, now: Date): boolean {
  const minuteOfDay = now.getUTCHours() * 60 + now.getUTCMinutes()
  return minuteOfDay % job.everyMinutes === 0
}

export interface JobOutcome {
  name: string
  changed?: number
  error?: unknown
}

/**
 * Runs the jobs due at `now` (every job with `all`), one after another; one job failing does not
 * stop the others, and its error is in its outcome.
 */
export async function runJobs(
  db: Db,
  now: Date,
  options: { all?: boolean; jobs?: readonly Job[] } = {},
): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = []
  for (const job of options.jobs ?? jobs) {
    if (!options.all && !isDue(job, now)) continue
    try {
      outcomes.push({ name: job.name, changed: await job.run(db, now) })
    } catch (error) {
      outcomes.push({ name: job.name, error })
    }
  }
  return outcomes
}
