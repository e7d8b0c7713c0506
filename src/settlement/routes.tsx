/**
 * The people side of the monthly settlement: the coordinator's month (costs, rules, preview
 * with drill-down, close with confirmation and progress, statements to mark paid, corrections),
 * the history of closed months, a merchant's statements (page, print, CSV) and a station's
 * commissions. Routes only parse, call the settlement service and render; the service checks
 * who may do what.
 */
import { Hono, type Context } from 'hono'
import { costKinds, sharedBases, type CostKind } from '../../db/schema'
import { localDate, shiftMonth } from '../calendar/local-date'
import type { NoticeData } from '../../views/components/notice'
import {
  AdjustmentSection,
  type AdjustmentErrors,
  type AdjustmentSectionProps,
} from '../../views/settlement/adjustment-section'
import { CloseSection, type CloseState } from '../../views/settlement/close-section'
import { CommissionsPage, StationChooser } from '../../views/settlement/commissions-page'
import {
  CostsSection,
  type CostFormErrors,
  type CostFormValues,
  type CostsSectionProps,
} from '../../views/settlement/costs-section'
import { namesFor, settlementHref, statementHref, type Names } from '../../views/settlement/format'
import { HistoryPage } from '../../views/settlement/history-page'
import {
  adjustmentNotice,
  amountError,
  closedNotice,
  costCorrectedNotice,
  costRecordedNotice,
  isRefusal,
  merchantList,
  paidNotice,
  percentError,
  refusalNotice,
  unpaidNotice,
} from '../../views/settlement/messages'
import {
  MerchantItems,
  PreviewSection,
  type PreviewSectionProps,
} from '../../views/settlement/preview-section'
import { RulesSection, type RulesSectionProps } from '../../views/settlement/rules-section'
import { SettlementPage } from '../../views/settlement/settlement-page'
import { StatementPage } from '../../views/settlement/statement-page'
import { MerchantChooser, StatementsPage } from '../../views/settlement/statements-page'
import { StatementRowView } from '../../views/settlement/statements-section'
import { requireRole } from '../auth/roles'
import { isoMonth } from '../calendar/schemas'
import { DomainError, InvalidInput } from '../errors'
import { fragment, isHtmx, formText as text } from '../http/fragments'
import type { AppEnv } from '../http/types'
import { newId } from '../ids'
import { adjustmentConfirmAboveFen, moneyRanges } from '../money-ranges'
import { needsConfirmation } from '../http/confirm'
import { listHubs, listMerchants, listStations } from '../network/service'
import { readAmount, percentToBp } from './amounts'
import { findClose, startClose, type CloseJob } from './close-jobs'
import { statementCsv } from './csv'
import {
  adjustmentsAgainst,
  adjustmentsLandingIn,
  closedMonth,
  costsByIds,
  listClosedMonths,
  merchantStatements,
  settlementStatements,
  stationStatements,
  statementRow,
  type AdjustmentRow,
  type ClosedMonth,
} from './listing'
import { adjustmentSchema, closeSchema, correctionSchema, costSchema } from './schemas'
import {
  addAdjustment,
  closeSettlement,
  getCost,
  getRules,
  listCosts,
  markStatementPaid,
  merchantStatement,
  recordCost,
  reverseCost,
  setRules,
  settlementPreview,
  stationStatement,
  unmarkStatementPaid,
  voidCost,
  type SettlementView,
} from './service'
import { formatMonth } from '../../views/components/format'

export const settlementRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

const costRange = moneyRanges.costFen
const adjustmentRange = moneyRanges.adjustmentFen
const lang = (c: Ctx) => ({ t: c.var.t, locale: c.var.locale })
const thisMonth = (now: Date) => localDate(now).slice(0, 7)

/** `month` as `YYYY-MM`, or `fallback` when absent; anything else is a 400. */
function monthParam(value: string | undefined, fallback: string): string {
  if (!value) return fallback
  const parsed = isoMonth.safeParse(value)
  if (!parsed.success) throw new InvalidInput('month', 'use a month as YYYY-MM')
  return parsed.data
}

