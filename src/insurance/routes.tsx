/**
 * The people side of the insurance pool: the merchant's cover, declarations, premiums and claims;
 * the coordinators' claims queue, decisions and pool dashboard with its payout run. Routes only
 * parse (with the shared schemas, yuan read by `yuanToFen`), call the domain and render; the
 * domain decides who may do what and who sees which claim.
 */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { claimStatuses } from '../../db/schema'
import type { NoticeData } from '../../views/components/notice'
import { ErrorPage } from '../../views/errors'
import {
  claimFields,
  emptyClaim,
  type ClaimField,
  type ClaimFormErrors,
  type ClaimFormValues,
} from '../../views/insurance/claim-form'
import {
  ClaimPage,
  claimTitle,
  type DecisionErrors,
  type DecisionValues,
} from '../../views/insurance/claim-page'
import {
  DeclarationRow,
  MerchantInsurancePage,
  PremiumsTable,
  type DeclarationRowProps,
} from '../../views/insurance/merchant-page'
import {
  alreadyDecided,
  amountError,
  decisionAmountError,
  declarationRefusal,
  declaredNotice,
  evidenceError,
  overCap,
  overReturnValue,
  payoutNotice,
} from '../../views/insurance/messages'
import { PayoutSection, PoolPage, type PayoutStep } from '../../views/insurance/pool-page'
import { QueuePage } from '../../views/insurance/queue-page'
import { settingsOn } from '../alliance/settings'
import { requireRole, type Actor } from '../auth/roles'
import { isIsoDate, isIsoMonth, localDate, nextMonth } from '../calendar/local-date'
import { DomainError, InvalidInput, NotFound } from '../errors'
import { fragment, isHtmx, formText as text } from '../http/fragments'
import type { AppEnv } from '../http/types'
import { newId } from '../ids'
import { getMerchant, listMerchants } from '../network/service'
import { getReturn, listReturns } from '../returns/service'
import { yuanToFen } from '../money'
import { uploadsOf as readUploads } from '../uploads'
import {
  addClaimEvidence,
  checkUploads,
  evidenceCounts,
  evidenceLimits,
  listClaimEvidence,
  readClaimEvidence,
} from './evidence'
import { payoutRun, poolHistory } from './history'
import {
  declarationMonths,
  linkedReturns,
  openStatuses,
  queueOrder,
  startClaimReview,
} from './queue'
import {
  claimSchema,
  declarationSchema,
  decisionSchema,
  enrolSchema,
  payoutSchema,
} from './schemas'
import {
  declareOrderValue,
  decideClaim,
  enrolInsurance,
  enrolment,
  fileClaim,
  getClaim,
  insurancePool,
  listClaims,
  myInsurance,
  payoutPreview,
  runClaimPayout,
  type Claim,
} from './service'
import { formatMonth } from '../../views/components/format'
import { localizedName } from '../i18n/localized-name'

export const insuranceRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

const lang = (c: Ctx) => ({ t: c.var.t, locale: c.var.locale })

const refusal = (error: unknown, ...codes: DomainError['code'][]): error is DomainError =>
  error instanceof DomainError && codes.includes(error.code)

const merchantName = (c: Ctx, m: { name: string; nameEn: string }) => localizedName(m, c.var.locale)

/** Up to the files the limits allow, plus the rest of the form (a little room for the text). */
const uploadLimit = bodyLimit({
  maxSize: evidenceLimits.maxFiles * evidenceLimits.maxBytes + 256 * 1024,
  onError: (c: Ctx) => {
    const t = c.var.t
    const title = t('insurance.evidence.tooBig.title')
    c.status(413)
    return c.render(
      <ErrorPage
        title={title}
        body={t('insurance.evidence.tooBig', {
          files: evidenceLimits.maxFiles,
          megabytes: evidenceLimits.maxBytes / 1024 / 1024,
        })}
      />,
      { title },
    )
  },
})

const uploadsOf = (form: Record<string, unknown>) => readUploads(form, 'evidence')

const uploadsFor = (c: Ctx) =>
  c.var.deps.blobs
    ? {
        maxFiles: evidenceLimits.maxFiles,
        maxMegabytes: evidenceLimits.maxBytes / 1024 / 1024,
      }
    : null

// ---------------------------------------------------------------------------------------------
// Merchant: cover, declarations, premiums, claims

interface MerchantState {
  notice?: NoticeData
  /** A declaration row to show with what was typed, its error or its outcome. */
  declaration?: Omit<DeclarationRowProps, 'declaration'> & { month: string }
  claimForm?: { values: ClaimFormValues; errors: ClaimFormErrors }
}

