/**
 * `GET /stations/area?south=&west=&north=&east=`: the markers of the active stations inside a
 * map's visible area, for map pages whose network is too large to carry whole. The box is in
 * the tiles' datum, and so are the answers (see src/map-tiles.ts).
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../http/types'
import { AREA_MAX, publicStationsInArea, storedArea } from '../area'
import { stationPoint } from '../map-points'
import { areaSchema } from '../schemas'

export const stationAreaRoutes = new Hono<AppEnv>()

stationAreaRoutes.get('/stations/area', async (c) => {
  const { db, config, now, clientIp } = c.get('deps')
  const box = Object.fromEntries(
    (['south', 'west', 'north', 'east'] as const).map((k) => [k, Number(c.req.query(k) ?? NaN)]),
  )
  const parsed = areaSchema.safeParse(box)
  if (!parsed.success) return c.json({ error: 'BAD_USER_INPUT' }, 400)
  const datum = config.mapTileDatum
  const found = await publicStationsInArea(db, storedArea(parsed.data, datum), clientIp(c), now())
  // Public directory data, but it changes when a coordinator edits a station: a minute at most.
  c.header('Cache-Control', 'public, max-age=60')
  return c.json({
    points: found.map((s) => stationPoint(s, datum)),
    truncated: found.length === AREA_MAX,
  })
})