/** A month the request must name. */
const requiredMonth = (value: string | undefined) => monthParam(value || 'missing', '')

/** Keeps a Worker alive until background work ends; Node keeps running anyway. */
function keepAlive(c: Ctx, work: Promise<unknown>) {
  try {
    c.executionCtx.waitUntil(work)
  } catch {
    // No execution context outside Workers.
  }
}

// ---------------------------------------------------------------------------------------------
// Coordinator: one month

interface MonthData {
  month: string
  view: SettlementView
  closed: ClosedMonth | null
  costs: Awaited<ReturnType<typeof listCosts>>
  rules: Awaited<ReturnType<typeof getRules>>
  merchants: Awaited<ReturnType<typeof listMerchants>>
  hubs: Awaited<ReturnType<typeof listHubs>>
  names: Names
}

async function monthData(c: Ctx, month: string): Promise<MonthData> {
  const { db, now } = c.var.deps
  const actor = c.var.actor
  const at = now()
  // The preview checks the role first, so nothing else is read for anyone else.
  const view = await settlementPreview(db, actor, month, at)
  const [closed, costs, rules, merchants, hubs, stations] = await Promise.all([
    closedMonth(db, actor, month),
    listCosts(db, actor, month, at),
    getRules(db, actor),
    listMerchants(db, actor),
    listHubs(db, actor),
    listStations(db, actor),
  ])
  const names = namesFor(c.var.locale, { merchants, hubs, stations })
  return { month, view, closed, costs, rules, merchants, hubs, names }
}

type CostsExtra = Pick<CostsSectionProps, 'notice' | 'values' | 'errors' | 'correction'>

const costsProps = (d: MonthData, extra: CostsExtra = {}): CostsSectionProps => ({
  month: d.month,
  costs: d.costs,
  hubs: d.hubs,
  names: d.names,
  closed: d.closed !== null,
  ...extra,
})

const previewProps = (d: MonthData, oob = false): PreviewSectionProps => ({
  month: d.month,
  view: d.view,
  names: d.names,
  oob,
})

const rulesProps = (
  d: MonthData,
  extra: Pick<RulesSectionProps, 'notice' | 'values' | 'error'> = {},
): RulesSectionProps => ({
  month: d.month,
  rules: d.rules,
  settledVersion: d.closed?.rulesVersion,
  ...extra,
})

/** What the close section offers for an open month. */
function closeStart(c: Ctx, d: MonthData): CloseState {
  if (d.month >= thisMonth(c.var.deps.now())) return { step: 'blocked' }
  if (d.view.blockedBy.length > 0) {
    return { step: 'waiting', merchants: merchantList(d.view.blockedBy, d.names, c.var.locale) }
  }
  return { step: 'start' }
}

/** The confirmation when the month can be closed, else why it cannot. */
const closeOffer = (c: Ctx, d: MonthData) =>
  closeStart(c, d).step === 'start' ? confirmState(d) : closeStart(c, d)

function confirmState(d: MonthData): CloseState {
  return {
    step: 'confirm',
    totalFen: d.view.totalFen,
    merchants: new Set(d.view.lines.map((l) => l.merchantId)).size,
    idempotencyKey: newId('close', 20),
  }
}

interface PageState {
  notice?: NoticeData
  costs?: CostsExtra
  rules?: Pick<RulesSectionProps, 'notice' | 'values' | 'error'>
  close?: { state?: CloseState; notice?: NoticeData }
  adjustments?: Pick<AdjustmentSectionProps, 'notice' | 'values' | 'errors' | 'confirm'>
}

