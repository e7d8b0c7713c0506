import { raw } from 'hono/html'
import type { TileSource } from '../../src/map-tiles'
import { pointsJson, type MapPoint } from '../../src/stations/map-points'
import { usePage } from '../context'

/**
 * The map element static/map.js draws on, its tile failure notice and its markers. With
 * `areaUrl` the script also loads the stations in view from it as the map moves.
 */
export function MapCanvas(props: {
  tiles: TileSource
  points: MapPoint[]
  areaUrl?: string
  class?: string
}) {
  const { t } = usePage()
  return (
    <>
      <div
        id="map"
        class={props.class ? `map ${props.class}` : 'map'}
        data-tile-url={props.tiles.url}
        data-tile-attribution={props.tiles.attribution}
        data-tile-subdomains={props.tiles.subdomains}
        data-tiles-failed={t('map.tilesFailed')}
        data-area-url={props.areaUrl}
      >
        <noscript>{t('map.noScript')}</noscript>
      </div>
      <p id="map-status" class="alert alert--warn" role="status" hidden></p>
      <script type="application/json" id="map-points">
        {raw(pointsJson(props.points))}
      </script>
    </>
  )
}

/** Leaflet and its clustering, served by the app itself, and the map script: map pages only. */
export function MapAssets() {
  return (
    <>
      <link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css" />
      <link rel="stylesheet" href="/static/vendor/leaflet.markercluster/MarkerCluster.css" />
      <link
        rel="stylesheet"
        href="/static/vendor/leaflet.markercluster/MarkerCluster.Default.css"
      />
      <script src="/static/vendor/leaflet/leaflet.js" defer></script>
      <script src="/static/vendor/leaflet.markercluster/leaflet.markercluster.js" defer></script>
      <script src="/static/map.js" defer></script>
    </>
  )
}

/** The tile source a page's config names. */
export const tilesOf = (config: {
  mapTileUrl: string
  mapTileAttribution: string
  mapTileSubdomains: string
  mapTileDatum: TileSource['datum']
}): TileSource => ({
  url: config.mapTileUrl,
  attribution: config.mapTileAttribution,
  subdomains: config.mapTileSubdomains,
  datum: config.mapTileDatum,
})
