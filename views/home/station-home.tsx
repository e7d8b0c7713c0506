import type { Station } from '../../src/network/service'
import { formatFen } from '../../src/money'
import { usePage } from '../context'

export function StationHome({ station }: { station: Station }) {
  const { t, locale } = usePage()
  return (
    <>
      <section class="card">
        <h2>{t('home.station.profile')}</h2>
        <p class="lead">
          {station.name} · {station.storeName}
        </p>
        <p>{station.address}</p>
        {!station.active && <p class="alert alert--warn">{t('home.station.inactive')}</p>}
        <p>{t('home.station.hours', { hours: station.openingHours })}</p>
        <p>
          {t('home.station.commission', {
            amount: formatFen(station.commissionFen, locale),
            large: formatFen(station.largeItemCommissionFen, locale),
          })}
        </p>
        <h3>{t('home.station.services')}</h3>
        <ul>
          {station.services.map((s) => (
            <li>{t(`service.${s}`)}</li>
          ))}
        </ul>
      </section>
      <section class="card">
        <h2>{t('home.next')}</h2>
        <p>{t('home.station.next')}</p>
        <p>
          <a class="button button--primary" href="/station">
            {t('returns.home.console')}
          </a>
        </p>
        <p>
          <a href="/station/details">{t('stationDetails.homeLink')}</a>
        </p>
        <p>
          <a href="/commissions">{t('settlement.home.commissions')}</a>
        </p>
      </section>
    </>
  )
}
