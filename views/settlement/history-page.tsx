import type { ClosedMonth } from '../../src/settlement/listing'
import { Money } from '../components/money'
import { usePage } from '../context'
import { settlementHref } from './format'
import { formatCount, formatInstant, formatMonth } from '../components/format'

/** Every closed month with its totals, when it was closed and how much of it is paid. */
export function HistoryPage({ months, current }: { months: ClosedMonth[]; current: string }) {
  const { t, locale } = usePage()
  return (
    <>
      <h1>{t('settlement.history.title')}</h1>
      <p>
        <a href={settlementHref(current)}>{t('settlement.history.back')}</a>
      </p>
      <section class="card">
        {months.length === 0 ? (
          <p class="muted">{t('settlement.history.empty')}</p>
        ) : (
          <table class="history">
            <thead>
              <tr>
                <th scope="col">{t('settlement.history.month')}</th>
                <th scope="col" class="num">
                  {t('settlement.summary.total')}
                </th>
                <th scope="col" class="num">
                  {t('settlement.history.costs')}
                </th>
                <th scope="col">{t('settlement.history.closedAt')}</th>
                <th scope="col">{t('settlement.history.closedBy')}</th>
                <th scope="col" class="num">
                  {t('settlement.history.paid')}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr>
                  <th scope="row">
                    <a href={settlementHref(m.month)}>{formatMonth(m.month, locale)}</a>
                  </th>
                  <td class="num">
                    <Money fen={m.totalFen} />
                  </td>
                  <td class="num">
                    <Money fen={m.costTotalFen} />
                  </td>
                  <td>
                    <time datetime={m.closedAt}>{formatInstant(m.closedAt, locale)}</time>
                  </td>
                  <td>{m.closedByName}</td>
                  <td class="num">
                    {t('settlement.history.paidOf', {
                      paid: formatCount(m.paid, locale),
                      count: formatCount(m.statements, locale),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
