/**
 * The public tracking page for customers, no sign-in: follow a return by its code, read the
 * shop's messages and the outcome, and rate it once resolved. Mobile first, Chinese by default
 * like every page; it shows only what `trackReturn` gives out. (Finding a station is
 * src/stations/routes/search.tsx.)
 */
import { Hono } from 'hono'
import { raw } from 'hono/html'
import { stillOpen, TrackPage, TrackResult, type TrackOutcome } from '../../views/public/track-page'
import type { RateNotice } from '../../views/public/track-extras'
import { trackReturn } from '../inspection/customer-view'
import { rateSchema } from '../inspection/schemas'
import { rateReturn } from '../inspection/service'
import { form } from '../http/form'
import { fragment, isHtmx } from '../http/fragments'
import { refusalText } from '../http/refusal-copy'
import { attempt } from '../http/respond'
import type { AppEnv } from '../http/types'
import { normalizeCode } from './code'

export const publicReturnRoutes = new Hono<AppEnv>()

const rateNotices: readonly RateNotice[] = ['thanks', 'already', 'invalid']
const trackHref = (code: string, rate: RateNotice) =>
  `/track?code=${encodeURIComponent(code)}&rate=${rate}`

const reloadEveryMinute = raw('<noscript><meta http-equiv="refresh" content="60"/></noscript>')

publicReturnRoutes.get('/track', async (c) => {
  const { db, now, clientIp } = c.get('deps')
  const typed = (c.req.query('code') ?? '').trim()
  const rate = rateNotices.find((n) => n === c.req.query('rate'))
  const title = c.get('t')('returns.track.title')
  let outcome: TrackOutcome = { kind: 'form' }
  if (typed) {
    const code = typed.slice(0, 40)
    // Every lookup counts against the caller's limit, malformed ones included.
    const lookup = await attempt(trackReturn(db, code, clientIp(c), now()), ['RATE_LIMITED'])
    if (lookup.ok && lookup.value) outcome = { kind: 'found', result: lookup.value, rate }
    else if (lookup.ok) {
      const canonical = normalizeCode(code)
      if (canonical) outcome = { kind: 'notFound', typed: canonical }
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
  const found = outcome.kind === 'found' ? outcome.result : null
  // The card's own poll asks for the card alone.
  if (found && isHtmx(c)) return fragment(c, <TrackResult result={found} />)
  // Without JavaScript an open return's page reloads itself, a little less often.
  const head = found && stillOpen(found.status) ? reloadEveryMinute : undefined
  return c.render(<TrackPage typed={typed.slice(0, 40)} outcome={outcome} />, { title, head })
})

publicReturnRoutes.post(
  '/track/rate',
  // A rating that cannot be read is 400 with the page and its reason, like every refused form.
  form(rateSchema, (c, { sent }) => {
    c.status(400)
    const typed = (sent.code ?? '').slice(0, 40)
    return c.render(
      <TrackPage
        typed={typed}
        outcome={{ kind: 'form' }}
        failure={c.get('t')('returns.rate.invalid')}
      />,
      { title: c.get('t')('returns.track.title') },
    )
  }),
  async (c) => {
    const { deps } = c.var
    const input = c.req.valid('form')
    const outcome = await attempt(
      rateReturn(deps.db, input, deps.clientIp(c), deps.now(), c.get('requestId')),
      ['RATE_LIMITED', 'CONFLICT', 'NOT_FOUND'],
    )
    if (outcome.ok) return c.redirect(trackHref(input.code, 'thanks'), 303)
    const { error } = outcome
    if (error.details.reason === 'ALREADY_RATED') {
      return c.redirect(trackHref(input.code, 'already'), 303)
    }
    if (error.code === 'RATE_LIMITED') {
      c.header('Retry-After', String(error.details.retryAfterSeconds))
    }
    const failure = refusalText({ t: c.get('t'), locale: c.get('locale') }, error)
    c.status(error.code === 'NOT_FOUND' ? 404 : error.code === 'CONFLICT' ? 409 : 429)
    return c.render(<TrackPage typed={input.code} outcome={{ kind: 'form' }} failure={failure} />, {
      title: c.get('t')('returns.track.title'),
    })
  },
)
