import type { Station } from '../../src/network/service'
import type { StatementRow } from '../../src/settlement/listing'
import type { SettlementLine } from '../../src/settlement/service'
import { Money } from '../components/money'
import { usePage } from '../context'
import { type Names } from './format'
import { PaidState } from './statements-section'
import { formatCount, formatMonth } from '../components/format'

export interface CommissionMonth {
  month: string
  status: 'OPEN' | 'CLOSED'
  totalFen: number
  parcels: number
  /** The station's commission lines, one per merchant whose parcels it checked in. */
  lines: SettlementLine[]
  statement?: StatementRow
}

/** A station's commissions by month: settled months with payment, the current one so far. */
export function CommissionsPage(props: {
  stationId: string
  names: Names
  months: CommissionMonth[]
}) {
  const { t, locale } = usePage()
  const { names } = props
  return (
    <>
      <h1>
        {t('settlement.commissions.title')} · {names.station(props.stationId)}
      </h1>
      <p class="hint">{t('settlement.commissions.lead')}</p>
      {/* Focusable so that a keyboard can scroll the table sideways on a phone. */}
      <section class="card" tabindex={0} aria-label={t('settlement.commissions.title')}>
        <table class="commissions">
          <thead>
            <tr>
              <th scope="col">{t('settlement.history.month')}</th>
              <th scope="col">{t('settlement.statementsPage.status')}</th>
              <th scope="col" class="num">
                {t('settlement.commissions.parcels')}
              </th>
              <th scope="col" class="num">
                {t('settlement.statements.earned')}
              </th>
              <th scope="col">{t('settlement.statements.paid')}</th>
            </tr>
          </thead>
          {props.months.map((m) => {
            const label = formatMonth(m.month, locale)
            return (
              <tbody id={`commissions-${m.month}`}>
                <tr>
                  <th scope="row">{label}</th>
                  <td>
                    <span
                      class={m.status === 'CLOSED' ? 'badge badge--closed' : 'badge badge--open'}
                    >
                      {t(
                        m.status === 'CLOSED'
                          ? 'settlement.status.CLOSED'
                          : 'settlement.commissions.soFar',
                      )}
                    </span>
                  </td>
                  <td class="num">{formatCount(m.parcels, locale)}</td>
                  <td class="num">
                    <strong>
                      <Money fen={m.totalFen} />
                    </strong>
                  </td>
                  <td>
                    {m.statement ? (
                      <PaidState row={m.statement} />
                    ) : (
                      <span class="muted">{t('settlement.paid.notYet')}</span>
                    )}
                  </td>
                </tr>
                {m.lines.length > 0 && (
                  <tr class="drill">
                    <td colspan={5}>
                      <details>
                        <summary>
                          {t('settlement.commissions.byMerchant', {
                            count: formatCount(m.lines.length, locale),
                          })}
                          <span class="visually-hidden"> — {label}</span>
                        </summary>
                        <table>
                          <thead>
                            <tr>
                              <th scope="col">{t('settlement.preview.merchant')}</th>
                              <th scope="col" class="num">
                                {t('settlement.commissions.parcels')}
                              </th>
                              <th scope="col" class="num">
                                {t('settlement.statements.earned')}
                              </th>
                            </tr>
                          </thead>
                          <tbody>
                            {m.lines.map((l) => (
                              <tr>
                                <th scope="row">{names.merchant(l.merchantId)}</th>
                                <td class="num">{formatCount(l.basis.mine, locale)}</td>
                                <td class="num">
                                  <Money fen={l.amountFen} />
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </details>
                    </td>
                  </tr>
                )}
              </tbody>
            )
          })}
        </table>
        {props.months.length === 0 && <p class="muted">{t('settlement.commissions.empty')}</p>}
      </section>
    </>
  )
}

/** For coordinators arriving without a station: whose commissions to open. */
export function StationChooser({ stations }: { stations: Station[] }) {
  const { t } = usePage()
  return (
    <>
      <h1>{t('settlement.commissions.title')}</h1>
      <section class="card">
        <h2>{t('settlement.commissions.choose')}</h2>
        <ul class="links columns">
          {stations.map((s) => (
            <li>
              <a href={`/commissions?${new URLSearchParams({ station: s.id })}`}>
                {s.name} · {s.city}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