async function renderMonth(c: Ctx, d: MonthData, state: PageState = {}) {
  const db = c.var.deps.db
  const actor = c.var.actor
  const closed = d.closed
  const [statements, against] = closed
    ? await Promise.all([
        settlementStatements(db, actor, d.month),
        adjustmentsAgainst(db, actor, d.month),
      ])
    : [undefined, undefined]
  return c.render(
    <SettlementPage
      month={d.month}
      notice={state.notice}
      closed={closed}
      costs={costsProps(d, state.costs)}
      rules={rulesProps(d, state.rules)}
      preview={previewProps(d)}
      close={
        closed
          ? undefined
          : {
              state: state.close?.state ?? closeStart(c, d),
              notice: state.close?.notice,
            }
      }
      statements={statements}
      adjustments={
        closed && against
          ? {
              month: d.month,
              merchants: d.merchants,
              names: d.names,
              adjustments: against,
              ...state.adjustments,
            }
          : undefined
      }
    />,
    { title: `${c.var.t('settlement.title')} · ${formatMonth(d.month, c.var.locale)}` },
  )
}

/** The sections a change to costs or rules invalidates, swapped out of band. */
function staleSections(c: Ctx, d: MonthData) {
  return (
    <>
      <PreviewSection {...previewProps(d, true)} />
      {!d.closed && <CloseSection month={d.month} state={closeStart(c, d)} oob />}
    </>
  )
}

settlementRoutes.get('/settlement', async (c) => {
  const now = c.var.deps.now()
  const month = monthParam(c.req.query('month'), shiftMonth(thisMonth(now), -1))
  const d = await monthData(c, month)
  const l = lang(c)
  let notice: NoticeData | undefined
  const cost = d.costs.find((x) => x.id === c.req.query('cost'))
  const voided = d.costs.find((x) => x.id === c.req.query('voided') && x.voidedAt)
  const reversed = d.costs.find((x) => x.id === c.req.query('reversed'))
  const reversal = reversed && d.costs.find((x) => x.reversesCostId === reversed.id)
  if (c.req.query('closed') && d.closed) notice = closedNotice(l, month, d.closed.totalFen)
  else if (cost) notice = costRecordedNotice(l, cost, d.names)
  else if (voided) notice = costCorrectedNotice(l, voided)
  else if (reversed && reversal) notice = costCorrectedNotice(l, reversed, reversal)
  else if (c.req.query('rules'))
    notice = { tone: 'ok', text: c.var.t('settlement.rules.saved', { version: d.rules.version }) }
  else if (c.req.query('paid')) notice = paidNotice(l)
  else if (c.req.query('unpaid')) notice = unpaidNotice(l)
  let adjustments: PageState['adjustments']
  const adjusted = c.req.query('adjusted')
  if (adjusted && d.closed) {
    const row = (await adjustmentsAgainst(c.var.deps.db, c.var.actor, month)).find(
      (a) => a.id === adjusted,
    )
    if (row) adjustments = { notice: adjustmentNotice(l, row, d.names) }
  }
  return renderMonth(c, d, { notice, adjustments })
})

/** One merchant's items in the preview, loaded when its row is unfolded. */
settlementRoutes.get('/settlement/items', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const month = requiredMonth(c.req.query('month'))
  const merchantId = text(c.req.query('merchant'))
  if (!isHtmx(c)) return c.redirect(statementHref(month, merchantId), 303)
  const statement = await merchantStatement(db, actor, month, now(), merchantId)
  const [costs, landing, merchants, hubs, stations] = await Promise.all([
    costsByIds(
      db,
      actor,
      statement.lines.flatMap((l) => (l.costId ? [l.costId] : [])),
    ),
    adjustmentsLandingIn(db, actor, month, merchantId),
    listMerchants(db, actor),
    listHubs(db, actor),
    listStations(db, actor),
  ])
  return fragment(
    c,
    <MerchantItems
      month={month}
      merchantId={merchantId}
      lines={statement.lines}
      names={namesFor(c.var.locale, { merchants, hubs, stations })}
      costs={costs}
      adjustments={landing}
    />,
  )
})