/** Cover may start this month or in one of the next two. */
const startMonths = (current: string) => [
  current,
  nextMonth(current),
  nextMonth(nextMonth(current)),
]

async function renderMerchantPage(c: Ctx, state: MerchantState = {}) {
  const { db, now } = c.var.deps
  const at = now()
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const today = localDate(at)
  const [mine, months, terms, pool, returns] = await Promise.all([
    myInsurance(db, actor),
    declarationMonths(db, actor, at),
    settingsOn(db, actor.allianceId, today),
    insurancePool(db, actor, at),
    listReturns(db, actor, { first: 100 }),
  ])
  const declarations = months.map((declaration) => {
    const shown = state.declaration?.month === declaration.month ? state.declaration : undefined
    return { declaration, typed: shown?.typed, error: shown?.error, notice: shown?.notice }
  })
  return c.render(
    <MerchantInsurancePage
      enrolment={mine.enrolment}
      startMonths={startMonths(today.slice(0, 7))}
      rateBp={terms.premiumRateBp}
      declarations={declarations}
      premiums={mine.premiums}
      claims={mine.claims}
      pool={pool}
      notice={state.notice}
      claimForm={{
        returns: returns.nodes,
        values: state.claimForm?.values ?? emptyClaim,
        errors: state.claimForm?.errors,
        today,
        capFen: terms.claimCapFen,
        uploads: uploadsFor(c),
      }}
    />,
    { title: c.var.t('insurance.title') },
  )
}

insuranceRoutes.get('/insurance', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const state: MerchantState = {}
  const cover = await enrolment(db, actor.merchantId!)
  if (c.req.query('enrolled') && cover) {
    state.notice = {
      tone: 'ok',
      text: c.var.t('insurance.cover.done', {
        month: formatMonth(cover.startMonth, c.var.locale),
      }),
    }
  }
  const declared = c.req.query('declared')
  if (declared) {
    const row = (await declarationMonths(db, actor, now())).find((d) => d.month === declared)
    if (row && row.orderValueFen !== null) {
      state.declaration = { month: row.month, notice: declaredNotice(lang(c), row) }
    }
  }
  return renderMerchantPage(c, state)
})

insuranceRoutes.post('/insurance/enrol', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const form = await c.req.parseBody()
  const parsed = enrolSchema.safeParse({ startMonth: text(form.startMonth) || undefined })
  try {
    if (!parsed.success) throw new InvalidInput('startMonth', 'use a month as YYYY-MM')
    await enrolInsurance(db, actor, parsed.data.startMonth, now())
  } catch (error) {
    if (!refusal(error, 'BAD_USER_INPUT')) throw error
    c.status(400)
    return renderMerchantPage(c, {
      notice: { tone: 'error', text: c.var.t('insurance.cover.refused') },
    })
  }
  return c.redirect('/insurance?enrolled=1#cover', 303)
})

insuranceRoutes.post('/insurance/declarations', async (c) => {
  const { db, now } = c.var.deps
  const at = now()
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const form = await c.req.parseBody()
  const month = text(form.month)
  const typed = text(form.orderValue)
  // Without a month there is no row to answer with.
  if (!isIsoMonth(month)) throw new InvalidInput('month', 'use a month as YYYY-MM')

  let error: string | undefined
  let refused: DomainError | undefined
  const fen = yuanToFen(typed)
  const parsed = declarationSchema.safeParse({ month, orderValueFen: fen ?? undefined })
  if (fen === null || !parsed.success) {
    // Past the schema's ceiling, the limit worth saying is the alliance's own maximum.
    const tooBig = parsed.error?.issues.some((i) => i.code === 'too_big')
    const terms = tooBig ? await settingsOn(db, actor.allianceId, `${month}-01`) : undefined
    error = amountError(lang(c), typed, terms?.maxDeclarationFen)
  } else {
    try {
      await declareOrderValue(db, actor, parsed.data, at)
    } catch (e) {
      if (!refusal(e, 'BAD_USER_INPUT', 'CONFLICT')) throw e
      if (e.details.field === 'orderValueFen' && typeof e.details.maxFen === 'number') {
        error = amountError(lang(c), typed, e.details.maxFen)
      } else refused = e
    }
  }
  const row = (await declarationMonths(db, actor, at)).find((d) => d.month === month)
  if (!error && !refused) {
    if (!isHtmx(c) || !row) return c.redirect(`/insurance?declared=${month}#declarations`, 303)
    const mine = await myInsurance(db, actor)
    return fragment(
      c,
      <>
        <DeclarationRow declaration={row} notice={declaredNotice(lang(c), row)} />
        <PremiumsTable premiums={mine.premiums} oob />
      </>,
    )
  }
  const cover = refused && (await enrolment(db, actor.merchantId!))
  const notice =
    refused &&
    declarationRefusal(lang(c), refused, {
      month,
      closed: row?.closed ?? false,
      startMonth: cover ? cover.startMonth : undefined,
    })
  c.status(refused ? (refused.status as 409) : 400)
  if (!isHtmx(c)) {
    return renderMerchantPage(c, {
      declaration: { month, typed, error, notice },
      notice: row ? undefined : notice,
    })
  }
  // A month the page does not show (a stale or made-up form): say why, as the error handler would.
  if (!row) {
    return fragment(
      c,
      <p class="alert alert--error" role="alert">
        {notice?.text ?? error}
      </p>,
    )
  }
  return fragment(
    c,
    <DeclarationRow declaration={row} typed={typed} error={error} notice={notice} />,
  )
})

