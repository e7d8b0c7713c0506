/**
 * Filing a claim from the merchant page, with evidence files when the runtime can keep them. A
 * refused claim comes back on the page with each wrong field marked and what was typed.
 */
import { Hono } from 'hono'
import type {
  ClaimField,
  ClaimFormErrors,
  ClaimFormValues,
} from '../../../views/insurance/claim-form'
import {
  amountError,
  evidenceError,
  overCap,
  overReturnValue,
} from '../../../views/insurance/messages'
import { formatMonth } from '../../../views/components/format'
import { settingsOn } from '../../alliance/settings'
import { requireRole } from '../../auth/roles'
import { isIsoDate } from '../../calendar/local-date'
import type { DomainError, ErrorDetails } from '../../errors'
import { form, type FormRefusal } from '../../http/form'
import { attempt } from '../../http/respond'
import { refusalText } from '../../http/refusal-copy'
import type { AppEnv } from '../../http/types'
import { yuanToFen } from '../../money'
import { moneyRanges } from '../../money-ranges'
import type { Upload } from '../../uploads'
import { addClaimEvidence, checkUploads } from '../evidence'
import type { ClaimInput } from '../schemas'
import { enrolment, fileClaim } from '../service'
import { claimForm } from './forms'
import { renderMerchantPage } from './merchant'
import { postedEvidence, uploadLimit, type Ctx } from './shared'
import { only } from '../../http/only'
import { langOf } from '../../http/params'

export const fileClaimRoutes = new Hono<AppEnv>()

const refuseClaim = (c: Ctx, values: ClaimFormValues, errors: ClaimFormErrors) => {
  c.status(400)
  return renderMerchantPage(c, { claimForm: { values, errors } })
}

/** What is wrong with the files, before anything is stored. */
async function evidenceErrors(c: Ctx, files: readonly Upload[]): Promise<ClaimFormErrors> {
  if (files.length === 0) return {}
  if (!c.get('deps').blobs) return { evidence: c.get('t')('insurance.evidence.error.unavailable') }
  const checked = await attempt((async () => checkUploads(files))(), ['BAD_USER_INPUT'])
  return checked.ok ? {} : { evidence: evidenceError(langOf(c), checked.error) }
}

/** One localised sentence per wrong field, from what was typed into it. */
async function fieldErrors(c: Ctx, refusal: FormRefusal): Promise<ClaimFormErrors> {
  const t = c.get('t')
  const { amount = '', lossDate = '', description = '' } = refusal.sent
  const errors: ClaimFormErrors = {}
  for (const field of Object.keys(refusal.fields) as ClaimField[]) {
    if (field === 'returnId') errors.returnId = t('insurance.error.claim.return')
    if (field === 'lossDate') errors.lossDate = t('insurance.error.claim.lossDate')
    if (field === 'description') {
      errors.description =
        description.trim().length > 2000
          ? t('returns.error.tooLong', { max: 2000 })
          : t('insurance.error.claim.description')
    }
    if (field === 'amount') {
      const fen = yuanToFen(amount)
      if (fen === null) errors.amount = amountError(langOf(c), amount)
      else if (fen > moneyRanges.claimFen.maxFen && isIsoDate(lossDate)) {
        // Past the schema's ceiling, the limit worth saying is the claim cap of the loss date.
        const terms = await settingsOn(
          c.get('deps').db,
          requireRole(c.get('actor'), 'MERCHANT').allianceId,
          lossDate,
        )
        errors.amount = overCap(langOf(c), terms.claimCapFen, lossDate)
      } else errors.amount = t('insurance.error.amount.format')
    }
  }
  return errors
}

/** A claim the domain refused, as errors on the fields to change. */
async function claimRefusal(
  c: Ctx,
  error: DomainError,
  input: ClaimInput,
): Promise<ClaimFormErrors> {
  const { db } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const t = c.get('t')
  if (error.code === 'NOT_FOUND') return { returnId: t('insurance.error.claim.return') }
  if (error.code === 'BAD_USER_INPUT' && error.details.field === 'evidence') {
    return { evidence: evidenceError(langOf(c), error) }
  }
  if (error.code === 'BAD_USER_INPUT') {
    // Every rule the claim breaks, each on its field; the first said of a field is kept.
    const problems = (error.details.problems as ErrorDetails[] | undefined) ?? [error.details]
    const errors: ClaimFormErrors = {}
    for (const problem of problems) {
      if (problem.field === 'lossDate') errors.lossDate ??= t('insurance.error.claim.future')
      else if (typeof problem.capFen === 'number') {
        errors.amount ??= overCap(langOf(c), problem.capFen, input.lossDate)
      } else if (typeof problem.orderValueFen === 'number') {
        errors.amount ??= overReturnValue(langOf(c), problem.orderValueFen)
      } else errors.amount ??= t('insurance.error.amount.format')
    }
    return errors
  }
  if (error.details.reason === 'NOT_COVERED') {
    const cover = await enrolment(db, actor.merchantId!)
    return {
      lossDate: cover
        ? t('insurance.error.claim.notCovered', {
            month: formatMonth(cover.startMonth, c.get('locale')),
          })
        : refusalText(langOf(c), error),
    }
  }
  // The return already has a claim waiting for a decision or a payout.
  if (error.details.reason === 'CLAIM_OPEN')
    return { returnId: t('insurance.error.claim.openClaim') }
  return { returnId: refusalText(langOf(c), error) }
}

fileClaimRoutes.post(
  '/insurance/claims',
  uploadLimit,
  only('MERCHANT'),
  form(claimForm, async (c, refusal) => {
    const files = await postedEvidence(c)
    const errors = { ...(await fieldErrors(c, refusal)), ...(await evidenceErrors(c, files)) }
    const { returnId = '', amount = '', lossDate = '', description = '' } = refusal.sent
    return refuseClaim(c, { returnId, amount, lossDate, description }, errors)
  }),
  async (c) => {
    const { db, now, blobs } = c.get('deps')
    const at = now()
    const actor = requireRole(c.get('actor'), 'MERCHANT')
    const { amount, ...claim } = c.req.valid('form')
    const input: ClaimInput = { ...claim, amountFen: amount.fen }
    const values = { ...claim, returnId: claim.returnId ?? '', amount: amount.typed }
    const files = await postedEvidence(c)
    const refusedFiles = await evidenceErrors(c, files)
    if (refusedFiles.evidence) return refuseClaim(c, values, refusedFiles)
    const outcome = await attempt(
      fileClaim(db, actor, input, at).then(async (filed) => {
        if (files.length > 0) await addClaimEvidence(db, blobs!, actor, filed.id, files, at)
        return filed
      }),
      ['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'],
    )
    if (!outcome.ok) return refuseClaim(c, values, await claimRefusal(c, outcome.error, input))
    return c.redirect(`/insurance/claims/${outcome.value.id}?filed=1`, 303)
  },
)
