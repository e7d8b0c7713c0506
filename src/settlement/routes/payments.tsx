/**
 * A closed month's statements marked paid, and a payment undone with a reason until a later
 * month closes. htmx gets the statement's row back; a plain form is redirected to it.
 */
import * as z from '../../zod'
import { Hono } from 'hono'
import type { NoticeData } from '../../../views/components/notice'
import { namesFor, settlementHref } from '../../../views/settlement/format'
import { paidNotice, unpaidNotice } from '../../../views/settlement/messages'
import { StatementRowView } from '../../../views/settlement/statements-section'
import { requireRole } from '../../auth/roles'
import type { DomainError } from '../../errors'
import { form, type FormRefusal } from '../../http/form'
import { accepted, attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { listMerchants, listStations } from '../../network/service'
import { statementRow, type StatementRow } from '../listing'
import { correctionSchema } from '../schemas'
import { markStatementPaid, unmarkStatementPaid } from '../service'
import { monthData, renderMonth } from './month-page'
import { coordinatorOnly, type Ctx } from './shared'
import { langOf } from '../../http/params'

export const paymentRoutes = new Hono<AppEnv>()

/** Undoing a payment: why (the statement is the address's). */
const undoForm = z.pick(correctionSchema, { reason: true })

/** The statement's row as it is now, saying what just happened to it. */
async function statementAnswer(c: Ctx, row: StatementRow, notice: NoticeData, undoReason?: string) {
  const { db } = c.get('deps')
  const [merchants, stations] = await Promise.all([
    listMerchants(db, c.get('actor')),
    listStations(db, c.get('actor')),
  ])
  return (
    <StatementRowView
      row={row}
      names={namesFor(c.get('locale'), { merchants, stations })}
      notice={notice}
      undoReason={undoReason}
    />
  )
}

/**
 * A payment change refused: the row (htmx) or the month's page, saying why. An undo refused while
 * the statement is still paid keeps its reason in the form.
 */
function paymentRefused(
  c: Ctx,
  error: DomainError,
  row: StatementRow,
  notice: NoticeData,
  reason?: string,
) {
  const undoReason = reason !== undefined && row.paidAt ? reason.slice(0, 200) : undefined
  return refused(c, error, {
    fragment: () => statementAnswer(c, row, notice, undoReason),
    page: async () => renderMonth(c, await monthData(c, row.month), { notice }),
  })
}

const rowHref = (row: StatementRow, done: 'paid' | 'unpaid') =>
  `${settlementHref(row.month)}&${done}=${row.id}#statement-${row.id}`

paymentRoutes.post('/settlement/statements/:id/paid', coordinatorOnly, async (c) => {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const id = c.req.param('id')
  const outcome = await attempt(markStatementPaid(db, actor, id, now()))
  const row = await statementRow(db, actor, id)
  if (!outcome.ok) {
    return paymentRefused(c, outcome.error, row, paidNotice(langOf(c), outcome.error))
  }
  return accepted(c, {
    redirect: rowHref(row, 'paid'),
    fragment: () => statementAnswer(c, row, paidNotice(langOf(c))),
  })
})

/** An undo without a usable reason: asked for in the row. */
async function undoFormRefused(c: Ctx, { error, sent }: FormRefusal) {
  const row = await statementRow(c.get('deps').db, c.get('actor'), c.req.param('id')!)
  return paymentRefused(c, error, row, unpaidNotice(langOf(c), error), sent.reason ?? '')
}

paymentRoutes.post(
  '/settlement/statements/:id/unpaid',
  coordinatorOnly,
  form(undoForm, undoFormRefused),
  async (c) => {
    const { db, now } = c.get('deps')
    const actor = requireRole(c.get('actor'), 'COORDINATOR')
    const id = c.req.param('id')
    const { reason } = c.req.valid('form')
    const outcome = await attempt(unmarkStatementPaid(db, actor, { id, reason }, now()))
    const row = await statementRow(db, actor, id)
    if (!outcome.ok) {
      return paymentRefused(c, outcome.error, row, unpaidNotice(langOf(c), outcome.error), reason)
    }
    return accepted(c, {
      redirect: rowHref(row, 'unpaid'),
      fragment: () => statementAnswer(c, row, unpaidNotice(langOf(c))),
    })
  },
)
