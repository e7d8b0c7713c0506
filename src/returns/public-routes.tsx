/**
 * Public pages for customers, no sign-in: follow a return by its code, and find the nearest
 * drop-off stations. Mobile first, Chinese by default like every page; they show only what
 * `returnByCode` and the station finder give out.
 */
import { Hono } from 'hono'
import * as z from 'zod'
import { StationsPage, type FinderNotice } from '../../views/public/stations-page'
import { TrackPage, type TrackOutcome } from '../../views/public/track-page'
import { attempt } from '../http/respond'
import type { AppEnv } from '../http/types'
import { normalizeCode } from './code'
import { returnByCode } from './service'
import { activeStations, byProvince, findPlace, stationsNear, type Point } from './station-finder'

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

const coordinate = (min: number, max: number) => z.coerce.number().finite().min(min).max(max)
const pointSchema = z.object({ lat: coordinate(-90, 90), lng: coordinate(-180, 180) })

const NEAREST = 10

publicReturnRoutes.get('/stations', async (c) => {
  const { db, config } = c.var.deps
  const lat = c.req.query('lat')
  const lng = c.req.query('lng')
  const cityTyped = (c.req.query('city') ?? '').trim().slice(0, 40)
  const all = await activeStations(db)
  let origin: { point: Point; place?: string } | undefined
  let notice: FinderNotice | undefined
  if (lat || lng) {
    const parsed = pointSchema.safeParse({ lat, lng })
    if (parsed.success) origin = { point: parsed.data }
    else notice = { kind: 'badPoint' }
  } else if (cityTyped) {
    const place = findPlace(all, cityTyped)
    if (place) origin = { point: place.point, place: place.name }
    else notice = { kind: 'unknownPlace', place: cityTyped }
  }
  const near = origin ? await stationsNear(db, origin.point, NEAREST) : undefined
  return c.render(
    <StationsPage
      near={near}
      origin={origin}
      all={all}
      groups={byProvince(all)}
      cityTyped={cityTyped}
      notice={notice}
      tileUrl={config.mapTileUrl}
      tileAttribution={config.mapTileAttribution}
    />,
    {
      title: c.var.t('returns.finder.title'),
      head: (
        <>
          <link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css" />
          <script src="/static/vendor/leaflet/leaflet.js" defer></script>
          <script src="/static/map.js" defer></script>
          <script src="/static/stations.js" defer></script>
        </>
      ),
    },
  )
})
