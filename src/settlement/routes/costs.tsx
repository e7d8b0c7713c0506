/**
 * The month's costs: one recorded as typed in yuan, or one voided or reversed with a reason.
 * htmx gets the costs section back, with the preview and the close it changes swapped out of
 * band; a plain form is redirected to the month. A refusal is said on the form, or beside the
 * cost it concerns.
 */
import { Hono } from 'hono'
import type { NoticeData } from '../../../views/components/notice'
import {
  CostsSection,
  type CostFormErrors,
  type CostFormValues,
} from '../../../views/settlement/costs-section'
import { settlementHref } from '../../../views/settlement/format'
import {
  amountError,
  costCorrectedNotice,
  costRecordedNotice,
  refusalNotice,
} from '../../../views/settlement/messages'
import { requireRole } from '../../auth/roles'
import { InvalidInput, type DomainError } from '../../errors'
import { form, type FormRefusal } from '../../http/form'
import { refusalText } from '../../http/refusal-copy'
import { accepted, attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { fenToYuan } from '../../money'
import { moneyRanges } from '../../money-ranges'
import { readAmount } from '../amounts'
import { costCorrectionForm, costForm } from '../schemas'
import { getCost, recordCost, reverseCost, voidCost, type Cost } from '../service'
import { costsProps, monthData, renderMonth, staleSections, type CostsExtra } from './month-page'
import { coordinatorOnly, type Ctx } from './shared'
import { langOf } from '../../http/params'

export const costRoutes = new Hono<AppEnv>()

/** The costs section again (htmx) or the month's page, with the refusal's status. */
async function costsRefused(c: Ctx, error: DomainError, month: string, extra: CostsExtra) {
  const d = await monthData(c, month)
  return refused(c, error, {
    fragment: () => <CostsSection {...costsProps(d, extra)} />,
    page: () => renderMonth(c, d, { costs: extra }),
  })
}

/** A cost form that did not validate: each field's problem as the page words it, kept as typed. */
function costFormRefused(c: Ctx, { error, fields, sent }: FormRefusal) {
  // The month is the page's own hidden field: a wrong one is not a form the page sent.
  if (fields.month) throw error
  const t = c.get('t')
  const errors: CostFormErrors = {}
  if (fields.kind) errors.kind = t('settlement.costs.error.kind')
  if (fields.amount) {
    const read = readAmount(sent.amount ?? '')
    errors.amount =
      'error' in read
        ? amountError(langOf(c), read.error, moneyRanges.costFen.maxFen)
        : fields.amount
  }
  if (fields.hubId) errors.hubId = t('settlement.costs.error.hub')
  if (fields.note) errors.note = t('settlement.error.tooLong', { max: 200 })
  const values: CostFormValues = {
    kind: sent.kind,
    amount: sent.amount,
    hubId: sent.hubId,
    note: sent.note,
  }
  const notice: NoticeData | undefined =
    Object.keys(errors).length === 0
      ? { tone: 'error', text: refusalText(langOf(c), error) }
      : undefined
  return costsRefused(c, error, sent.month!, { values, errors, notice })
}

costRoutes.post(
  '/settlement/costs',
  coordinatorOnly,
  form(costForm, costFormRefused),
  async (c) => {
    const { db, now } = c.get('deps')
    const actor = requireRole(c.get('actor'), 'COORDINATOR')
    const input = c.req.valid('form')
    const outcome = await attempt(recordCost(db, actor, input, now()), ['CONFLICT', 'NOT_FOUND'])
    if (outcome.ok) {
      const id = outcome.value.id
      return accepted(c, {
        redirect: `${settlementHref(input.month)}&cost=${id}#costs`,
        fragment: async () => {
          const d = await monthData(c, input.month)
          const cost = d.costs.find((x) => x.id === id)
          const notice = cost && costRecordedNotice(langOf(c), cost, d.names)
          return (
            <>
              <CostsSection {...costsProps(d, { notice })} />
              {staleSections(c, d)}
            </>
          )
        },
      })
    }
    const values: CostFormValues = {
      kind: input.kind,
      amount: fenToYuan(input.amountFen),
      hubId: input.hubId ?? '',
      note: input.note,
    }
    // The one record a cost names is its hub: one the alliance does not have is the form's mistake.
    if (outcome.error.details.entity === 'Hub') {
      const errors = { hubId: c.get('t')('settlement.costs.error.hub') }
      const error = new InvalidInput('hubId', 'not a hub of the alliance')
      return costsRefused(c, error, input.month, { values, errors })
    }
    const notice = refusalNotice(langOf(c), outcome.error, input.month)
    return costsRefused(c, outcome.error, input.month, { values, notice })
  },
)

/**
 * The cost the address names, of the month the page showed: a page showing another month (or a
 * forged form) does not correct this cost by accident.
 */
async function costToCorrect(c: Ctx, shown: string | undefined) {
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const cost = await getCost(c.get('deps').db, actor, c.req.param('id')!)
  if (shown && shown !== cost.month)
    throw new InvalidInput('month', 'this cost is of another month')
  return { actor, cost }
}

/** A correction refused: said beside the cost, with the reason typed kept in its form. */
function correctionRefused(c: Ctx, error: DomainError, cost: Cost, reason: string, why: string) {
  return costsRefused(c, error, cost.month, {
    notice: { tone: 'error', text: why },
    correction: { costId: cost.id, reason: reason.slice(0, 200), error: why },
  })
}

async function correctCost(
  c: Ctx,
  what: 'void' | 'reverse',
  sent: { month?: string; reason: string },
) {
  const { db, now } = c.get('deps')
  const { actor, cost } = await costToCorrect(c, sent.month)
  const correct = what === 'void' ? voidCost : reverseCost
  const outcome = await attempt(correct(db, actor, { id: cost.id, reason: sent.reason }, now()))
  if (!outcome.ok) {
    const why = refusalNotice(langOf(c), outcome.error, cost.month).text
    return correctionRefused(c, outcome.error, cost, sent.reason, why)
  }
  const done = what === 'void' ? 'voided' : 'reversed'
  return accepted(c, {
    redirect: `${settlementHref(cost.month)}&${done}=${cost.id}#costs`,
    fragment: async () => {
      const d = await monthData(c, cost.month)
      const after = d.costs.find((x) => x.id === cost.id) ?? cost
      const reversal =
        what === 'reverse' ? d.costs.find((x) => x.reversesCostId === cost.id) : undefined
      const notice = costCorrectedNotice(langOf(c), after, reversal)
      return (
        <>
          <CostsSection {...costsProps(d, { notice })} />
          {staleSections(c, d)}
        </>
      )
    },
  })
}

/** A correction without a usable reason: asked for beside the cost. */
async function correctionFormRefused(c: Ctx, { error, sent }: FormRefusal) {
  const { cost } = await costToCorrect(c, sent.month)
  return correctionRefused(
    c,
    error,
    cost,
    sent.reason ?? '',
    c.get('t')('settlement.costs.error.reason'),
  )
}

for (const what of ['void', 'reverse'] as const) {
  costRoutes.post(
    `/settlement/costs/:id/${what}`,
    coordinatorOnly,
    form(costCorrectionForm, correctionFormRefused),
    (c) => correctCost(c, what, c.req.valid('form')),
  )
}
