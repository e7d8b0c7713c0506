/**
 * A coordinator's decision on a claim, from its page. A refused decision comes back on the page
 * with each wrong field marked; one made too late says who decided first.
 */
import { Hono } from 'hono'
import { Notice } from '../../../views/components/notice'
import type { DecisionErrors, DecisionValues } from '../../../views/insurance/claim-page'
import { alreadyDecided, amountError, decisionAmountError } from '../../../views/insurance/messages'
import { requireRole } from '../../auth/roles'
import { form, type FormRefusal } from '../../http/form'
import { attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { yuanToFen } from '../../money'
import { decideClaim, getClaim } from '../service'
import { renderClaimPage } from './claim'
import { decisionForm } from './forms'
import { type Ctx } from './shared'
import { only } from '../../http/only'
import { langOf } from '../../http/params'

export const decisionRoutes = new Hono<AppEnv>()

/** The claim of the page, for whoever may decide it. */
const claimOf = (c: Ctx) =>
  getClaim(c.get('deps').db, requireRole(c.get('actor'), 'COORDINATOR'), c.req.param('id')!)

async function refuseDecision(c: Ctx, values: DecisionValues, errors: DecisionErrors) {
  const claim = await claimOf(c)
  c.status(400)
  return renderClaimPage(c, claim, { decision: { values, errors } })
}

/** One localised sentence per wrong field, from what was typed into it. */
function fieldErrors(c: Ctx, refusal: FormRefusal): DecisionErrors {
  const t = c.get('t')
  const { approvedAmount = '', reason = '' } = refusal.sent
  const errors: DecisionErrors = {}
  if (refusal.fields.decision) errors.decision = t('insurance.error.decision.choose')
  if (refusal.fields.approvedAmount) {
    errors.approvedAmount =
      yuanToFen(approvedAmount) === null
        ? amountError(langOf(c), approvedAmount)
        : t('insurance.error.amount.format')
  }
  if (refusal.fields.reason) {
    errors.reason =
      reason.trim().length > 1000
        ? t('returns.error.tooLong', { max: 1000 })
        : t('insurance.error.decision.reason')
  }
  return errors
}

decisionRoutes.post(
  '/insurance/claims/:id/decision',
  only('COORDINATOR'),
  form(decisionForm, (c, refusal) => {
    const { decision = '', approvedAmount = '', reason = '' } = refusal.sent
    return refuseDecision(c, { decision, approvedAmount, reason }, fieldErrors(c, refusal))
  }),
  async (c) => {
    const { db, now } = c.get('deps')
    const actor = requireRole(c.get('actor'), 'COORDINATOR')
    const claim = await claimOf(c)
    const { decision, approvedAmount, approvedFen, reason } = c.req.valid('form')
    const values = { decision, approvedAmount, reason }
    const outcome = await attempt(
      decideClaim(db, actor, { claimId: claim.id, decision, approvedFen, reason }, now()),
      ['BAD_USER_INPUT', 'CONFLICT'],
    )
    if (outcome.ok) return c.redirect(`/insurance/claims/${claim.id}?decided=1`, 303)
    if (outcome.error.code !== 'CONFLICT') {
      const limit = Math.min(claim.amountFen, claim.capFen)
      return refuseDecision(c, values, {
        approvedAmount: decisionAmountError(langOf(c), decision, limit),
      })
    }
    // Someone decided first: their decision stands, and the page shows it.
    const decided = await claimOf(c)
    const notice = alreadyDecided(langOf(c), decided.status)
    return refused(c, outcome.error, {
      page: () => renderClaimPage(c, decided, { notice, decision: { values, errors: {} } }),
      fragment: () => <Notice {...notice} />,
    })
  },
)
