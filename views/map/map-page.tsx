import type { Hub, Station } from '../../src/network/service'
import { usePage } from '../context'
import { HubTable } from './hub-table'
import { StationTable } from './station-table'
import { localizedName } from '../../src/i18n/localized-name'
import type { TileSource } from '../../src/map-tiles'
import { placePoint, stationPoint } from '../../src/stations/map-points'
import { MapCanvas } from './map-canvas'

export interface MapPageProps {
  hubs: Hub[]
  stations: Station[]
  tiles: TileSource
  /** Set when the network is too large to carry: the map loads the stations in view. */
  areaUrl?: string
}

/**
 * Markers come from a JSON island so the page script needs no second request, numbered like the
 * station table; a national network's stations are loaded for the visible area instead.
 */
export function MapPage({ hubs, stations, tiles, areaUrl }: MapPageProps) {
  const { t, locale } = usePage()
  const points = [
    ...hubs.map((h) => placePoint('hub', localizedName(h, locale), h, tiles.datum)),
    ...(areaUrl
      ? []
      : stations.flatMap((s, i) => (s.active ? [stationPoint(s, tiles.datum, i + 1)] : []))),
  ]
  return (
    <>
      <h1>{t('map.title')}</h1>
      <MapCanvas tiles={tiles} points={points} areaUrl={areaUrl} />
      <section class="card">
        <h2>{t('map.hubs')}</h2>
        <HubTable hubs={hubs} />
      </section>
      {/* Focusable so that a keyboard can scroll the table sideways on a phone. */}
      <section class="card" tabindex={0} aria-labelledby="map-stations-title">
        <h2 id="map-stations-title">
          {t('map.stations')} ({stations.length})
        </h2>
        <StationTable stations={stations} />
      </section>
    </>
  )
}
