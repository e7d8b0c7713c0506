import type { StationService } from '../../db/schema'
import { placeNamesEn } from '../../src/returns/station-finder'
import type { Navigation } from '../../src/stations/navigation'
import type { OpenState } from '../../src/stations/opening-hours'
import { dateTimeFormat } from '../../src/i18n/intl'
import { formatDistance, formatList } from '../components/format'
import { usePage } from '../context'

/** What the public finder shows of a station: never its commission terms. */
export interface FinderStation {
  id: string
  name: string
  storeName: string
  address: string
  city: string
  province: string
  postcode: string
  phone: string
  lat: number
  lng: number
  openingHours: string
  closedDays: number[]
  services: StationService[]
}

export interface FinderResult {
  station: FinderStation
  /** Metres from the point searched from, when there was one. */
  distanceMeters?: number
  open: OpenState
  navigation: Navigation
}

// 2026-11-30 is a Monday: ISO weekday n is that date plus n - 1 days.
const weekdayName = (weekday: number, locale: 'en' | 'zh-CN') =>
  dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 10, 29 + weekday)),
  )

/** One station in the finder's lists: where, when, what, how to call and how to get there. */
export function FinderStationItem({ result }: { result: FinderResult }) {
  const { t, locale } = usePage()
  const s = result.station
  const city = locale === 'en' ? (placeNamesEn[s.city] ?? s.city) : s.city
  const closedOn = formatList(
    s.closedDays.map((d) => weekdayName(d, locale)),
    locale,
    'conjunction',
  )
  return (
    <li class="station" data-city={s.city} data-station={s.id}>
      <p class="station__name">
        <strong>{s.name}</strong> · {s.storeName}
        {result.distanceMeters !== undefined && (
          <span class="station__distance">
            {t('returns.finder.away', {
              distance: formatDistance(result.distanceMeters, locale),
            })}
          </span>
        )}
      </p>
      <p class="station__address">
        {city} · {s.address}
        {s.postcode && <> · {t('finder.postcode', { postcode: s.postcode })}</>}
      </p>
      <div class="station__meta">
        <span class={`station__open station__open--${result.open.openNow ? 'yes' : 'no'}`}>
          {result.open.openNow
            ? t('finder.openUntil', { time: result.open.closesAt ?? '' })
            : t('finder.closedNow')}
        </span>
        <span class="station__hours">{t('returns.finder.hours', { hours: s.openingHours })}</span>
        {s.closedDays.length > 0 && (
          <span class="station__closed">{t('finder.closedOn', { days: closedOn })}</span>
        )}
        {s.services.length > 0 && (
          <ul class="station__services" aria-label={t('returns.finder.services')}>
            {s.services.map((code) => (
              <li>{t(`service.${code}`)}</li>
            ))}
          </ul>
        )}
      </div>
      <p class="station__actions">
        {s.phone && (
          <a class="station__phone" href={`tel:${s.phone.replace(/[^\d+]/g, '')}`}>
            {t('finder.call', { phone: s.phone })}
          </a>
        )}
        <span
          class="station__directions"
          role="group"
          aria-label={t('finder.directionsTo', { name: s.name })}
        >
          <span class="muted">{t('finder.directions')}:</span>{' '}
          <a href={result.navigation.amap} rel="noopener" data-app="amap">
            {t('finder.amap')}
          </a>{' '}
          <a href={result.navigation.baidu} rel="noopener" data-app="baidu">
            {t('finder.baidu')}
          </a>{' '}
          <a href={result.navigation.apple} rel="noopener" data-app="apple">
            {t('finder.apple')}
          </a>
        </span>
      </p>
    </li>
  )
}