/** Costs typed in yuan, read exactly; the field errors in the page's language. */
function readCost(c: Ctx, form: Record<string, unknown>) {
  const values: CostFormValues = {
    kind: text(form.kind),
    amount: text(form.amount),
    hubId: text(form.hubId),
    note: text(form.note),
  }
  const errors: CostFormErrors = {}
  if (!costKinds.includes(values.kind as CostKind))
    errors.kind = c.var.t('settlement.costs.error.kind')
  const amount = readAmount(values.amount ?? '')
  if ('error' in amount) errors.amount = amountError(lang(c), amount.error, costRange.maxFen)
  if ((values.note ?? '').trim().length > 200)
    errors.note = c.var.t('settlement.error.tooLong', { max: 200 })
  return { values, errors, amountFen: 'fen' in amount ? amount.fen : 0 }
}

settlementRoutes.post('/settlement/costs', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const form = await c.req.parseBody()
  const month = requiredMonth(text(form.month))
  const { values, errors, amountFen } = readCost(c, form)
  let notice: NoticeData | undefined
  let status = 200
  let recorded: string | undefined
  if (Object.keys(errors).length === 0) {
    const parsed = costSchema.safeParse({ month, ...values, amountFen })
    if (!parsed.success) {
      errors.amount = c.var.t('settlement.refused')
    } else {
      try {
        recorded = (await recordCost(db, actor, parsed.data, now())).id
      } catch (error) {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') {
          errors.hubId = c.var.t('settlement.costs.error.hub')
        } else if (isRefusal(error)) {
          notice = refusalNotice(lang(c), error, month)
          status = error.status
        } else throw error
      }
    }
  }
  if (Object.keys(errors).length > 0) status = 400
  if (recorded && !isHtmx(c))
    return c.redirect(`${settlementHref(month)}&cost=${recorded}#costs`, 303)
  const d = await monthData(c, month)
  const cost = d.costs.find((x) => x.id === recorded)
  const extra = cost
    ? { notice: costRecordedNotice(lang(c), cost, d.names) }
    : { notice, values, errors }
  c.status(status as 200)
  if (!isHtmx(c)) return renderMonth(c, d, { costs: extra })
  return fragment(
    c,
    <>
      <CostsSection {...costsProps(d, extra)} />
      {cost && staleSections(c, d)}
    </>,
  )
})

/**
 * Voids or reverses one cost of an open month, with the reason typed beside it; answers with the
 * costs section (htmx) and the preview and close it changes, or the page. A refusal (the month
 * has just closed, the cost was corrected meanwhile, no reason) is said beside the cost.
 */
async function correctCost(c: Ctx, what: 'void' | 'reverse') {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const cost = await getCost(db, actor, c.req.param('id')!)
  const month = cost.month
  const form = await c.req.parseBody()
  // A page showing another month (or a forged form) does not correct this cost by accident.
  const shown = text(form.month)
  if (shown && shown !== month) throw new InvalidInput('month', 'this cost is of another month')
  const reason = text(form.reason)
  const parsed = correctionSchema.safeParse({ id: cost.id, reason })
  let refusal: string | undefined
  let status = 200
  let done = false
  if (!parsed.success) {
    refusal = c.var.t('settlement.costs.error.reason')
    status = 400
  } else {
    try {
      await (what === 'void' ? voidCost : reverseCost)(db, actor, parsed.data, now())
      done = true
    } catch (error) {
      if (!isRefusal(error)) throw error
      refusal = refusalNotice(lang(c), error, month).text
      status = error.status
    }
  }
  if (done && !isHtmx(c)) {
    const param = what === 'void' ? 'voided' : 'reversed'
    return c.redirect(`${settlementHref(month)}&${param}=${cost.id}#costs`, 303)
  }
  const d = await monthData(c, month)
  const after = d.costs.find((x) => x.id === cost.id) ?? cost
  const reversal = d.costs.find((x) => x.reversesCostId === cost.id)
  const extra: CostsExtra = done
    ? { notice: costCorrectedNotice(lang(c), after, what === 'reverse' ? reversal : undefined) }
    : {
        notice: { tone: 'error', text: refusal! },
        correction: { costId: cost.id, reason: reason.slice(0, 200), error: refusal! },
      }
  c.status(status as 200)
  if (!isHtmx(c)) return renderMonth(c, d, { costs: extra })
  return fragment(
    c,
    <>
      <CostsSection {...costsProps(d, extra)} />
      {done && staleSections(c, d)}
    </>,
  )
}

