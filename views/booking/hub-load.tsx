import type { HubThroughput } from '../../src/hubs/hub-throughput'
import { HubFloor } from './hub-floor'
import type { UtilisationDay } from '../../src/booking/service'
import type { Hub } from '../../src/network/service'
import { usePage } from '../context'
import { CapacityForm, DayCapacityForm } from './capacity-form'
import { HubPicker } from './hub-picker'
import { DayMerchantLoad, WeekMerchantLoad } from './merchant-load'
import { Notice, type NoticeData } from '../components/notice'
import { formatCount, formatDay, formatPercent } from '../components/format'
import { localizedName } from '../../src/i18n/localized-name'

export interface HubLoadPageProps {
  /** Every hub, for a coordinator to choose from; absent for a hub's own operator. */
  hubs?: Hub[]
  hub: Hub
  today: string
  /** Tomorrow and the six days after it. */
  days: UtilisationDay[]
  merchantNames: Map<string, string>
  notice?: NoticeData
  form?: { date: string; units: string }
  /** Today's throughput, from `hubThroughput`. */
  floor: HubThroughput
}

export const hubHref = (hub: string) => `/hub?${new URLSearchParams({ hub })}`

/** A hub's coming week: tomorrow in detail, the week per day and per merchant, overrides. */
export function HubLoadPage(props: HubLoadPageProps) {
  const { t, locale } = usePage()
  const { hub, days } = props
  const tomorrow = days[0]!
  const pct = (d: UtilisationDay) =>
    d.capacityUnits > 0 ? formatPercent(d.confirmedUnits / d.capacityUnits, locale) : '—'
  const figures = [
    [t('hub.capacity'), formatCount(tomorrow.capacityUnits, locale)],
    [t('hub.confirmed'), formatCount(tomorrow.confirmedUnits, locale)],
    [t('hub.waitlisted'), formatCount(tomorrow.waitlistedUnits, locale)],
    [t('hub.remaining'), formatCount(tomorrow.capacityUnits - tomorrow.confirmedUnits, locale)],
    [t('hub.utilisation'), pct(tomorrow)],
  ] as const
  return (
    <>
      <h1>
        {t('hub.title')} · {localizedName(hub, locale)}
      </h1>
      {props.hubs && <HubPicker hubs={props.hubs} current={hub.id} href={(id) => hubHref(id)} />}
      {props.notice && <Notice {...props.notice} />}
      <HubFloor floor={props.floor} />
      <section class="card" aria-labelledby="tomorrow-title">
        <h2 id="tomorrow-title">{t('hub.tomorrow', { date: formatDay(tomorrow.date, locale) })}</h2>
        <dl class="figures">
          {figures.map(([label, value]) => (
            <div>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <DayMerchantLoad day={tomorrow} merchantNames={props.merchantNames} />
      </section>
      <section class="card" aria-labelledby="week-title">
        <h2 id="week-title">{t('hub.week')}</h2>
        <table class="week">
          <thead>
            <tr>
              <th scope="col">{t('hub.date')}</th>
              <th scope="col" class="num">
                {t('hub.capacity')}
              </th>
              <th scope="col" class="num">
                {t('hub.confirmed')}
              </th>
              <th scope="col" class="num">
                {t('hub.waitlisted')}
              </th>
              <th scope="col" class="num">
                {t('hub.remaining')}
              </th>
              <th scope="col" class="num">
                {t('hub.utilisation')}
              </th>
              <th scope="col">{t('hub.override')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr>
                <th scope="row">
                  <time datetime={d.date}>{formatDay(d.date, locale)}</time>
                </th>
                <td class="num">{formatCount(d.capacityUnits, locale)}</td>
                <td class="num">{formatCount(d.confirmedUnits, locale)}</td>
                <td class="num">{formatCount(d.waitlistedUnits, locale)}</td>
                <td class="num">{formatCount(d.capacityUnits - d.confirmedUnits, locale)}</td>
                <td class="num">{pct(d)}</td>
                <td>
                  <DayCapacityForm hubId={hub.id} date={d.date} capacity={d.capacityUnits} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="hint">{t('hub.override.hint')}</p>
      </section>
      <section class="card" aria-labelledby="merchants-title">
        <h2 id="merchants-title">{t('hub.perMerchant')}</h2>
        <WeekMerchantLoad days={days} merchantNames={props.merchantNames} />
      </section>
      <section class="card" aria-labelledby="override-title">
        <h2 id="override-title">{t('hub.override.other')}</h2>
        <CapacityForm hubId={hub.id} today={props.today} values={props.form} />
      </section>
    </>
  )
}
