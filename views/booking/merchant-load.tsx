import type { UtilisationDay } from '../../src/booking/service'
import { usePage } from '../context'
import { formatCount, formatDay, formatPercent, formatShortDay } from '../components/format'

interface LoadProps {
  days: UtilisationDay[]
  merchantNames: Map<string, string>
}

const unitsOf = (day: UtilisationDay, merchantId: string) =>
  day.perMerchant?.find((m) => m.merchantId === merchantId)?.units ?? 0

/** One day's confirmed units per merchant, largest first, with each one's share of capacity. */
export function DayMerchantLoad({
  day,
  merchantNames,
}: { day: UtilisationDay } & Omit<LoadProps, 'days'>) {
  const { t, locale } = usePage()
  const rows = [...(day.perMerchant ?? [])].sort((a, b) => b.units - a.units)
  if (rows.length === 0) return <p class="muted">{t('hub.noMerchants')}</p>
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('hub.merchant')}</th>
          <th scope="col" class="num">
            {t('hub.units')}
          </th>
          <th scope="col" class="num">
            {t('hub.share')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{merchantNames.get(r.merchantId) ?? r.merchantId}</th>
            <td class="num">{formatCount(r.units, locale)}</td>
            <td class="num">
              {day.capacityUnits > 0 ? formatPercent(r.units / day.capacityUnits, locale) : '—'}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('hub.total')}</th>
          <td class="num">{formatCount(day.confirmedUnits, locale)}</td>
          <td class="num">
            {day.capacityUnits > 0
              ? formatPercent(day.confirmedUnits / day.capacityUnits, locale)
              : '—'}
          </td>
        </tr>
      </tfoot>
    </table>
  )
}

/** Merchants × days of confirmed units over the coming week, with totals. */
export function WeekMerchantLoad({ days, merchantNames }: LoadProps) {
  const { t, locale } = usePage()
  const ids = [...new Set(days.flatMap((d) => d.perMerchant?.map((m) => m.merchantId) ?? []))]
  if (ids.length === 0) return <p class="muted">{t('hub.noMerchants')}</p>
  const total = (id: string) => days.reduce((sum, d) => sum + unitsOf(d, id), 0)
  ids.sort((a, b) => total(b) - total(a))
  return (
    <table class="matrix">
      <thead>
        <tr>
          <th scope="col">{t('hub.merchant')}</th>
          {days.map((d) => (
            <th scope="col" class="num">
              <abbr title={formatDay(d.date, locale)}>
                <time datetime={d.date}>{formatShortDay(d.date, locale)}</time>
              </abbr>
            </th>
          ))}
          <th scope="col" class="num">
            {t('hub.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {ids.map((id) => (
          <tr>
            <th scope="row">{merchantNames.get(id) ?? id}</th>
            {days.map((d) => {
              const units = unitsOf(d, id)
              return <td class={units ? 'num' : 'num muted'}>{formatCount(units, locale)}</td>
            })}
            <td class="num">
              <strong>{formatCount(total(id), locale)}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