settlementRoutes.post('/settlement/costs/:id/void', (c) => correctCost(c, 'void'))
settlementRoutes.post('/settlement/costs/:id/reverse', (c) => correctCost(c, 'reverse'))

settlementRoutes.post('/settlement/rules', async (c) => {
  const db = c.var.deps.db
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const form = await c.req.parseBody()
  const month = requiredMonth(text(form.month))
  const values = { percent: text(form.bookedSharePercent), sharedBasis: text(form.sharedBasis) }
  const bp = percentToBp(values.percent)
  let error: string | undefined
  if ('error' in bp) error = percentError(lang(c), bp.error)
  const basis = sharedBases.find((b) => b === values.sharedBasis)
  if (!error && !basis) error = c.var.t('settlement.refused')
  if (!error && 'bp' in bp && basis) {
    const rules = await setRules(
      db,
      actor,
      { bookedShareBp: bp.bp, sharedBasis: basis },
      c.var.deps.now(),
    )
    if (!isHtmx(c)) return c.redirect(`${settlementHref(month)}&rules=${rules.version}#rules`, 303)
    const d = await monthData(c, month)
    const notice = {
      tone: 'ok' as const,
      text: c.var.t('settlement.rules.saved', { version: rules.version }),
    }
    return fragment(
      c,
      <>
        <RulesSection {...rulesProps(d, { notice })} />
        {staleSections(c, d)}
      </>,
    )
  }
  const d = await monthData(c, month)
  c.status(400)
  if (!isHtmx(c)) return renderMonth(c, d, { rules: { values, error } })
  return fragment(c, <RulesSection {...rulesProps(d, { values, error })} />)
})

// ---------------------------------------------------------------------------------------------
// Coordinator: closing a month (confirmation, then a close whose progress the page polls)

settlementRoutes.get('/settlement/close', async (c) => {
  requireRole(c.var.actor, 'COORDINATOR')
  const month = requiredMonth(c.req.query('month'))
  const d = await monthData(c, month)
  if (d.closed) return c.redirect(settlementHref(month), 303)
  const state = closeStart(c, d).step === 'blocked' ? closeStart(c, d) : confirmState(d)
  if (!isHtmx(c)) return renderMonth(c, d, { close: { state } })
  return fragment(c, <CloseSection month={month} state={state} />)
})

