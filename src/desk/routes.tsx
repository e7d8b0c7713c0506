/**
 * The merchant's after-sales desk: everything waiting for it, and the first response, the
 * decision and the follow-up close on each item. With htmx an action answers with the item
 * (or its outcome, once nothing is left to do); without, it redirects to the desk, or shows the
 * desk again with the item's form refused in place. The inspection domain decides who may do
 * what.
 */
import { Hono, type Context } from 'hono'
import type { NoticeData } from '../../views/components/notice'
import { DeskItemDone, DeskItemView, type DeskItemState } from '../../views/desk/desk-item'
import { DeskPage } from '../../views/desk/desk-page'
import {
  closedNotice,
  decisionProblem,
  decisionRefusedNotice,
  messageProblem,
  movedOnNotice,
  resolvedNotice,
  respondedNotice,
} from '../../views/desk/messages'
import type { ResolutionKind } from '../../db/schema'
import { requireRole } from '../auth/roles'
import type { DomainError } from '../errors'
import { needsConfirmation } from '../http/confirm'
import { form, type FormRefusal } from '../http/form'
import { fragment, isHtmx } from '../http/fragments'
import { accepted, attempt, refused } from '../http/respond'
import type { AppEnv } from '../http/types'
import { dismissBreachNotices } from '../inspection/breach-notices'
import {
  checkResolution,
  closeReturn,
  getResolution,
  resolveReturn,
  respondToReturn,
} from '../inspection/service'
import { flashReturn } from '../returns/flash'
import { getReturn, type Return } from '../returns/service'
import { afterSalesDesk, getDeskItem } from './desk'
import { resolveForm, respondForm } from './forms'
import { langOf } from '../http/params'

export const deskRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

const now = (c: Ctx) => c.get('deps').now()

async function renderDesk(
  c: Ctx,
  state: { notice?: NoticeData; focus?: { returnId: string; state: DeskItemState } } = {},
) {
  const { db, now } = c.get('deps')
  const at = now()
  const items = await afterSalesDesk(db, c.get('actor'), at)
  return c.render(<DeskPage items={items} now={at} notice={state.notice} focus={state.focus} />, {
    title: c.get('t')('inspection.desk.title'),
    head: <script src="/static/countdown.js" defer></script>,
  })
}

async function decisionNotice(c: Ctx, r: Return) {
  return resolvedNotice(langOf(c), r.code, await getResolution(c.get('deps').db, r.id))
}

deskRoutes.get('/desk', async (c) => {
  requireRole(c.get('actor'), 'MERCHANT')
  let notice: NoticeData | undefined
  const responded = await flashReturn(c, c.req.query('responded'))
  const resolved = await flashReturn(c, c.req.query('resolved'))
  const closed = await flashReturn(c, c.req.query('closed'))
  if (responded) notice = respondedNotice(langOf(c), responded.code)
  else if (resolved) notice = await decisionNotice(c, resolved)
  else if (closed?.status === 'CLOSED') notice = closedNotice(langOf(c), closed.code)
  return renderDesk(c, { notice })
})

/** Dismisses the home page's breach notice; the notices stay on record. */
deskRoutes.post('/desk/breaches/dismiss', async (c) => {
  await dismissBreachNotices(c.get('deps').db, c.get('actor'), c.get('deps').now())
  return c.redirect('/', 303)
})

/** The merchant's own return the address names; another's is NOT_FOUND, before any form. */
const deskReturn = (c: Ctx) =>
  getReturn(c.get('deps').db, requireRole(c.get('actor'), 'MERCHANT'), c.req.param('id') ?? '')

/** What htmx swaps in: the item again, or its outcome once nothing is left to do. */
async function itemView(c: Ctx, r: Return, answer: { notice?: NoticeData; state?: DeskItemState }) {
  const { db, now } = c.get('deps')
  const at = now()
  const item = await getDeskItem(db, c.get('actor'), r.id, at)
  if (!item) {
    const current = await getReturn(db, c.get('actor'), r.id)
    return <DeskItemDone r={current} notice={answer.notice} />
  }
  return <DeskItemView item={item} now={at} notice={answer.notice} state={answer.state} />
}

/** An action went through: the item (htmx), or back to the desk saying what happened. */
const done = (c: Ctx, r: Return, flash: string, notice: NoticeData) =>
  accepted(c, {
    fragment: () => itemView(c, r, { notice }),
    redirect: `/desk?${flash}=${encodeURIComponent(r.id)}`,
  })

