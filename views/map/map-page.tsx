import { raw } from 'hono/html'
import type { Hub, Station } from '../../src/network/service'
import { usePage } from '../context'
import { HubTable } from './hub-table'
import { StationTable } from './station-table'
import { localizedName } from '../../src/i18n/localized-name'

export interface MapPageProps {
  hubs: Hub[]
  stations: Station[]
  tileUrl: string
  tileAttribution: string
}

/** Markers come from a JSON island so the page script needs no second request. */
export function MapPage({ hubs, stations, tileUrl, tileAttribution }: MapPageProps) {
  const { t, locale } = usePage()
  const points = [
    ...hubs.map((h) => ({
      kind: 'hub',
      name: localizedName(h, locale),
      lat: h.lat,
      lng: h.lng,
    })),
    ...stations
      .filter((s) => s.active)
      .map((s) => ({
        kind: 'station',
        name: `${s.name} · ${s.storeName}`,
        detail: `${s.address} · ${s.openingHours}`,
        lat: s.lat,
        lng: s.lng,
      })),
  ]
  // `<` is escaped so a name can never close the script element.
  const json = JSON.stringify(points).replace(/</g, '\\u003c')
  return (
    <>
      <h1>{t('map.title')}</h1>
      <div
        id="map"
        class="map"
        data-tile-url={tileUrl}
        data-tile-attribution={tileAttribution}
        data-tiles-failed={t('map.tilesFailed')}
      >
        <noscript>{t('map.noScript')}</noscript>
      </div>
      <p id="map-status" class="alert alert--warn" role="status" hidden></p>
      <script type="application/json" id="map-points">
        {raw(json)}
      </script>
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
