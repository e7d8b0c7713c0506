/**
 * A claim's page: its status for the merchant, its review and decision for coordinators; and
 * taking it into review.
 */
import { Hono } from 'hono'
import { Notice, type NoticeData } from '../../../views/components/notice'
import {
  ClaimPage,
  claimTitle,
  type DecisionErrors,
  type DecisionValues,
} from '../../../views/insurance/claim-page'
import { alreadyDecided } from '../../../views/insurance/messages'
import { requireRole } from '../../auth/roles'
import { attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { getMerchant } from '../../network/service'
import { getReturn } from '../../returns/service'
import { evidenceLimits, listClaimEvidence } from '../evidence'
import { openStatuses, startClaimReview } from '../queue'
import { getClaim, type Claim } from '../service'
import { merchantName, type Ctx } from './shared'
import { langOf } from '../../http/params'

export const claimRoutes = new Hono<AppEnv>()

export interface ClaimState {
  notice?: NoticeData
  decision?: { values: DecisionValues; errors: DecisionErrors }
  evidenceError?: string
}

export async function renderClaimPage(c: Ctx, claim: Claim, state: ClaimState = {}) {
  const { db, blobs } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT', 'COORDINATOR')
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
      title: claimTitle(langOf(c), claim, merchantName(c, merchant), actor.role === 'COORDINATOR'),
    },
  )
}

claimRoutes.get('/insurance/claims/:id', async (c) => {
  const t = c.get('t')
  const claim = await getClaim(c.get('deps').db, c.get('actor'), c.req.param('id'))
  const flags: [string, string][] = [
    ['filed', t('insurance.claim.filedNotice')],
    ['reviewing', t('insurance.review.done')],
    ['decided', t('insurance.decision.done')],
    ['evidence', t('insurance.evidence.done')],
  ]
  const flag = flags.find(([name]) => c.req.query(name))
  return renderClaimPage(c, claim, { notice: flag && { tone: 'ok', text: flag[1] } })
})

claimRoutes.post('/insurance/claims/:id/review', async (c) => {
  const { db } = c.get('deps')
  const id = c.req.param('id')
  const outcome = await attempt(startClaimReview(db, c.get('actor'), id), ['CONFLICT'])
  if (!outcome.ok) {
    // Decided meanwhile: the page shows the decision, and says why there is nothing to review.
    const claim = await getClaim(db, c.get('actor'), id)
    const notice = alreadyDecided(langOf(c), claim.status)
    return refused(c, outcome.error, {
      page: () => renderClaimPage(c, claim, { notice }),
      fragment: () => <Notice {...notice} />,
    })
  }
  return c.redirect(`/insurance/claims/${encodeURIComponent(id)}?reviewing=1#decide`, 303)
})