/** The claim form's field for a schema path (the schema names fen, the form asks for yuan). */
const claimFieldOf = (path: string): ClaimField =>
  path === 'amountFen'
    ? 'amount'
    : claimFields.includes(path as ClaimField)
      ? (path as ClaimField)
      : 'description'

insuranceRoutes.post('/insurance/claims', uploadLimit, async (c) => {
  const { db, now, blobs } = c.var.deps
  const at = now()
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const t = c.var.t
  const form = await c.req.parseBody({ all: true })
  const values: ClaimFormValues = {
    returnId: text(form.returnId),
    amount: text(form.amount),
    lossDate: text(form.lossDate),
    description: text(form.description),
  }
  const files = await uploadsOf(form)
  const errors: ClaimFormErrors = {}
  const fen = yuanToFen(values.amount)
  const parsed = claimSchema.safeParse({
    returnId: values.returnId,
    amountFen: fen ?? undefined,
    lossDate: values.lossDate,
    description: values.description,
  })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = claimFieldOf(String(issue.path[0]))
      errors[field] ??= claimMessage(c, field, issue.code)
    }
    // Past the schema's ceiling, the limit worth saying is the claim cap of the loss date.
    const tooBig = parsed.error.issues.some(
      (i) => i.path[0] === 'amountFen' && i.code === 'too_big',
    )
    if (tooBig && isIsoDate(values.lossDate)) {
      const terms = await settingsOn(db, actor.allianceId, values.lossDate)
      errors.amount = overCap(lang(c), terms.claimCapFen, values.lossDate)
    }
  }
  if (fen === null) errors.amount = amountError(lang(c), values.amount)
  if (files.length > 0) {
    if (!blobs) errors.evidence = t('insurance.evidence.error.unavailable')
    else {
      try {
        checkUploads(files)
      } catch (e) {
        if (!refusal(e, 'BAD_USER_INPUT')) throw e
        errors.evidence = evidenceError(lang(c), e)
      }
    }
  }

  if (parsed.success && Object.keys(errors).length === 0) {
    const input = parsed.data
    try {
      const claim = await fileClaim(db, actor, input, at)
      if (files.length > 0) await addClaimEvidence(db, blobs!, actor, claim.id, files, at)
      return c.redirect(`/insurance/claims/${claim.id}?filed=1`, 303)
    } catch (e) {
      if (!refusal(e, 'BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND')) throw e
      Object.assign(errors, await claimRefusal(c, actor, e, input))
    }
  }
  c.status(400)
  return renderMerchantPage(c, { claimForm: { values, errors } })
})

/** One localised sentence per wrong claim field. */
function claimMessage(c: Ctx, field: ClaimField, code: string): string {
  const t = c.var.t
  switch (field) {
    case 'amount':
      return t('insurance.error.amount.format')
    case 'lossDate':
      return t('insurance.error.claim.lossDate')
    case 'description':
      return code === 'too_big'
        ? t('returns.error.tooLong', { max: 2000 })
        : t('insurance.error.claim.description')
    default:
      return t('insurance.error.claim.return')
  }
}