settlementRoutes.post('/settlement/close', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const form = await c.req.parseBody()
  const parsed = closeSchema.safeParse({ month: form.month, idempotencyKey: form.idempotencyKey })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new InvalidInput(String(issue.path[0]), issue.message)
  }
  const { month, idempotencyKey } = parsed.data
  const confirmed = Number(text(form.expectedTotalFen))
  const expectedTotalFen =
    text(form.expectedTotalFen) && Number.isSafeInteger(confirmed) ? confirmed : undefined

  if (isHtmx(c)) {
    const job = startClose(db, actor, { month, idempotencyKey, expectedTotalFen }, now())
    keepAlive(c, job.finished)
    return closeStatus(c, month, job)
  }
  try {
    await closeSettlement(db, actor, { month, idempotencyKey }, now(), { expectedTotalFen })
  } catch (error) {
    if (!isRefusal(error)) throw error
    const d = await monthData(c, month)
    if (d.closed) return c.redirect(settlementHref(month), 303)
    c.status(error.status as 409)
    const notice = refusalNotice(lang(c), error, month, d.names)
    return renderMonth(c, d, { close: { state: closeOffer(c, d), notice } })
  }
  return c.redirect(`${settlementHref(month)}&closed=1`, 303)
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
    const error = job.error
    if (!isRefusal(error)) throw error
    if (error.details.settlementId) {
      const closed = await closedMonth(c.var.deps.db, c.var.actor, month)
      if (closed) return done(closed.totalFen)
    }
    return fragment(
      c,
      <CloseSection
        month={month}
        state={{ step: 'start' }}
        notice={refusalNotice(lang(c), error, month)}
      />,
    )
  }
  if (!job) {
    const closed = await closedMonth(c.var.deps.db, c.var.actor, month)
    if (closed) return done(closed.totalFen)
    if (Date.now() - since > lostAfterMs) {
      const notice = { tone: 'error' as const, text: c.var.t('settlement.close.lost') }
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

settlementRoutes.get('/settlement/close-status', async (c) => {
  const actor = requireRole(c.var.actor, 'COORDINATOR')
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

// ---------------------------------------------------------------------------------------------
// Coordinator: a closed month's statements and corrections

settlementRoutes.post('/settlement/statements/:id/paid', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const id = c.req.param('id')
  let refused: DomainError | undefined
  try {
    await markStatementPaid(db, actor, id, now())
  } catch (error) {
    if (!isRefusal(error)) throw error
    refused = error
  }
  const row = await statementRow(db, actor, id)
  if (!isHtmx(c)) {
    if (!refused) return c.redirect(`${settlementHref(row.month)}&paid=${id}#statement-${id}`, 303)
  }
  const [merchants, stations] = await Promise.all([
    listMerchants(db, actor),
    listStations(db, actor),
  ])
  const names = namesFor(c.var.locale, { merchants, stations })
  c.status((refused?.status ?? 200) as 200)
  if (!isHtmx(c)) {
    const d = await monthData(c, row.month)
    return renderMonth(c, d, { notice: paidNotice(lang(c), refused) })
  }
  return fragment(
    c,
    <StatementRowView row={row} names={names} notice={paidNotice(lang(c), refused)} />,
  )
})

/** Undoes "paid" on a statement, with a reason, until a later month is closed. */
settlementRoutes.post('/settlement/statements/:id/unpaid', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const id = c.req.param('id')
  const form = await c.req.parseBody()
  const reason = text(form.reason)
  let refused: DomainError | undefined
  const parsed = correctionSchema.safeParse({ id, reason })
  if (!parsed.success) refused = new InvalidInput('reason', 'say why, in at most 200 characters')
  else {
    try {
      await unmarkStatementPaid(db, actor, parsed.data, now())
    } catch (error) {
      if (!isRefusal(error)) throw error
      refused = error
    }
  }
  const row = await statementRow(db, actor, id)
  if (!isHtmx(c) && !refused) {
    return c.redirect(`${settlementHref(row.month)}&unpaid=${id}#statement-${id}`, 303)
  }
  c.status((refused?.status ?? 200) as 200)
  if (!isHtmx(c)) {
    const d = await monthData(c, row.month)
    return renderMonth(c, d, { notice: unpaidNotice(lang(c), refused) })
  }
  const [merchants, stations] = await Promise.all([
    listMerchants(db, actor),
    listStations(db, actor),
  ])
  return fragment(
    c,
    <StatementRowView
      row={row}
      names={namesFor(c.var.locale, { merchants, stations })}
      notice={unpaidNotice(lang(c), refused)}
      undoReason={refused && row.paidAt ? reason.slice(0, 200) : undefined}
    />,
  )
})

settlementRoutes.post('/settlement/adjustments', async (c) => {
  const db = c.var.deps.db
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const form = await c.req.parseBody()
  const month = requiredMonth(text(form.month))
  const values = {
    merchantId: text(form.merchantId),
    amount: text(form.amount),
    reason: text(form.reason),
  }
  const errors: AdjustmentErrors = {}
  if (!values.merchantId) errors.merchantId = c.var.t('settlement.adjust.error.merchant')
  const amount = readAmount(values.amount, { signed: true, maxFen: adjustmentRange.maxFen })
  if ('error' in amount)
    errors.amount = amountError(lang(c), amount.error, adjustmentRange.maxFen, true)
  const reason = values.reason.trim()
  if (!reason) errors.reason = c.var.t('settlement.adjust.error.reason')
  else if (reason.length > 300) errors.reason = c.var.t('settlement.error.tooLong', { max: 300 })

  let notice: NoticeData | undefined
  let status = 400
  let added: AdjustmentRow | undefined
  if (Object.keys(errors).length === 0 && 'fen' in amount) {
    const parsed = adjustmentSchema.safeParse({ ...values, month, amountFen: amount.fen, reason })
    const large = { amountFen: amount.fen, atFen: adjustmentConfirmAboveFen }
    if (!parsed.success) errors.amount = c.var.t('settlement.refused')
    else if (needsConfirmation(form, large)) {
      // Said back first when it can be recorded at all; otherwise the write below says why not.
      const d = await monthData(c, month)
      if (d.closed && d.merchants.some((m) => m.id === parsed.data.merchantId)) {
        const confirm = { merchantId: parsed.data.merchantId, amountFen: amount.fen, reason }
        const section = { month, merchants: d.merchants, names: d.names }
        if (!isHtmx(c)) return renderMonth(c, d, { adjustments: { confirm } })
        const against = await adjustmentsAgainst(db, actor, month)
        return fragment(
          c,
          <AdjustmentSection {...section} adjustments={against} confirm={confirm} />,
        )
      }
    }
    if (parsed.success && Object.keys(errors).length === 0) {
      try {
        const row = await addAdjustment(db, actor, parsed.data, c.var.deps.now())
        added = { ...row, originalMonth: month }
        status = 200
      } catch (error) {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') {
          errors.merchantId = c.var.t('settlement.adjust.error.merchant')
        } else if (isRefusal(error)) {
          notice = refusalNotice(lang(c), error, month)
          status = error.status
        } else throw error
      }
    }
  }
  if (added && !isHtmx(c)) {
    return c.redirect(`${settlementHref(month)}&adjusted=${added.id}#adjustments`, 303)
  }
  const d = await monthData(c, month)
  const extra = added
    ? { notice: adjustmentNotice(lang(c), added, d.names) }
    : { notice, values, errors }
  c.status(status as 200)
  if (!isHtmx(c) || !d.closed)
    return renderMonth(c, d, { adjustments: extra, notice: extra.notice })
  return fragment(
    c,
    <AdjustmentSection
      month={month}
      merchants={d.merchants}
      names={d.names}
      adjustments={await adjustmentsAgainst(db, actor, month)}
      {...extra}
    />,
  )
})

settlementRoutes.get('/settlement/history', async (c) => {
  const months = await listClosedMonths(c.var.deps.db, c.var.actor)
  const current = shiftMonth(thisMonth(c.var.deps.now()), -1)
  return c.render(<HistoryPage months={months} current={current} />, {
    title: c.var.t('settlement.history.title'),
  })
})

// ---------------------------------------------------------------------------------------------
// Merchants (and coordinators for any merchant): statements by month, one statement, its CSV

/** The months still open that a list shows as live previews: this one and, until it closes, the last. */
const openMonths = (now: Date) => [thisMonth(now), shiftMonth(thisMonth(now), -1)]

settlementRoutes.get('/statements', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT', 'COORDINATOR')
  const asked = c.req.query('merchant')
  if (actor.role === 'COORDINATOR' && !asked) {
    const merchants = await listMerchants(db, actor)
    return c.render(
      <MerchantChooser merchants={merchants} names={namesFor(c.var.locale, { merchants })} />,
      { title: c.var.t('settlement.statementsPage.title') },
    )
  }
  const closed = await merchantStatements(db, actor, asked)
  const merchantId = actor.role === 'MERCHANT' ? actor.merchantId! : asked!
  const at = now()
  const open = []
  for (const month of openMonths(at)) {
    if (closed.some((s) => s.month === month)) continue
    const statement = await merchantStatement(db, actor, month, at, merchantId)
    if (statement.status === 'OPEN')
      open.push({ month, status: 'OPEN' as const, totalFen: statement.totalFen })
  }
  const merchants = await listMerchants(db, actor)
  return c.render(
    <StatementsPage
      merchantId={merchantId}
      forCoordinator={actor.role === 'COORDINATOR'}
      names={namesFor(c.var.locale, { merchants })}
      months={[
        ...open,
        ...closed.map((s) => ({
          month: s.month,
          status: 'CLOSED' as const,
          totalFen: s.totalFen,
          statement: s,
        })),
      ]}
    />,
    { title: c.var.t('settlement.statementsPage.title') },
  )
})

