/**
 * Evidence files: added by the merchant while the claim waits for a decision, and served to
 * whoever may see the claim.
 */
import { Hono } from 'hono'
import { evidenceError } from '../../../views/insurance/messages'
import { requireRole } from '../../auth/roles'
import { NotFound } from '../../errors'
import { attempt } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { addClaimEvidence, readClaimEvidence } from '../evidence'
import { getClaim } from '../service'
import { renderClaimPage, type ClaimState } from './claim'
import { postedEvidence, uploadLimit } from './shared'
import { only } from '../../http/only'
import { langOf } from '../../http/params'

export const evidenceRoutes = new Hono<AppEnv>()

evidenceRoutes.post('/insurance/claims/:id/evidence', uploadLimit, only('MERCHANT'), async (c) => {
  const { db, now, blobs } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const claim = await getClaim(db, actor, c.req.param('id'))
  if (!blobs) throw new NotFound('Evidence')
  const files = await postedEvidence(c)
  if (files.length === 0) {
    c.status(400)
    return renderClaimPage(c, claim, { evidenceError: c.get('t')('insurance.evidence.error.none') })
  }
  const outcome = await attempt(addClaimEvidence(db, blobs, actor, claim.id, files, now()), [
    'BAD_USER_INPUT',
    'CONFLICT',
  ])
  if (outcome.ok) return c.redirect(`/insurance/claims/${claim.id}?evidence=1#evidence`, 303)
  // A decided claim shows no upload form, so its refusal is said at the top.
  const state: ClaimState =
    outcome.error.details.reason === 'EVIDENCE_CLOSED'
      ? { notice: { tone: 'error', text: c.get('t')('insurance.evidence.error.decided') } }
      : { evidenceError: evidenceError(langOf(c), outcome.error) }
  const current = await getClaim(db, actor, claim.id)
  c.status(400)
  return renderClaimPage(c, current, state)
})

evidenceRoutes.get('/insurance/claims/:id/evidence/:evidenceId', async (c) => {
  const { db, blobs } = c.get('deps')
  if (!blobs) throw new NotFound('Evidence')
  const { evidence, bytes } = await readClaimEvidence(
    db,
    blobs,
    c.get('actor'),
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