/** A claim the domain refused, as errors on the fields to change. */
async function claimRefusal(
  c: Ctx,
  actor: Actor,
  error: DomainError,
  input: { returnId?: string; amountFen: number; lossDate: string },
): Promise<ClaimFormErrors> {
  const { db } = c.var.deps
  const t = c.var.t
  if (error.code === 'NOT_FOUND') return { returnId: t('insurance.error.claim.return') }
  if (error.code === 'BAD_USER_INPUT' && error.details.field === 'lossDate') {
    return { lossDate: t('insurance.error.claim.future') }
  }
  if (error.code === 'BAD_USER_INPUT') {
    const terms = await settingsOn(db, actor.allianceId, input.lossDate)
    if (input.amountFen > terms.claimCapFen) {
      return { amount: overCap(lang(c), terms.claimCapFen, input.lossDate) }
    }
    if (input.returnId) {
      const ret = await getReturn(db, actor, input.returnId)
      return { amount: overReturnValue(lang(c), ret.orderValueFen) }
    }
    return { amount: t('insurance.error.amount.format') }
  }
  // CONFLICT: the loss date is not covered, or the return already has an open claim.
  const cover = await enrolment(db, actor.merchantId!)
  if (!cover || input.lossDate.slice(0, 7) < cover.startMonth) {
    return {
      lossDate: cover
        ? t('insurance.error.claim.notCovered', {
            month: formatMonth(cover.startMonth, c.var.locale),
          })
        : t('insurance.declare.refused.notEnrolled'),
    }
  }
  return { returnId: t('insurance.error.claim.openClaim') }
}

// ---------------------------------------------------------------------------------------------
// A claim: its status for the merchant, its review and decision for coordinators

interface ClaimState {
  notice?: NoticeData
  decision?: { values: DecisionValues; errors: DecisionErrors }
  evidenceError?: string
}

async function renderClaimPage(c: Ctx, claim: Claim, state: ClaimState = {}) {
  const { db, blobs } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT', 'COORDINATOR')
  const [merchant, ret, evidence] = await Promise.all([
    getMerchant(db, actor, claim.merchantId),
    claim.returnId ? getReturn(db, actor, claim.returnId).catch(() => null) : null,
    listClaimEvidence(db, actor, claim.id),
  ])
  const open = openStatuses.includes(claim.status)
  const canAdd =
    actor.role === 'MERCHANT' && open && blobs && evidence.length < evidenceLimits.maxFiles
  return c.render(
    <ClaimPage
      claim={claim}
      merchantName={merchantName(c, merchant)}
      ret={ret}
      evidence={evidence}
      coordinator={actor.role === 'COORDINATOR'}
      decision={state.decision}
      addEvidence={
        canAdd
          ? {
              maxFiles: evidenceLimits.maxFiles - evidence.length,
              maxMegabytes: evidenceLimits.maxBytes / 1024 / 1024,
              error: state.evidenceError,
            }
          : undefined
      }
      notice={state.notice}
    />,
    {
      title: claimTitle(lang(c), claim, merchantName(c, merchant), actor.role === 'COORDINATOR'),
    },
  )
}

insuranceRoutes.get('/insurance/claims', async (c) => {
  const { db } = c.var.deps
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const wanted = c.req.query('status')
  const status = claimStatuses.find((s) => s === wanted)
  const all = await listClaims(db, actor)
  const shown = queueOrder(status ? all.filter((cl) => cl.status === status) : all)
  const [merchants, returns, evidence] = await Promise.all([
    listMerchants(db, actor),
    linkedReturns(db, actor, shown),
    evidenceCounts(
      db,
      actor,
      shown.map((cl) => cl.id),
    ),
  ])
  const names = new Map(merchants.map((m) => [m.id, merchantName(c, m)]))
  const unpaid = all.filter(
    (cl) =>
      (cl.status === 'APPROVED' || cl.status === 'PARTIALLY_APPROVED') &&
      (cl.approvedFen ?? 0) > cl.paidFen,
  )
  return c.render(
    <QueuePage
      rows={shown.map((claim) => ({
        claim,
        merchantName: names.get(claim.merchantId) ?? claim.merchantId,
        returnCode: claim.returnId ? (returns.get(claim.returnId)?.code ?? null) : null,
        evidenceCount: evidence.get(claim.id) ?? 0,
      }))}
      status={status}
      counts={{
        waiting: all.filter((cl) => openStatuses.includes(cl.status)).length,
        unpaid: unpaid.length,
        unpaidFen: unpaid.reduce((s, cl) => s + (cl.approvedFen ?? 0) - cl.paidFen, 0),
      }}
    />,
    { title: c.var.t('insurance.queue.title') },
  )
})

