import type { Station } from '../../src/network/service'
import { formatList } from '../components/format'
import { Money } from '../components/money'
import { usePage } from '../context'

export function StationTable({ stations }: { stations: Station[] }) {
  const { t, locale } = usePage()
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('table.number')}</th>
          <th scope="col">{t('table.name')}</th>
          <th scope="col">{t('table.store')}</th>
          <th scope="col">{t('table.province')}</th>
          <th scope="col">{t('table.address')}</th>
          <th scope="col">{t('table.hours')}</th>
          <th scope="col">{t('table.services')}</th>
          <th scope="col">{t('table.commission')}</th>
        </tr>
      </thead>
      <tbody>
        {stations.map((s, i) => (
          <tr>
            <td class="nowrap">{i + 1}</td>
            <td>{s.name}</td>
            <td>{s.storeName}</td>
            <td>{s.province}</td>
            <td>{s.address}</td>
            <td class="nowrap">{s.openingHours}</td>
            <td>
              {formatList(
                s.services.map((code) => t(`service.${code}`)),
                locale,
                'unit',
              )}
            </td>
            <td>
              <Money fen={s.commissionFen} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
