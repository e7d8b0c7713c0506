import { raw } from 'hono/html'
import { placeNamesEn, type Point, type PublicStation } from '../../src/returns/station-finder'
import { usePage } from '../context'
import { Notice } from '../components/notice'
import { formatDistance } from '../components/format'

export type FinderNotice = { kind: 'unknownPlace'; place: string } | { kind: 'badPoint' }

export interface StationsPageProps {
  /** Nearest first, when a point was given (a typed place or the browser's location). */
  near?: { station: PublicStation; distanceMeters: number }[]
  /** The point searched from, and what to call it (a place name; none for "you"). */
  origin?: { point: Point; place?: string }
  /** Every active station, for the list by province when there is no point. */
  all: PublicStation[]
  groups: [string, PublicStation[]][]
  cityTyped: string
  notice?: FinderNotice
  tileUrl: string
  tileAttribution: string
}

/**
 * Where customers can hand in a return: a map (Leaflet, drawn by the shared map script from a
 * JSON island) and a list — the nearest stations to a typed city or the browser's location, or
 * every station by province. The location button is a page script's; the city form is plain GET.
 */
export function StationsPage(props: StationsPageProps) {
  const { t, locale } = usePage()
  const place = (name: string) => (locale === 'en' ? (placeNamesEn[name] ?? name) : name)
  const cities = [...new Set(props.all.map((s) => s.city))]
  const shown = props.near ? props.near.map((n) => n.station) : props.all
  const points = [
    ...shown.map((s) => ({
      kind: 'station',
      name: `${s.name} · ${s.storeName}`,
      detail: `${s.address} · ${s.openingHours}`,
      lat: s.lat,
      lng: s.lng,
    })),
    ...(props.origin
      ? [
          {
            kind: 'you',
            name: props.origin.place ? place(props.origin.place) : t('returns.finder.you'),
            lat: props.origin.point.lat,
            lng: props.origin.point.lng,
          },
        ]
      : []),
  ]
  // `<` is escaped so a name can never close the script element.
  const json = JSON.stringify(points).replace(/</g, '\\u003c')
  return (
    <div class="public finder">
      <h1>{t('returns.finder.title')}</h1>
      <p>{t('returns.finder.lead')}</p>
      <div class="card finder__search">
        <form method="get" action="/stations" class="finder__city" role="search">
          <label for="finder-city">{t('returns.finder.city')}</label>
          <div class="finder__row">
            <input
              id="finder-city"
              name="city"
              type="text"
              value={props.cityTyped}
              list="finder-cities"
              autocomplete="address-level2"
              enterkeyhint="search"
              maxlength={40}
              aria-describedby="finder-city-hint"
            />
            <button type="submit" class="button button--primary">
              {t('returns.finder.search')}
            </button>
          </div>
          <datalist id="finder-cities">
            {cities.map((c) => (
              <option value={place(c)}></option>
            ))}
          </datalist>
          <p id="finder-city-hint" class="hint">
            {t('returns.finder.cityHint')}
          </p>
        </form>
        <p class="finder__locate">
          <button
            type="button"
            class="button"
            id="use-location"
            hidden
            data-locating={t('returns.finder.locating')}
            data-failed={t('returns.finder.locationFailed')}
          >
            {t('returns.finder.useLocation')}
          </button>
          <span id="location-status" class="hint" role="status"></span>
        </p>
      </div>
      {props.notice?.kind === 'unknownPlace' && (
        <Notice tone="warn">
          {t('returns.finder.unknownPlace', { place: props.notice.place })}
        </Notice>
      )}
      {props.notice?.kind === 'badPoint' && (
        <Notice tone="warn">{t('returns.finder.badPoint')}</Notice>
      )}
      <div
        id="map"
        class="map finder__map"
        data-tile-url={props.tileUrl}
        data-tile-attribution={props.tileAttribution}
        data-tiles-failed={t('map.tilesFailed')}
      >
        <noscript>{t('map.noScript')}</noscript>
      </div>
      <p id="map-status" class="alert alert--warn" role="status" hidden></p>
      <script type="application/json" id="map-points">
        {raw(json)}
      </script>
      {props.near ? (
        <section class="card" aria-labelledby="finder-near">
          <h2 id="finder-near">
            {props.origin?.place
              ? t('returns.finder.nearPlace', { place: place(props.origin.place) })
              : t('returns.finder.nearYou')}
          </h2>
          <ol class="station-list">
            {props.near.map((n) => (
              <StationItem
                station={n.station}
                distance={formatDistance(n.distanceMeters, locale)}
              />
            ))}
          </ol>
          <p>
            <a href="/stations">{t('returns.finder.showAll')}</a>
          </p>
        </section>
      ) : (
        <section class="card" aria-labelledby="finder-all">
          <h2 id="finder-all">
            {t('returns.finder.all')}{' '}
            <span class="muted">({t('returns.finder.count', { count: props.all.length })})</span>
          </h2>
          {props.all.length === 0 && <p class="muted">{t('returns.finder.none')}</p>}
          {props.groups.map(([province, list]) => (
            <section class="province" aria-label={place(province)}>
              <h3>{place(province)}</h3>
              <ul class="station-list">
                {list.map((s) => (
                  <StationItem station={s} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}
      <p class="public__links">
        <a href="/track">{t('returns.finder.track')}</a>
      </p>
    </div>
  )
}

function StationItem({ station: s, distance }: { station: PublicStation; distance?: string }) {
  const { t, locale } = usePage()
  const city = locale === 'en' ? (placeNamesEn[s.city] ?? s.city) : s.city
  return (
    <li class="station" data-city={s.city}>
      <p class="station__name">
        <strong>{s.name}</strong> · {s.storeName}
        {distance && (
          <span class="station__distance">{t('returns.finder.away', { distance })}</span>
        )}
      </p>
      <p class="station__address">
        {city} · {s.address}
      </p>
      <div class="station__meta">
        <span class="station__hours">{t('returns.finder.hours', { hours: s.openingHours })}</span>
        {s.services.length > 0 && (
          <ul class="station__services" aria-label={t('returns.finder.services')}>
            {s.services.map((code) => (
              <li>{t(`service.${code}`)}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  )
}