insuranceRoutes.get('/insurance/claims/:id', async (c) => {
  const t = c.var.t
  const claim = await getClaim(c.var.deps.db, c.var.actor, c.req.param('id'))
  const flags: [string, string][] = [
    ['filed', t('insurance.claim.filedNotice')],
    ['reviewing', t('insurance.review.done')],
    ['decided', t('insurance.decision.done')],
    ['evidence', t('insurance.evidence.done')],
  ]
  const flag = flags.find(([name]) => c.req.query(name))
  return renderClaimPage(c, claim, { notice: flag && { tone: 'ok', text: flag[1] } })
})

insuranceRoutes.post('/insurance/claims/:id/review', async (c) => {
  const { db } = c.var.deps
  const id = c.req.param('id')
  try {
    await startClaimReview(db, c.var.actor, id)
  } catch (e) {
    if (!refusal(e, 'CONFLICT')) throw e
    const claim = await getClaim(db, c.var.actor, id)
    c.status(409)
    return renderClaimPage(c, claim, { notice: alreadyDecided(lang(c), claim.status) })
  }
  return c.redirect(`/insurance/claims/${encodeURIComponent(id)}?reviewing=1#decide`, 303)
})

const decisions = ['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'] as const

insuranceRoutes.post('/insurance/claims/:id/decision', async (c) => {
  const { db, now } = c.var.deps
  const t = c.var.t
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const claim = await getClaim(db, actor, c.req.param('id'))
  const form = await c.req.parseBody()
  const values: DecisionValues = {
    decision: text(form.decision),
    approvedAmount: text(form.approvedAmount),
    reason: text(form.reason),
  }
  const errors: DecisionErrors = {}
  const decision = decisions.find((d) => d === values.decision)
  if (!decision) errors.decision = t('insurance.error.decision.choose')
  const fen = decision && decision !== 'REJECTED' ? yuanToFen(values.approvedAmount) : undefined
  if (fen === null) errors.approvedAmount = amountError(lang(c), values.approvedAmount)
  const parsed = decisionSchema.safeParse({
    claimId: claim.id,
    decision,
    approvedFen: fen ?? undefined,
    reason: values.reason,
  })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0])
      if (field === 'reason') {
        errors.reason ??=
          issue.code === 'too_big'
            ? t('returns.error.tooLong', { max: 1000 })
            : t('insurance.error.decision.reason')
      }
      if (field === 'approvedFen') errors.approvedAmount ??= t('insurance.error.amount.format')
    }
  }
  const limit = Math.min(claim.amountFen, claim.capFen)
  let status = 400
  let notice: NoticeData | undefined
  if (parsed.success && Object.keys(errors).length === 0) {
    try {
      await decideClaim(db, actor, parsed.data, now())
      return c.redirect(`/insurance/claims/${claim.id}?decided=1`, 303)
    } catch (e) {
      if (!refusal(e, 'BAD_USER_INPUT', 'CONFLICT')) throw e
      if (e.code === 'CONFLICT') {
        const decided = await getClaim(db, actor, claim.id)
        status = 409
        notice = alreadyDecided(lang(c), decided.status)
      } else {
        errors.approvedAmount = decisionAmountError(lang(c), values.decision, limit)
      }
    }
  }
  c.status(status as 400)
  const current = await getClaim(db, actor, claim.id)
  return renderClaimPage(c, current, { notice, decision: { values, errors } })
})

insuranceRoutes.post('/insurance/claims/:id/evidence', uploadLimit, async (c) => {
  const { db, now, blobs } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const claim = await getClaim(db, actor, c.req.param('id'))
  if (!blobs) throw new NotFound('Evidence')
  const files = await uploadsOf(await c.req.parseBody({ all: true }))
  let state: ClaimState
  if (files.length === 0) state = { evidenceError: c.var.t('insurance.evidence.error.none') }
  else {
    try {
      await addClaimEvidence(db, blobs, actor, claim.id, files, now())
      return c.redirect(`/insurance/claims/${claim.id}?evidence=1#evidence`, 303)
    } catch (e) {
      if (!refusal(e, 'BAD_USER_INPUT', 'CONFLICT')) throw e
      // A decided claim shows no upload form, so its refusal is said at the top.
      state =
        e.code === 'CONFLICT'
          ? { notice: { tone: 'error', text: c.var.t('insurance.evidence.error.decided') } }
          : { evidenceError: evidenceError(lang(c), e) }
    }
  }
  c.status(400)
  return renderClaimPage(c, await getClaim(db, actor, claim.id), state)
})

