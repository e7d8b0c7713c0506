import type { Merchant } from '../../src/network/service'
import type { StatementRow } from '../../src/settlement/listing'
import { Money } from '../components/money'
import { usePage } from '../context'
import { statementCsvHref, statementHref, type Names } from './format'
import { PaidState } from './statements-section'
import { formatMonth } from '../components/format'

export interface StatementMonth {
  month: string
  status: 'OPEN' | 'CLOSED'
  totalFen: number
  /** The stored statement of a closed month (with its payment). */
  statement?: StatementRow
}

/** A merchant's statements by month: closed ones with payment, open ones as a live preview. */
export function StatementsPage(props: {
  merchantId: string
  /** Set when a coordinator looks at a merchant's statements (links carry the merchant). */
  forCoordinator: boolean
  names: Names
  months: StatementMonth[]
}) {
  const { t, locale } = usePage()
  const who = props.forCoordinator ? props.merchantId : undefined
  return (
    <>
      <h1>
        {t('settlement.statementsPage.title')}
        {props.forCoordinator && <> · {props.names.merchant(props.merchantId)}</>}
      </h1>
      <p class="hint">{t('settlement.statementsPage.lead')}</p>
      <section class="card">
        <table class="statement-months">
          <thead>
            <tr>
              <th scope="col">{t('settlement.history.month')}</th>
              <th scope="col">{t('settlement.statementsPage.status')}</th>
              <th scope="col" class="num">
                {t('settlement.statements.total')}
              </th>
              <th scope="col">{t('settlement.statements.paid')}</th>
              <th scope="col">{t('settlement.statementsPage.download')}</th>
            </tr>
          </thead>
          <tbody>
            {props.months.map((m) => {
              const label = formatMonth(m.month, locale)
              return (
                <tr>
                  <th scope="row">
                    <a href={statementHref(m.month, who)}>{label}</a>
                  </th>
                  <td>
                    <span
                      class={m.status === 'CLOSED' ? 'badge badge--closed' : 'badge badge--open'}
                    >
                      {t(
                        m.status === 'CLOSED'
                          ? 'settlement.status.CLOSED'
                          : 'settlement.statementsPage.live',
                      )}
                    </span>
                  </td>
                  <td class="num">
                    <Money fen={m.totalFen} />
                  </td>
                  <td>{m.statement ? <PaidState row={m.statement} /> : '—'}</td>
                  <td>
                    <a href={statementCsvHref(m.month, who)}>
                      CSV<span class="visually-hidden"> — {label}</span>
                    </a>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
    </>
  )
}

/** For coordinators arriving without a merchant: whose statements to open. */
export function MerchantChooser({ merchants, names }: { merchants: Merchant[]; names: Names }) {
  const { t } = usePage()
  return (
    <>
      <h1>{t('settlement.statementsPage.title')}</h1>
      <section class="card">
        <h2>{t('settlement.statementsPage.choose')}</h2>
        <ul class="links columns">
          {merchants.map((m) => (
            <li>
              <a href={`/statements?${new URLSearchParams({ merchant: m.id })}`}>
                {names.merchant(m.id)}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