/** An action was refused: the item, or the whole desk, with the form's state and why. */
const refusedOn = (
  c: Ctx,
  r: Return,
  error: DomainError,
  answer: { notice: NoticeData; state?: DeskItemState },
) =>
  refused(c, error, {
    fragment: () => itemView(c, r, answer),
    page: () =>
      renderDesk(c, {
        focus: { returnId: r.id, state: answer.state ?? {} },
        notice: answer.notice,
      }),
  })

/** The return moved on while the desk was open: say where it is now. */
async function movedOn(c: Ctx, r: Return, error: DomainError) {
  const current = await getReturn(c.get('deps').db, c.get('actor'), r.id)
  return refusedOn(c, r, error, { notice: movedOnNotice(langOf(c), current.status) })
}

async function refusedMessage(c: Ctx, refusal: FormRefusal) {
  const r = await deskReturn(c)
  const problem = messageProblem(langOf(c), refusal.error)
  return refusedOn(c, r, refusal.error, {
    notice: { tone: 'error', text: problem },
    state: { message: refusal.sent.message ?? '', messageError: problem },
  })
}

deskRoutes.post('/desk/:id/respond', form(respondForm, refusedMessage), async (c) => {
  const r = await deskReturn(c)
  const { message } = c.req.valid('form')
  const outcome = await attempt(
    respondToReturn(c.get('deps').db, c.get('actor'), r.id, message, now(c)),
    ['CONFLICT'],
  )
  if (!outcome.ok) return movedOn(c, r, outcome.error)
  return done(c, r, 'responded', respondedNotice(langOf(c), r.code))
})

/**
 * A decision not recorded, `Not recorded. {why}`, with the amount as typed. A decision the grade
 * rules out names the grade's reason.
 */
async function refusedDecision(
  c: Ctx,
  r: Return,
  error: DomainError,
  sent: { refundYuan: string; resolution?: ResolutionKind },
) {
  const { resolution } = sent
  const item = resolution ? await getDeskItem(c.get('deps').db, c.get('actor'), r.id, now(c)) : null
  const decided =
    resolution && item?.grade
      ? { grade: item.grade, resolution, allowed: item.allowedResolutions }
      : undefined
  const reason = decisionProblem(langOf(c), error, { orderValueFen: r.orderValueFen, decided })
  return refusedOn(c, r, error, {
    notice: decisionRefusedNotice(langOf(c), reason),
    state: { refundYuan: sent.refundYuan, resolveError: reason },
  })
}

async function refusedDecisionForm(c: Ctx, refusal: FormRefusal) {
  const r = await deskReturn(c)
  return refusedDecision(c, r, refusal.error, { refundYuan: refusal.sent.refundYuan ?? '' })
}

/** A valid decision waiting for its confirmation step, in the item or on the desk. */
async function confirmStep(c: Ctx, r: Return, confirm: NonNullable<DeskItemState['confirm']>) {
  if (isHtmx(c)) return fragment(c, await itemView(c, r, { state: { confirm } }))
  return renderDesk(c, { focus: { returnId: r.id, state: { confirm } } })
}

deskRoutes.post('/desk/:id/resolve', form(resolveForm, refusedDecisionForm), async (c) => {
  const { db } = c.get('deps')
  const r = await deskReturn(c)
  const sent = c.req.valid('form')
  const input = { returnId: r.id, resolution: sent.resolution, refundFen: sent.refundFen }
  // Irreversible, so a page shows the decision again before it is recorded.
  const confirming = needsConfirmation(sent)
  const outcome = await attempt(
    confirming
      ? checkResolution(db, c.get('actor'), input)
      : resolveReturn(db, c.get('actor'), input, now(c)),
    ['BAD_USER_INPUT', 'CONFLICT'],
  )
  if (!outcome.ok && outcome.error.code === 'CONFLICT') return movedOn(c, r, outcome.error)
  if (!outcome.ok) {
    const field = outcome.error.details.field
    const resolution = field === 'refundFen' ? undefined : sent.resolution
    return refusedDecision(c, r, outcome.error, { refundYuan: sent.refundYuan, resolution })
  }
  if (confirming) {
    return confirmStep(c, r, { resolution: sent.resolution, refundFen: sent.refundFen })
  }
  return done(c, r, 'resolved', await decisionNotice(c, r))
})

deskRoutes.post('/desk/:id/close', async (c) => {
  const r = await deskReturn(c)
  const outcome = await attempt(closeReturn(c.get('deps').db, c.get('actor'), r.id, now(c)), [
    'CONFLICT',
  ])
  if (!outcome.ok) return movedOn(c, r, outcome.error)
  return done(c, r, 'closed', closedNotice(langOf(c), r.code))
})
