import type { Hub } from '../../src/network/service'
import { usePage } from '../context'
import { formatCount } from '../components/format'
import { localizedName } from '../../src/i18n/localized-name'

export function HubTable({ hubs }: { hubs: Hub[] }) {
  const { t, locale } = usePage()
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('table.name')}</th>
          <th scope="col">{t('table.city')}</th>
          <th scope="col">{t('table.capacity')}</th>
        </tr>
      </thead>
      <tbody>
        {hubs.map((h) => (
          <tr>
            <td>{localizedName(h, locale)}</td>
            <td>{locale === 'en' ? h.city : h.cityZh}</td>
            <td>{t('units.perDay', { units: formatCount(h.dailyCapacityUnits, locale) })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