settlementRoutes.get('/statements/:ref{[0-9]{4}-[0-9]{2}(?:\\.csv)?}', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT', 'COORDINATOR')
  const ref = c.req.param('ref')
  const month = monthParam(ref.slice(0, 7), '')
  const statement = await merchantStatement(db, actor, month, now(), c.req.query('merchant'))
  const merchantId = statement.merchantId!
  const [costs, landing, merchants, hubs, stations, payment] = await Promise.all([
    costsByIds(
      db,
      actor,
      statement.lines.flatMap((l) => (l.costId ? [l.costId] : [])),
    ),
    adjustmentsLandingIn(db, actor, month, merchantId),
    listMerchants(db, actor),
    listHubs(db, actor),
    listStations(db, actor),
    statement.id ? statementRow(db, actor, statement.id) : undefined,
  ])
  const names = namesFor(c.var.locale, { merchants, hubs, stations })
  if (ref.endsWith('.csv')) {
    const csv = statementCsv(statement, {
      costNote: (id) => costs.get(id)?.note ?? '',
      hubName: names.hub,
      stationName: names.station,
      adjustmentReasons: landing.map((a) => a.reason),
    })
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="statement-${merchantId}-${month}.csv"`,
    })
  }
  return c.render(
    <StatementPage
      statement={statement}
      merchantId={merchantId}
      names={names}
      costs={costs}
      adjustments={landing.map((a) => ({ reason: a.reason, originalMonth: a.originalMonth }))}
      payment={payment}
      forCoordinator={actor.role === 'COORDINATOR'}
    />,
    {
      title: `${c.var.t('settlement.statement.title', { month: formatMonth(month, c.var.locale) })}`,
      head: <script src="/static/settlement.js" defer></script>,
    },
  )
})

// ---------------------------------------------------------------------------------------------
// Station operators (and coordinators for any station): commissions by month

/** How many settled months the commissions page lists. */
const commissionMonths = 12

settlementRoutes.get('/commissions', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'STATION_OPERATOR', 'COORDINATOR')
  const asked = c.req.query('station')
  if (actor.role === 'COORDINATOR' && !asked) {
    const stations = await listStations(db, actor)
    return c.render(<StationChooser stations={stations} />, {
      title: c.var.t('settlement.commissions.title'),
    })
  }
  const stationId = asked ?? actor.stationId!
  const closed = (await stationStatements(db, actor, stationId)).slice(0, commissionMonths)
  const months = [
    ...openMonths(now()).filter((m) => !closed.some((s) => s.month === m)),
    ...closed.map((s) => s.month),
  ]
  const rows = []
  for (const month of months) {
    const statement = await stationStatement(db, actor, stationId, month)
    const stored = closed.find((s) => s.month === month)
    if (statement.status === 'CLOSED' && !stored) continue
    rows.push({
      month,
      status: statement.status,
      totalFen: statement.totalFen,
      parcels: statement.lines.reduce((sum, l) => sum + l.basis.mine, 0),
      lines: statement.lines,
      statement: stored,
    })
  }
  const [merchants, stations] = await Promise.all([
    listMerchants(db, actor),
    listStations(db, actor),
  ])
  return c.render(
    <CommissionsPage
      stationId={stationId}
      names={namesFor(c.var.locale, { merchants, stations })}
      months={rows}
    />,
    { title: c.var.t('settlement.commissions.title') },
  )
})
