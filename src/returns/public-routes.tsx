/**
 * The public tracking page for customers, no sign-in: follow a return by its code. Mobile first,
 * Chinese by default like every page; it shows only what `returnByCode` gives out. (Finding a
 * station is src/stations/routes/search.tsx.)
 */
import { Hono } from 'hono'
import { TrackPage, type TrackOutcome } from '../../views/public/track-page'
import { attempt } from '../http/respond'
import type { AppEnv } from '../http/types'
import { normalizeCode } from './code'
import { returnByCode } from './service'

export const publicReturnRoutes = new Hono<AppEnv>()

publicReturnRoutes.get('/track', async (c) => {
  const { db, now, clientIp } = c.var.deps
  const typed = (c.req.query('code') ?? '').trim()
  const title = c.var.t('returns.track.title')
  let outcome: TrackOutcome = { kind: 'form' }
  if (typed) {
    const code = typed.slice(0, 40)
    // Every lookup counts against the caller's limit, malformed ones included.
    const lookup = await attempt(returnByCode(db, code, clientIp(c), now()), ['RATE_LIMITED'])
    if (lookup.ok) {
      const canonical = normalizeCode(code)
      if (lookup.value) outcome = { kind: 'found', result: lookup.value }
      else if (canonical) outcome = { kind: 'notFound', typed: canonical }
      else outcome = { kind: 'notACode', typed: code }
    } else {
      const seconds = Number(lookup.error.details.retryAfterSeconds)
      c.header('Retry-After', String(seconds))
      c.status(429)
      outcome = { kind: 'rateLimited', seconds }
    }
    if (outcome.kind === 'notFound') c.status(404)
    if (outcome.kind === 'notACode') c.status(400)
  }
  // A tracking page tells where a parcel is: keep it out of shared caches.
  c.header('Cache-Control', 'no-store')
  return c.render(<TrackPage typed={typed.slice(0, 40)} outcome={outcome} />, { title })
})
