/**
 * The public station finder, `/stations`: search by district, street, station, postcode or city
 * in characters or pinyin, near a typed city or the browser's location, with open-now and
 * service filters; each station with its hours, phone and directions. No sign-in; a search
 * counts against the caller's limit like the other public lookups.
 */
import { Hono } from 'hono'
import * as z from '../../zod'
import { stationServices, type StationService } from '../../../db/schema'
import { FinderPage, type FinderList, type FinderNotice } from '../../../views/stations/finder-page'
import type { FinderResult } from '../../../views/stations/finder-station'
import { MapAssets, tilesOf } from '../../../views/map/map-canvas'
import { INLINE_MAX } from '../map-points'
import type { AppEnv } from '../../http/types'
import type { Station } from '../../network/service'
import { findPlace, type Point } from '../../returns/station-finder'
import { navigationLinks } from '../navigation'
import { openState } from '../opening-hours'
import { findStations, searchStations, type FoundStation } from '../search'
import { stationAreaRoutes } from './area'
import { stationReceiptRoutes } from './receipt'

export const stationSearchRoutes = new Hono<AppEnv>()
stationSearchRoutes.route('/', stationAreaRoutes)
stationSearchRoutes.route('/', stationReceiptRoutes)

const coordinate = (min: number, max: number) => z.coerce.number().check(z.gte(min), z.lte(max))
const pointSchema = z.object({ lat: coordinate(-90, 90), lng: coordinate(-180, 180) })

/** How many stations "nearest to" a place lists; a typed search or filters list more. */
const NEAREST = 10
const MATCHES = 50
const EVERY = 100_000

const isService = (s: string): s is StationService =>
  (stationServices as readonly string[]).includes(s)

function result(found: FoundStation, now: Date, withDistance: boolean): FinderResult {
  const s: Station = found.station
  return {
    station: {
      id: s.id,
      name: s.name,
      storeName: s.storeName,
      address: s.address,
      city: s.city,
      province: s.province,
      postcode: s.postcode,
      phone: s.phone,
      lat: s.lat,
      lng: s.lng,
      openingHours: s.openingHours,
      closedDays: s.closedDays,
      services: s.services,
    },
    distanceMeters: withDistance ? found.distanceMeters : undefined,
    open: openState(s.openingHours, s.closedDays, now),
    navigation: navigationLinks(s),
  }
}

/** Results grouped by province, provinces in the order their first station appears. */
function byProvince(results: readonly FinderResult[]): [string, FinderResult[]][] {
  const groups = new Map<string, FinderResult[]>()
  for (const r of results) {
    const group = groups.get(r.station.province)
    if (group) group.push(r)
    else groups.set(r.station.province, [r])
  }
  return [...groups]
}

stationSearchRoutes.get('/stations', async (c) => {
  const { db, config, now: clock, clientIp } = c.get('deps')
  const now = clock()
  const lat = c.req.query('lat')
  const lng = c.req.query('lng')
  // The form's field keeps the name it had when it searched cities only, so links still work;
  // `q` is read too, as an address for the search itself.
  const query = (c.req.query('city') ?? c.req.query('q') ?? '').trim().slice(0, 60)
  const openNow = c.req.query('open') === '1'
  const services = [...new Set(c.req.queries('service') ?? [])].filter(isService)
  const filtered = openNow || services.length > 0

  const all = (await findStations(db, { first: EVERY }, now)).map((f) => f.station)
  let origin: { point: Point; place?: string } | undefined
  let notice: FinderNotice | undefined
  let text: string | undefined
  if (lat || lng) {
    const parsed = pointSchema.safeParse({ lat, lng })
    if (parsed.success) origin = { point: parsed.data }
    else notice = { kind: 'badPoint' }
    text = query || undefined
  } else if (query) {
    const place = findPlace(all, query)
    if (place) origin = { point: place.point, place: place.name }
    else text = query
  }

  let list: FinderList | undefined
  if (origin || text || filtered) {
    const first = origin && !text ? NEAREST : MATCHES
    const search = { query: text, point: origin?.point, openNow, services, first }
    const found = await searchStations(db, search, clientIp(c), now)
    const results = found.map((f) => result(f, now, origin !== undefined))
    if (text) list = { kind: 'matches', query: text, results }
    else if (origin) list = { kind: 'near', results }
    else list = { kind: 'filtered', results }
    if (results.length === 0 && text && !filtered) {
      notice = { kind: 'unknownPlace', place: text }
      list = undefined
    } else if (results.length === 0) notice = { kind: 'noneFiltered' }
  }

  const groups = list
    ? []
    : byProvince(all.map((station) => result({ station, distanceMeters: 0 }, now, false)))
  return c.render(
    <FinderPage
      list={list}
      origin={origin}
      groups={groups}
      total={all.length}
      cities={[...new Set(all.map((s) => s.city))]}
      query={query}
      openNow={openNow}
      services={services}
      notice={notice}
      tiles={tilesOf(config)}
      areaUrl={all.length > INLINE_MAX ? '/stations/area' : undefined}
    />,
    {
      title: c.get('t')('returns.finder.title'),
      head: (
        <>
          <MapAssets />
          <script src="/static/stations.js" defer></script>
        </>
      ),
    },
  )
})
