import type { TileSource } from '../../src/map-tiles'
import { usePage } from '../context'

export interface PickerPlace {
  tiles: TileSource
  /** Where the map opens (WGS-84): the station, or the alliance's first hub for a new one. */
  center: { lat: number; lng: number }
  /**
   * How far the tiles' datum sits from WGS-84 around `center` (zero on WGS-84 tiles): GCJ-02's
   * offset changes by metres across a city, so one local shift places the pin well enough, and
   * the conversion itself stays in one place (src/stations/coords.ts).
   */
  shift: { lat: number; lng: number }
}

/**
 * A map under the latitude and longitude fields: a click or a dragged pin fills them in, and
 * typed values move the pin. Without JavaScript the fields alone still work.
 */
export function PointPicker({ place }: { place: PickerPlace }) {
  const { t } = usePage()
  return (
    <div class="point-picker">
      <div
        id="point-picker"
        class="map map--picker"
        role="application"
        aria-label={t('stationForm.pickLabel')}
        data-tile-url={place.tiles.url}
        data-tile-attribution={place.tiles.attribution}
        data-tile-subdomains={place.tiles.subdomains}
        data-center-lat={String(place.center.lat)}
        data-center-lng={String(place.center.lng)}
        data-shift-lat={String(place.shift.lat)}
        data-shift-lng={String(place.shift.lng)}
        data-pin-title={t('stationForm.pinTitle')}
      ></div>
      <p class="hint">{t('stationForm.pickHint')}</p>
    </div>
  )
}

/** Leaflet and the picker's script, served by the app: the station form only. */
export function PointPickerAssets() {
  return (
    <>
      <link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css" />
      <script src="/static/vendor/leaflet/leaflet.js" defer></script>
      <script src="/static/point-picker.js" defer></script>
    </>
  )
}
