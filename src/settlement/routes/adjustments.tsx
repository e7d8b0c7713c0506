/**
 * A correction to a closed month, as an adjustment carried into the next open month; a large
 * one is said back for confirmation first. htmx gets the adjustments section back; a plain form
 * is redirected to the month.
 */
import { Hono } from 'hono'
import type { NoticeData } from '../../../views/components/notice'
import {
  AdjustmentSection,
  type AdjustmentErrors,
} from '../../../views/settlement/adjustment-section'
import { settlementHref } from '../../../views/settlement/format'
import { adjustmentNotice, amountError, refusalNotice } from '../../../views/settlement/messages'
import { requireRole } from '../../auth/roles'
import { InvalidInput, type DomainError } from '../../errors'
import { needsConfirmation } from '../../http/confirm'
import { form, type FormRefusal } from '../../http/form'
import { fragment, isHtmx } from '../../http/fragments'
import { refusalText } from '../../http/refusal-copy'
import { accepted, attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { fenToYuan } from '../../money'
import { adjustmentConfirmAboveFen, moneyRanges } from '../../money-ranges'
import { readAmount } from '../amounts'
import { adjustmentsAgainst } from '../listing'
import { adjustmentForm } from '../schemas'
import { addAdjustment } from '../service'
import { monthData, renderMonth, type AdjustmentsExtra, type MonthData } from './month-page'
import { coordinatorOnly, type Ctx } from './shared'
import { langOf } from '../../http/params'

export const adjustmentRoutes = new Hono<AppEnv>()

const maxFen = moneyRanges.adjustmentFen.maxFen

/**
 * The adjustments section as it is now, with `extra`: a notice, the form as sent, or a
 * confirmation.
 */
async function adjustmentsSection(c: Ctx, d: MonthData, extra: AdjustmentsExtra) {
  const against = await adjustmentsAgainst(c.get('deps').db, c.get('actor'), d.month)
  return (
    <AdjustmentSection
      month={d.month}
      merchants={d.merchants}
      names={d.names}
      adjustments={against}
      {...extra}
    />
  )
}

/** The section (htmx) or the month's page, saying why the adjustment was not recorded. */
async function adjustmentRefused(
  c: Ctx,
  error: DomainError,
  month: string,
  extra: AdjustmentsExtra,
) {
  const d = await monthData(c, month)
  return refused(c, error, {
    fragment: () => adjustmentsSection(c, d, extra),
    // An open month has no adjustments section: the page says it at its top.
    page: () => renderMonth(c, d, { adjustments: extra, notice: extra.notice }),
  })
}

/** An adjustment form that did not validate: each problem as the page words it, kept as typed. */
function adjustmentFormRefused(c: Ctx, { error, fields, sent }: FormRefusal) {
  // The month is the page's own hidden field: a wrong one is not a form the page sent.
  if (fields.month) throw error
  const t = c.get('t')
  const errors: AdjustmentErrors = {}
  if (fields.merchantId) errors.merchantId = t('settlement.adjust.error.merchant')
  if (fields.amount) {
    const read = readAmount(sent.amount ?? '', { signed: true, maxFen })
    errors.amount =
      'error' in read ? amountError(langOf(c), read.error, maxFen, true) : fields.amount
  }
  if (fields.reason) {
    errors.reason = sent.reason?.trim()
      ? t('settlement.error.tooLong', { max: 300 })
      : t('settlement.adjust.error.reason')
  }
  const values = { merchantId: sent.merchantId, amount: sent.amount, reason: sent.reason }
  const notice: NoticeData | undefined =
    Object.keys(errors).length === 0
      ? { tone: 'error', text: refusalText(langOf(c), error) }
      : undefined
  return adjustmentRefused(c, error, sent.month!, { values, errors, notice })
}

adjustmentRoutes.post(
  '/settlement/adjustments',
  coordinatorOnly,
  form(adjustmentForm, adjustmentFormRefused),
  async (c) => {
    const { db, now } = c.get('deps')
    const actor = requireRole(c.get('actor'), 'COORDINATOR')
    const { confirm, ...input } = c.req.valid('form')
    const { month, merchantId, amountFen, reason } = input
    if (needsConfirmation({ confirm }, { amountFen, atFen: adjustmentConfirmAboveFen })) {
      // Said back first when it can be recorded at all; otherwise the write below says why not.
      const d = await monthData(c, month)
      if (d.closed && d.merchants.some((m) => m.id === merchantId)) {
        const extra = { confirm: { merchantId, amountFen, reason } }
        if (!isHtmx(c)) return renderMonth(c, d, { adjustments: extra })
        return fragment(c, await adjustmentsSection(c, d, extra))
      }
    }
    const outcome = await attempt(addAdjustment(db, actor, input, now()), [
      'BAD_USER_INPUT',
      'CONFLICT',
      'NOT_FOUND',
    ])
    if (outcome.ok) {
      const added = { ...outcome.value, originalMonth: month }
      return accepted(c, {
        redirect: `${settlementHref(month)}&adjusted=${added.id}#adjustments`,
        fragment: async () => {
          const d = await monthData(c, month)
          return adjustmentsSection(c, d, { notice: adjustmentNotice(langOf(c), added, d.names) })
        },
      })
    }
    const values = { merchantId, amount: fenToYuan(amountFen), reason }
    // The one record an adjustment names is its merchant: one the alliance lacks is the form's.
    if (outcome.error.details.entity === 'Merchant') {
      const errors = { merchantId: c.get('t')('settlement.adjust.error.merchant') }
      const error = new InvalidInput('merchantId', 'not a merchant of the alliance')
      return adjustmentRefused(c, error, month, { values, errors })
    }
    const notice = refusalNotice(langOf(c), outcome.error, month)
    return adjustmentRefused(c, outcome.error, month, { values, notice })
  },
)
