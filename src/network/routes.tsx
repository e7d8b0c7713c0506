import { Hono } from 'hono'
import { MapAssets, tilesOf } from '../../views/map/map-canvas'
import { MapPage } from '../../views/map/map-page'
import { INLINE_MAX } from '../stations/map-points'
import { requireActor } from '../auth/roles'
import type { AppEnv } from '../http/types'
import { listHubs, listStations } from './service'

export const networkRoutes = new Hono<AppEnv>()

networkRoutes.get('/map', async (c) => {
  const { db, config } = c.get('deps')
  const actor = requireActor(c.get('actor'))
  const [hubs, stations] = await Promise.all([listHubs(db, actor), listStations(db, actor)])
  return c.render(
    <MapPage
      hubs={hubs}
      stations={stations}
      tiles={tilesOf(config)}
      areaUrl={stations.filter((s) => s.active).length > INLINE_MAX ? '/stations/area' : undefined}
    />,
    {
      title: c.get('t')('map.title'),
      head: <MapAssets />,
    },
  )
})
