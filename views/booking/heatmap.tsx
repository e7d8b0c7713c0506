import { dateRange, monthBounds } from '../../src/calendar/local-date'
import type { UtilisationDay } from '../../src/booking/service'
import type { Hub } from '../../src/network/service'
import { usePage } from '../context'
import { MonthNav } from '../components/month-nav'
import { formatCount, formatDay, formatMonth, formatPercent } from '../components/format'
import { localizedName } from '../../src/i18n/localized-name'

/** Utilisation above this is tight; below `underUsed`, the hub-day is under-used. */
export const thresholds = { tight: 0.9, underUsed: 0.2 }

export type HeatBand = 'none' | 0 | 1 | 2 | 3 | 4

/** Colour band of a hub-day by confirmed / capacity. */
export function heatBand(day: Pick<UtilisationDay, 'capacityUnits' | 'confirmedUnits'>): HeatBand {
  if (day.capacityUnits <= 0) return 'none'
  const u = day.confirmedUnits / day.capacityUnits
  if (u > thresholds.tight) return 4
  if (u >= 0.75) return 3
  if (u >= 0.5) return 2
  if (u >= thresholds.underUsed) return 1
  return 0
}

export interface HubMonth {
  hub: Hub
  days: UtilisationDay[]
}

export const utilisationHref = (month: string) => `/utilisation?${new URLSearchParams({ month })}`

/** The coordinator's month: days × hubs, each cell coloured and also written out in numbers. */
export function HeatmapPage(props: {
  month: string
  today: string
  hubs: HubMonth[]
  href: (month: string) => string
}) {
  const { t, locale } = usePage()
  const { from, to } = monthBounds(props.month)
  const dates = dateRange(from, to)
  const hubName = (h: Hub) => localizedName(h, locale)
  const stats = props.hubs.map(({ days }) => {
    const confirmed = days.reduce((s, d) => s + d.confirmedUnits, 0)
    const capacity = days.reduce((s, d) => s + d.capacityUnits, 0)
    return {
      confirmed,
      capacity,
      tight: days.filter((d) => heatBand(d) === 4).length,
      under: days.filter((d) => heatBand(d) === 0).length,
    }
  })
  return (
    <>
      <h1>{t('util.title')}</h1>
      <MonthNav month={props.month} href={props.href} />
      <HeatLegend />
      {/* Focusable so that a keyboard can scroll the month sideways on a phone. */}
      <section class="card" tabindex={0} aria-label={t('util.title')}>
        <table class="heatmap">
          <caption>{t('util.caption', { month: formatMonth(props.month, locale) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('util.day')}</th>
              {props.hubs.map(({ hub }) => (
                <th scope="col">{hubName(hub)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dates.map((date, i) => (
              <tr class={date === props.today ? 'is-today' : undefined}>
                <th scope="row">
                  <time datetime={date} aria-current={date === props.today ? 'date' : undefined}>
                    {formatDay(date, locale)}
                  </time>
                </th>
                {props.hubs.map(({ days }) => (
                  <HeatCell day={days[i]!} />
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('util.total')}</th>
              {stats.map((s) => (
                <td class="num">
                  {formatCount(s.confirmed, locale)} / {formatCount(s.capacity, locale)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('util.average')}</th>
              {stats.map((s) => (
                <td class="num">
                  {s.capacity > 0 ? formatPercent(s.confirmed / s.capacity, locale) : '—'}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('util.tightDays')}</th>
              {stats.map((s) => (
                <td class="num">{s.tight}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('util.underDays')}</th>
              {stats.map((s) => (
                <td class="num">{s.under}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </section>
    </>
  )
}

function HeatCell({ day }: { day: UtilisationDay }) {
  const { t, locale } = usePage()
  const band = heatBand(day)
  if (band === 'none') {
    return <td class="heat heat--none">{t('util.noCapacity')}</td>
  }
  return (
    <td class={`heat heat--${band}`}>
      <span class="heat__pct">{formatPercent(day.confirmedUnits / day.capacityUnits, locale)}</span>
      {band === 4 && <Flag kind="tight" />}
      {band === 0 && <Flag kind="under" />}
      <span class="heat__units">
        {formatCount(day.confirmedUnits, locale)} / {formatCount(day.capacityUnits, locale)}
      </span>
      {day.waitlistedUnits > 0 && (
        <span class="heat__wait">
          {t('hub.waitlisted')} {formatCount(day.waitlistedUnits, locale)}
        </span>
      )}
    </td>
  )
}

/** ▲ tight, ▽ under-used: a shape and its words, so colour is never the only signal. */
function Flag({ kind }: { kind: 'tight' | 'under' }) {
  const { t } = usePage()
  const label = kind === 'tight' ? t('util.tight') : t('util.under')
  return (
    <span class={`flag flag--${kind}`} title={label}>
      <span aria-hidden="true">{kind === 'tight' ? '▲' : '▽'}</span>
      <span class="visually-hidden">{label}</span>
    </span>
  )
}

function HeatLegend() {
  const { t } = usePage()
  return (
    <div class="legend">
      <span class="legend__title">{t('util.legend')}:</span>
      <ul>
        <li>
          <span class="swatch heat--0" aria-hidden="true"></span>
          <span aria-hidden="true">▽ </span>
          {t('util.under')}
        </li>
        <li>
          <span class="swatch heat--1" aria-hidden="true"></span>
          20–50%
        </li>
        <li>
          <span class="swatch heat--2" aria-hidden="true"></span>
          50–75%
        </li>
        <li>
          <span class="swatch heat--3" aria-hidden="true"></span>
          75–90%
        </li>
        <li>
          <span class="swatch heat--4" aria-hidden="true"></span>
          <span aria-hidden="true">▲ </span>
          {t('util.tight')}
        </li>
      </ul>
    </div>
  )
}
