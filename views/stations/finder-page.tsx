import { stationServices, type StationService } from '../../db/schema'
import { placeNamesEn, type Point } from '../../src/returns/station-finder'
import type { TileSource } from '../../src/map-tiles'
import { placePoint, stationPoint } from '../../src/stations/map-points'
import { Notice } from '../components/notice'
import { MapCanvas } from '../map/map-canvas'
import { usePage } from '../context'
import { FinderStationItem, type FinderResult } from './finder-station'

export type FinderNotice =
  { kind: 'unknownPlace'; place: string } | { kind: 'badPoint' } | { kind: 'noneFiltered' }

/** What the numbered list holds: near a place or the visitor, or matching what was typed. */
export type FinderList =
  | { kind: 'near'; results: FinderResult[] }
  | { kind: 'matches'; query: string; results: FinderResult[] }
  | { kind: 'filtered'; results: FinderResult[] }

export interface FinderPageProps {
  list?: FinderList
  /** The point searched from, and what to call it (a place name; none for "you"). */
  origin?: { point: Point; place?: string }
  /** Every active station by province, when there is no list. */
  groups: [string, FinderResult[]][]
  total: number
  cities: string[]
  query: string
  openNow: boolean
  services: StationService[]
  notice?: FinderNotice
  tiles: TileSource
  /** Set when the network is too large to carry: the map loads the stations in view. */
  areaUrl?: string
}

/**
 * Where customers can hand in a return: a search by district, street, station, postcode or city
 * (characters or pinyin) with open-now and service filters, a map drawn by the shared map script
 * from a JSON island whose numbers match the list's, and each station's hours, phone and
 * directions. The location button is a page script's; the form is plain GET.
 */
export function FinderPage(props: FinderPageProps) {
  const { t, locale } = usePage()
  const place = (name: string) => (locale === 'en' ? (placeNamesEn[name] ?? name) : name)
  const numbered = props.list?.results
  const shown = numbered ?? (props.areaUrl ? [] : props.groups.flatMap(([, list]) => list))
  const datum = props.tiles.datum
  const points = [
    ...shown.map((r, i) => stationPoint(r.station, datum, numbered ? i + 1 : undefined)),
    ...(props.origin
      ? [
          placePoint(
            'you',
            props.origin.place ? place(props.origin.place) : t('returns.finder.you'),
            props.origin.point,
            datum,
          ),
        ]
      : []),
  ]
  return (
    <div class="public finder">
      <h1>{t('returns.finder.title')}</h1>
      <p>{t('returns.finder.lead')}</p>
      <div class="card finder__search">
        <form method="get" action="/stations" class="finder__city" role="search">
          <label for="finder-query">{t('finder.query')}</label>
          <div class="finder__row">
            <input
              id="finder-query"
              name="city"
              type="search"
              value={props.query}
              list="finder-cities"
              enterkeyhint="search"
              maxlength={60}
              aria-describedby="finder-query-hint"
            />
            <button type="submit" class="button button--primary">
              {t('returns.finder.search')}
            </button>
          </div>
          <datalist id="finder-cities">
            {props.cities.map((c) => (
              <option value={place(c)}></option>
            ))}
          </datalist>
          <p id="finder-query-hint" class="hint">
            {t('finder.queryHint')}
          </p>
          <fieldset class="finder__filters">
            <legend>{t('finder.filters')}</legend>
            <label class="check">
              <input type="checkbox" name="open" value="1" checked={props.openNow} />{' '}
              {t('finder.openNow')}
            </label>
            {stationServices.map((code) => (
              <label class="check">
                <input
                  type="checkbox"
                  name="service"
                  value={code}
                  checked={props.services.includes(code)}
                />{' '}
                {t(`service.${code}`)}
              </label>
            ))}
          </fieldset>
          {props.origin && !props.origin.place && (
            <>
              <input type="hidden" name="lat" value={props.origin.point.lat.toFixed(3)} />
              <input type="hidden" name="lng" value={props.origin.point.lng.toFixed(3)} />
            </>
          )}
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
      <MapCanvas
        tiles={props.tiles}
        points={points}
        areaUrl={numbered ? undefined : props.areaUrl}
        class="finder__map"
      />
      {props.list ? (
        <section class="card" aria-labelledby="finder-near">
          <h2 id="finder-near">{listHeading(props)}</h2>
          {props.notice?.kind === 'noneFiltered' && <p class="muted">{t('finder.noneFiltered')}</p>}
          <ol class="station-list">
            {props.list.results.map((r) => (
              <FinderStationItem result={r} />
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
            <span class="muted">({t('returns.finder.count', { count: props.total })})</span>
          </h2>
          {props.total === 0 && <p class="muted">{t('returns.finder.none')}</p>}
          {props.groups.map(([province, list]) => (
            <section class="province" aria-label={place(province)}>
              <h3>{place(province)}</h3>
              <ul class="station-list">
                {list.map((r) => (
                  <FinderStationItem result={r} />
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

function listHeading(props: FinderPageProps): string {
  const { t, locale } = usePage()
  const list = props.list!
  const near = props.origin !== undefined
  if (list.kind === 'matches')
    return t(near ? 'finder.matchesNear' : 'finder.matches', { query: list.query })
  if (list.kind === 'filtered') return t(near ? 'finder.filteredNear' : 'finder.filtered')
  const name = props.origin?.place
  if (!name) return t('returns.finder.nearYou')
  return t('returns.finder.nearPlace', {
    place: locale === 'en' ? (placeNamesEn[name] ?? name) : name,
  })
}
