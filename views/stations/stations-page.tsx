import type { Station } from '../../src/network/service'
import { CsrfField } from '../components/csrf-field'
import { Money } from '../components/money'
import { usePage } from '../context'
import { Notice } from '../components/notice'
import { formatCount, formatList } from '../components/format'

export type StatusFilter = 'all' | 'active' | 'inactive'

export interface StationsPageProps {
  stations: Station[]
  provinces: string[]
  status: StatusFilter
  province?: string
  notice?: string
}

/** Every station of the alliance for coordinators: filters, and add, edit, deactivate. */
export function StationsPage(props: StationsPageProps) {
  const { t, locale } = usePage()
  return (
    <>
      <h1>{t('stationAdmin.title')}</h1>
      <p class="hint">{t('stationAdmin.lead')}</p>
      {props.notice && <Notice tone="ok" text={props.notice} />}
      <div class="toolbar">
        <Filters {...props} />
        <a class="button button--primary" href="/admin/stations/new">
          {t('stationAdmin.new')}
        </a>
      </div>
      <section class="card" aria-labelledby="stations-count">
        <h2 id="stations-count">
          {t('stationAdmin.count', { count: formatCount(props.stations.length, locale) })}
        </h2>
        {props.stations.length === 0 ? (
          <p class="muted">{t('stationAdmin.none')}</p>
        ) : (
          <StationRows {...props} />
        )}
      </section>
    </>
  )
}

function Filters({ provinces, status, province }: StationsPageProps) {
  const { t } = usePage()
  const statuses: StatusFilter[] = ['all', 'active', 'inactive']
  return (
    <form method="get" action="/admin/stations" class="filters">
      <label for="filter-status">{t('stationAdmin.filter.status')}</label>
      <select id="filter-status" name="status">
        {statuses.map((s) => (
          <option value={s} selected={s === status}>
            {t(`stationAdmin.filter.${s}`)}
          </option>
        ))}
      </select>
      <label for="filter-province">{t('stationAdmin.filter.province')}</label>
      <select id="filter-province" name="province">
        <option value="">{t('stationAdmin.filter.anyProvince')}</option>
        {provinces.map((p) => (
          <option value={p} selected={p === province}>
            {p}
          </option>
        ))}
      </select>
      <button type="submit">{t('stationAdmin.filter.submit')}</button>
    </form>
  )
}

function StationRows({ stations, status, province }: StationsPageProps) {
  const { t, locale } = usePage()
  return (
    <table class="stations-admin">
      <thead>
        <tr>
          <th scope="col">{t('stationAdmin.col.name')}</th>
          <th scope="col">{t('stationAdmin.col.place')}</th>
          <th scope="col">{t('stationAdmin.col.hours')}</th>
          <th scope="col">{t('stationAdmin.col.services')}</th>
          <th scope="col" class="num">
            {t('stationAdmin.col.commission')}
          </th>
          <th scope="col" class="num">
            {t('stationAdmin.col.large')}
          </th>
          <th scope="col">{t('stationAdmin.col.status')}</th>
          <th scope="col">{t('stationAdmin.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {stations.map((s) => (
          <tr id={`station-${s.id}`} class={s.active ? undefined : 'station--inactive'}>
            <th scope="row">
              {s.name}
              <span class="muted stations-admin__store">{s.storeName}</span>
            </th>
            <td>
              {s.city === s.province
                ? s.city
                : t('stationAdmin.place', { city: s.city, province: s.province })}
            </td>
            <td class="nowrap">{s.openingHours}</td>
            <td>
              {formatList(
                s.services.map((code) => t(`service.${code}`)),
                locale,
              )}
            </td>
            <td class="num">
              <Money fen={s.commissionFen} />
            </td>
            <td class="num">
              <Money fen={s.largeItemCommissionFen} />
            </td>
            <td>
              <span class={`badge badge--station-${s.active ? 'active' : 'inactive'}`}>
                {t(s.active ? 'stationAdmin.status.active' : 'stationAdmin.status.inactive')}
              </span>
            </td>
            <td class="stations-admin__actions">
              <a href={`/admin/stations/${s.id}`}>
                {t('stationAdmin.edit')}
                <span class="visually-hidden"> {s.name}</span>
              </a>
              <form method="post" action={`/admin/stations/${s.id}/active`} class="inline-form">
                <CsrfField />
                <input type="hidden" name="active" value={s.active ? 'false' : 'true'} />
                <input type="hidden" name="status" value={status} />
                {province && <input type="hidden" name="province" value={province} />}
                <button type="submit">
                  {t(s.active ? 'stationAdmin.deactivate' : 'stationAdmin.reactivate')}
                  <span class="visually-hidden"> {s.name}</span>
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