insuranceRoutes.get('/insurance/claims/:id/evidence/:evidenceId', async (c) => {
  const { db, blobs } = c.var.deps
  if (!blobs) throw new NotFound('Evidence')
  const { evidence, bytes } = await readClaimEvidence(
    db,
    blobs,
    c.var.actor,
    c.req.param('id'),
    c.req.param('evidenceId'),
  )
  // Images open in the page; PDFs download (the pages' policy gives a PDF viewer nothing).
  const disposition = evidence.contentType.startsWith('image/') ? 'inline' : 'attachment'
  const ascii = evidence.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return c.body(bytes, 200, {
    'content-type': evidence.contentType,
    'content-length': String(bytes.length),
    'content-disposition': `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  })
})

// ---------------------------------------------------------------------------------------------
// The pool: totals for members; history, payout preview and payout run for coordinators

async function payoutData(c: Ctx, actor: Actor) {
  const { db, now } = c.var.deps
  const [preview, merchants] = await Promise.all([
    payoutPreview(db, actor, now()),
    listMerchants(db, actor),
  ])
  const names = new Map(merchants.map((m) => [m.id, merchantName(c, m)]))
  return {
    balanceFen: preview.balanceFen,
    reserveFen: preview.reserveFen,
    pendingFen: preview.pendingFen,
    availableFen: preview.availableFen,
    lines: preview.payments.map((p) => ({
      claim: p.claim,
      merchantName: names.get(p.claim.merchantId) ?? p.claim.merchantId,
      outstandingFen: p.outstandingFen,
      payFen: p.payFen,
    })),
  }
}

async function renderPoolPage(c: Ctx, payout: PayoutStep, notice?: NoticeData) {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'COORDINATOR', 'MERCHANT')
  const title = c.var.t('insurance.pool.pageTitle')
  const pool = await insurancePool(db, actor, now())
  if (actor.role !== 'COORDINATOR') return c.render(<PoolPage pool={pool} />, { title })
  const [months, preview] = await Promise.all([poolHistory(db, actor, now()), payoutData(c, actor)])
  return c.render(<PoolPage pool={pool} coordinator={{ months, preview, payout, notice }} />, {
    title,
  })
}

insuranceRoutes.get('/insurance/pool', async (c) => {
  const { db, now } = c.var.deps
  const key = c.req.query('payout')
  let notice: NoticeData | undefined
  if (key && c.var.actor?.role === 'COORDINATOR') {
    const run = await payoutRun(db, c.var.actor, key)
    if (run) {
      const pool = await insurancePool(db, c.var.actor, now())
      notice = payoutNotice(lang(c), run, pool.pendingFen, c.req.query('again') === '1')
    }
  }
  return renderPoolPage(c, { step: 'start' }, notice)
})

/** The confirmation step, with a fresh key: confirming the same form twice pays once. */
insuranceRoutes.get('/insurance/pool/payout', async (c) => {
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const step: PayoutStep = { step: 'confirm', idempotencyKey: newId('payout', 20) }
  if (!isHtmx(c)) return renderPoolPage(c, step)
  return fragment(c, <PayoutSection preview={await payoutData(c, actor)} payout={step} />)
})

insuranceRoutes.post('/insurance/payouts', async (c) => {
  const { db, now } = c.var.deps
  const at = now()
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const form = await c.req.parseBody()
  const parsed = payoutSchema.safeParse({
    month: localDate(at).slice(0, 7),
    idempotencyKey: text(form.idempotencyKey),
  })
  if (!parsed.success) throw new InvalidInput('idempotencyKey', 'reload the pool page')
  const key = parsed.data.idempotencyKey
  const hrefFor = (again: boolean) =>
    `/insurance/pool?payout=${encodeURIComponent(key)}${again ? '&again=1' : ''}#payout`
  if (await payoutRun(db, actor, key)) return c.redirect(hrefFor(true), 303)

  // Pay only what the coordinator saw: if the figures moved since, show them again.
  const preview = await payoutPreview(db, actor, at)
  const paying = preview.payments.reduce((s, p) => s + p.payFen, 0)
  const changed = () => {
    c.status(409)
    return renderPoolPage(
      c,
      { step: 'start' },
      { tone: 'error', text: c.var.t('insurance.payout.changed') },
    )
  }
  if (String(paying) !== text(form.expectedFen)) return changed()
  try {
    const result = await runClaimPayout(db, actor, parsed.data, at)
    return c.redirect(hrefFor(result.replayed), 303)
  } catch (e) {
    if (!refusal(e, 'CONFLICT')) throw e
    return changed()
  }
})
