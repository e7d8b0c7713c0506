import type { Hub } from '../../src/network/service'
import { usePage } from '../context'
import { formatCount } from '../components/format'
import { localizedName } from '../../src/i18n/localized-name'

export function HubHome({ hub }: { hub: Hub }) {
  const { t, locale } = usePage()
  return (
    <>
      <section class="card">
        <h2>{t('home.hub.profile')}</h2>
        <p class="lead">{localizedName(hub, locale)}</p>
        <p>{t('home.hub.capacity', { units: formatCount(hub.dailyCapacityUnits, locale) })}</p>
      </section>
      <section class="card">
        <h2>{t('home.next')}</h2>
        <p>{t('home.hub.next')}</p>
        <ul class="links">
          <li>
            <a href="/runs">{t('runs.homeLink')}</a>
          </li>
          <li>
            <a href="/inspect">{t('inspection.home.inspect')}</a>
          </li>
          <li>
            <a href="/hub">{t('home.hub.load')}</a>
          </li>
        </ul>
      </section>
    </>
  )
}
