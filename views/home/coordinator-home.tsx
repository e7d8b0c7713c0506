import type { Hub, Merchant, Station } from '../../src/network/service'
import { usePage } from '../context'
import { formatCount } from '../components/format'
import { localizedName } from '../../src/i18n/localized-name'

interface CoordinatorHomeProps {
  merchants: Merchant[]
  hubs: Hub[]
  stations: Station[]
}

export function CoordinatorHome({ merchants, hubs, stations }: CoordinatorHomeProps) {
  const { t, locale } = usePage()
  const capacity = hubs.reduce((sum, h) => sum + h.dailyCapacityUnits, 0)
  const figures = [
    [t('home.coordinator.merchants'), merchants.length],
    [t('home.coordinator.hubs'), hubs.length],
    [t('home.coordinator.stations'), stations.filter((s) => s.active).length],
    [t('home.coordinator.capacity'), capacity],
  ] as const
  return (
    <>
      <section class="card">
        <h2>{t('home.coordinator.overview')}</h2>
        <dl class="figures">
          {figures.map(([label, value]) => (
            <div>
              <dt>{label}</dt>
              <dd>{formatCount(value, locale)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section class="card">
        <h2>{t('home.next')}</h2>
        <p>{t('home.coordinator.next')}</p>
        <ul class="links">
          <li>
            <a href="/settlement">{t('settlement.home.settle')}</a>
          </li>
          <li>
            <a href="/settlement/history">{t('settlement.home.history')}</a>
          </li>
          <li>
            <a href="/insurance/claims">{t('insurance.home.claims')}</a>
          </li>
          <li>
            <a href="/insurance/pool">{t('insurance.home.pool')}</a>
          </li>
          <li>
            <a href="/benchmarks">{t('benchmarks.home.coordinator')}</a>
          </li>
          <li>
            <a href="/utilisation">{t('home.coordinator.utilisation')}</a>
          </li>
          <li>
            <a href="/hub">{t('home.coordinator.hubLoad')}</a>
          </li>
          <li>
            <a href="/service-levels">{t('inspection.home.serviceLevels')}</a>
          </li>
          <li>
            <a href="/inspect">{t('inspection.home.inspect')}</a>
          </li>
          <li>
            <a href="/runs">{t('runs.homeLink')}</a>
          </li>
          <li>
            <a href="/admin/stations">{t('stationAdmin.homeLink')}</a>
          </li>
          <li>
            <a href="/admin/staff">{t('staff.home.verify')}</a>
          </li>
        </ul>
      </section>
      <section class="card">
        <h2>{t('home.coordinator.merchants')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('table.name')}</th>
              <th scope="col">{t('table.category')}</th>
            </tr>
          </thead>
          <tbody>
            {merchants.map((m) => (
              <tr>
                <td>{localizedName(m, locale)}</td>
                <td>{t(`category.${m.category}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  )
}
