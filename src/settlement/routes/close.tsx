/**
 * Closing a month: a confirmation of what will be frozen, then the close. With htmx it runs in
 * the background of the request that starts it and the section polls its stage; a plain form
 * waits for it and is redirected to the closed month, or shown why not.
 */
import { Hono } from 'hono'
import { getRuntimeKey } from 'hono/adapter'
import { CloseSection, type CloseState } from '../../../views/settlement/close-section'
import { settlementHref } from '../../../views/settlement/format'
import { refusalNotice } from '../../../views/settlement/messages'
import { requireRole } from '../../auth/roles'
import { fragment, isHtmx, formText as text } from '../../http/fragments'
import { form } from '../../http/form'
import { attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { findClose, startClose, type CloseJob } from '../close-jobs'
import { closedMonth } from '../listing'
import { closeForm } from '../schemas'
import { closeSettlement } from '../service'
import { closeOffer, closeStart, confirmState, monthData, renderMonth } from './month-page'
import { coordinatorOnly, requiredMonth, type Ctx } from './shared'
import { langOf } from '../../http/params'

export const closeRoutes = new Hono<AppEnv>()

/**
 * Keeps a Worker alive until the close has finished: Workers end a request's work with its
 * response unless told to wait. Node keeps running anyway, and has no execution context; nor
 * does a request made with `app.request()` (tests), where Hono's getter throws instead.
 */
function keepAlive(c: Ctx, work: Promise<unknown>) {
  if (getRuntimeKey() !== 'workerd') return
  let context: { waitUntil(work: Promise<unknown>): void } | undefined
  try {
    context = c.executionCtx
  } catch {
    // No execution context to extend: the request runs to its end anyway.
  }
  context?.waitUntil(work)
}

closeRoutes.get('/settlement/close', async (c) => {
  requireRole(c.get('actor'), 'COORDINATOR')
  const month = requiredMonth(c.req.query('month'))
  const d = await monthData(c, month)
  if (d.closed) return c.redirect(settlementHref(month), 303)
  const state = closeStart(c, d).step === 'blocked' ? closeStart(c, d) : confirmState(d)
  if (!isHtmx(c)) return renderMonth(c, d, { close: { state } })
  return fragment(c, <CloseSection month={month} state={state} />)
})

closeRoutes.post('/settlement/close', coordinatorOnly, form(closeForm), async (c) => {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const { month, idempotencyKey, expectedTotalFen } = c.req.valid('form')
  if (isHtmx(c)) {
    const job = startClose(db, actor, { month, idempotencyKey, expectedTotalFen }, now())
    keepAlive(c, job.finished)
    return closeStatus(c, month, job)
  }
  const outcome = await attempt(
    closeSettlement(db, actor, { month, idempotencyKey }, now(), { expectedTotalFen }),
  )
  if (outcome.ok) return c.redirect(`${settlementHref(month)}&closed=1`, 303)
  const d = await monthData(c, month)
  // Closed meanwhile, by this close or another: the closed month is the answer.
  if (d.closed) return c.redirect(settlementHref(month), 303)
  const notice = refusalNotice(langOf(c), outcome.error, month, d.names)
  const state = closeOffer(c, d)
  return refused(c, outcome.error, {
    fragment: () => <CloseSection month={month} state={state} notice={notice} />,
    page: () => renderMonth(c, d, { close: { state, notice } }),
  })
})

/** Lost track of: no answer within this long means the close did not run (see close-jobs). */
const lostAfterMs = 120_000

/** Where a close has got, as the section's next state; once done, the page reloads closed. */
async function closeStatus(c: Ctx, month: string, job: CloseJob | undefined, since = Date.now()) {
  const done = (totalFen: number) => {
    c.header('HX-Redirect', `${settlementHref(month)}&closed=1`)
    return fragment(c, <CloseSection month={month} state={{ step: 'done', totalFen }} />)
  }
  if (job?.stage === 'done') return done(job.result!.totalFen)
  if (job?.stage === 'failed') {
    if (!job.refusal) throw job.error
    if (job.refusal.details.reason === 'ALREADY_CLOSED') {
      const closed = await closedMonth(c.get('deps').db, c.get('actor'), month)
      if (closed) return done(closed.totalFen)
    }
    const notice = refusalNotice(langOf(c), job.refusal, month)
    return fragment(c, <CloseSection month={month} state={{ step: 'start' }} notice={notice} />)
  }
  if (!job) {
    const closed = await closedMonth(c.get('deps').db, c.get('actor'), month)
    if (closed) return done(closed.totalFen)
    if (Date.now() - since > lostAfterMs) {
      const notice = { tone: 'error' as const, text: c.get('t')('settlement.close.lost') }
      return fragment(c, <CloseSection month={month} state={{ step: 'start' }} notice={notice} />)
    }
  }
  const state: CloseState = {
    step: 'progress',
    stage: job?.stage ?? 'computing',
    idempotencyKey: job?.idempotencyKey ?? text(c.req.query('key')),
    since: job?.startedAt ?? since,
  }
  return fragment(c, <CloseSection month={month} state={state} />)
}

closeRoutes.get('/settlement/close-status', async (c) => {
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const month = requiredMonth(c.req.query('month'))
  if (!isHtmx(c)) return c.redirect(settlementHref(month), 303)
  const key = text(c.req.query('key'))
  const since = Number(c.req.query('since'))
  return closeStatus(
    c,
    month,
    findClose(actor.allianceId, month, key),
    Number.isFinite(since) ? since : Date.now(),
  )
})
