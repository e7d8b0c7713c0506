/**
 * Closing a month from the page: the close runs in the background of the request that starts
 * it, and the page polls its stage (computing → writing → done) until it has finished. The
 * close itself is `closeSettlement`, one atomic and idempotent batch; this only remembers, in
 * this process, how far each close has got. A poll that lands where the close is not known (a
 * restart, another Worker isolate) falls back on the database: a closed month is done.
 */
import type { Actor } from '../auth/roles'
import type { Db } from '../db'
import type { DomainError } from '../errors'
import { attempt } from '../http/respond'
import { closeSettlement, type SettlementView } from './service'

export type CloseStage = 'computing' | 'writing' | 'done' | 'failed'

export interface CloseJob {
  month: string
  idempotencyKey: string
  stage: CloseStage
  startedAt: number
  finishedAt?: number
  result?: SettlementView
  /** What stopped a failed close. */
  error?: unknown
  /** The same, when it is a refusal a person can act on (the month changed, is waiting…). */
  refusal?: DomainError
  /** Settles when the close has finished, whichever way. */
  finished: Promise<void>
}

const jobs = new Map<string, CloseJob>()
/** How long a finished close is remembered for the polls that come after it. */
const keepMs = 10 * 60_000

const jobKey = (allianceId: string, month: string, key: string) => `${allianceId}|${month}|${key}`

/**
 * Starts closing `month` unless a close with the same idempotency key is already known, and
 * returns it. Never throws: a failed close has stage `failed` and its `error`.
 */
export function startClose(
  db: Db,
  actor: Actor,
  input: { month: string; idempotencyKey: string; expectedTotalFen?: number },
  now: Date,
): CloseJob {
  const started = Date.now()
  for (const [k, job] of jobs) {
    if (job.finishedAt !== undefined && started - job.finishedAt > keepMs) jobs.delete(k)
  }
  const k = jobKey(actor.allianceId, input.month, input.idempotencyKey)
  const known = jobs.get(k)
  if (known) return known
  const job: CloseJob = {
    month: input.month,
    idempotencyKey: input.idempotencyKey,
    stage: 'computing',
    startedAt: started,
    finished: Promise.resolve(),
  }
  jobs.set(k, job)
  const close = closeSettlement(
    db,
    actor,
    { month: input.month, idempotencyKey: input.idempotencyKey },
    now,
    { expectedTotalFen: input.expectedTotalFen, onStage: (stage) => (job.stage = stage) },
  )
  job.finished = attempt(close).then(
    (outcome) => {
      if (outcome.ok) job.result = outcome.value
      else job.error = job.refusal = outcome.error
      job.stage = outcome.ok ? 'done' : 'failed'
      job.finishedAt = Date.now()
    },
    (error: unknown) => {
      job.error = error
      job.stage = 'failed'
      job.finishedAt = Date.now()
    },
  )
  return job
}

/** The close started with this key, while this process remembers it. */
export function findClose(allianceId: string, month: string, key: string): CloseJob | undefined {
  return jobs.get(jobKey(allianceId, month, key))
}
