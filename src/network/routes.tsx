import { Hono } from 'hono'
import { MapPage } from '../../views/map/map-page'
import { requireActor } from '../auth/roles'
import type { AppEnv } from '../http/types'
import { listHubs, listStations } from './service'

export const networkRoutes = new Hono<AppEnv>()

networkRoutes.get('/map', async (c) => {
  const { db, config } = c.var.deps
  const actor = requireActor(c.var.actor)
  const [hubs, stations] = await Promise.all([listHubs(db, actor), listStations(db, actor)])
  return c.render(
    <MapPage
      hubs={hubs}
      stations={stations}
      tileUrl={config.mapTileUrl}
      tileAttribution={config.mapTileAttribution}
    />,
    {
      title: c.var.t('map.title'),
      head: (
        <>
          <link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css" />
          <script src="/static/vendor/leaflet/leaflet.js" defer></script>
          <script src="/static/map.js" defer></script>
        </>
      ),
    },
  )
})
