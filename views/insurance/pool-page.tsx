import type { CashMonth } from '../../src/insurance/history'
import type { Claim } from '../../src/insurance/service'
import { formatFen } from '../../src/money'
import { Notice, type NoticeData } from '../components/notice'
import { CsrfField } from '../components/csrf-field'
import { Money } from '../components/money'
import { usePage } from '../context'
import { CashLineChart, FlowBarChart } from './charts'
import { formatShare } from './format'
import { PoolFigures, type PoolTotals } from './merchant-page'
import { formatCount, formatDate, formatMonth } from '../components/format'

export interface PayoutLine {
  claim: Claim
  merchantName: string
  outstandingFen: number
  payFen: number
}

export interface PayoutPreviewData extends PoolTotals {
  availableFen: number
  lines: PayoutLine[]
}

export type PayoutStep =
  | { step: 'start' }
  /** The second step: what is about to be paid, and the button that pays it. */
  | { step: 'confirm'; idempotencyKey: string }

export interface PoolPageProps {
  pool: PoolTotals
  /** Coordinators only: the history and the payout run. */
  coordinator?: {
    months: CashMonth[]
    preview: PayoutPreviewData
    payout: PayoutStep
    notice?: NoticeData
  }
}

/** How many months the charts show; the table below them has every month. */
const chartMonths = 12

/** The pool dashboard: totals for every member; history and payouts for coordinators. */
export function PoolPage({ pool, coordinator }: PoolPageProps) {
  const { t } = usePage()
  return (
    <>
      <h1>{t('insurance.pool.pageTitle')}</h1>
      <section class="card" aria-labelledby="pool-figures-title">
        <h2 id="pool-figures-title">{t('insurance.pool.now')}</h2>
        <PoolFigures pool={pool} availableFen={coordinator?.preview.availableFen} />
        <p class="hint">{t('insurance.pool.explain')}</p>
      </section>
      {coordinator && <History months={coordinator.months} />}
      {coordinator && (
        <PayoutSection
          preview={coordinator.preview}
          payout={coordinator.payout}
          notice={coordinator.notice}
        />
      )}
      {!coordinator && (
        <p>
          <a href="/insurance">{t('insurance.pool.backMerchant')}</a>
        </p>
      )}
    </>
  )
}

function History({ months }: { months: CashMonth[] }) {
  const { t, locale } = usePage()
  if (months.length === 0) {
    return (
      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('insurance.chart.cash.title')}</h2>
        <p class="muted">{t('insurance.chart.empty')}</p>
      </section>
    )
  }
  const shown = months.slice(-chartMonths)
  return (
    <>
      <div class="pool-charts">
        <section class="card" aria-labelledby="cash-chart-heading">
          <h2 id="cash-chart-heading">{t('insurance.chart.cash.title')}</h2>
          <CashLineChart months={shown} id="cash-chart" />
        </section>
        <section class="card" aria-labelledby="flows-chart-heading">
          <h2 id="flows-chart-heading">{t('insurance.chart.flows.title')}</h2>
          <FlowBarChart months={shown} id="flows-chart" />
        </section>
      </div>
      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('insurance.history.title')}</h2>
        <table class="pool-history">
          <thead>
            <tr>
              <th scope="col">{t('insurance.history.month')}</th>
              <th scope="col" class="num">
                {t('insurance.chart.premiums')}
              </th>
              <th scope="col" class="num">
                {t('insurance.chart.payouts')}
              </th>
              <th scope="col" class="num">
                {t('insurance.history.balance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...months].reverse().map((m) => (
              <tr>
                <th scope="row">{formatMonth(m.month, locale)}</th>
                <td class="num">
                  <Money fen={m.premiumsFen} />
                </td>
                <td class="num">
                  <Money fen={m.payoutsFen} />
                </td>
                <td class="num">
                  <Money fen={m.balanceFen} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  )
}

/**
 * The payout run: what each approved claim would receive now (pro rata when the cash above the
 * reserve does not cover everything), then a confirmation with a key generated here, so sending
 * the same confirmation twice pays once.
 */
export function PayoutSection(props: {
  preview: PayoutPreviewData
  payout: PayoutStep
  notice?: NoticeData
}) {
  const { t, locale } = usePage()
  const { preview } = props
  const owed = preview.lines.reduce((s, l) => s + l.outstandingFen, 0)
  const paying = preview.lines.reduce((s, l) => s + l.payFen, 0)
  const count = preview.lines.filter((l) => l.payFen > 0).length
  const short = paying < owed
  return (
    <section class="card" id="payout" aria-labelledby="payout-title">
      <h2 id="payout-title">{t('insurance.payout.title')}</h2>
      {props.notice && <Notice {...props.notice} />}
      <p class="hint">{t('insurance.payout.lead')}</p>
      {preview.lines.length === 0 ? (
        <p class="muted">{t('insurance.payout.none')}</p>
      ) : (
        <>
          {short && (
            <p class="notice notice--warn">
              {paying === 0
                ? t('insurance.payout.noCash', {
                    available: formatFen(preview.availableFen, locale),
                    owed: formatFen(owed, locale),
                  })
                : t('insurance.payout.short', {
                    available: formatFen(preview.availableFen, locale),
                    owed: formatFen(owed, locale),
                    share: formatShare(paying / owed, locale),
                  })}
            </p>
          )}
          <table class="payout-table">
            <caption class="visually-hidden">{t('insurance.payout.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insurance.payout.claim')}</th>
                <th scope="col">{t('insurance.payout.merchant')}</th>
                <th scope="col" class="num">
                  {t('insurance.payout.outstanding')}
                </th>
                <th scope="col" class="num">
                  {t('insurance.payout.payNow')}
                </th>
                <th scope="col" class="num">
                  {t('insurance.payout.remaining')}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.lines.map((l) => (
                <tr id={`payout-${l.claim.id}`}>
                  <td data-label={t('insurance.payout.claim')}>
                    <a href={`/insurance/claims/${l.claim.id}`}>
                      {t('insurance.payout.claimOf', {
                        date: formatDate(l.claim.lossDate, locale),
                      })}
                    </a>
                  </td>
                  <th scope="row" data-label={t('insurance.payout.merchant')}>
                    {l.merchantName}
                  </th>
                  <td class="num" data-label={t('insurance.payout.outstanding')}>
                    <Money fen={l.outstandingFen} />
                  </td>
                  <td class="num payout-table__pay" data-label={t('insurance.payout.payNow')}>
                    <Money fen={l.payFen} />
                  </td>
                  <td class="num" data-label={t('insurance.payout.remaining')}>
                    <Money fen={l.outstandingFen - l.payFen} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colspan={2}>
                  {t('insurance.payout.total')}
                </th>
                <td class="num" data-label={t('insurance.payout.outstanding')}>
                  <Money fen={owed} />
                </td>
                <td class="num" data-label={t('insurance.payout.payNow')}>
                  <Money fen={paying} />
                </td>
                <td class="num" data-label={t('insurance.payout.remaining')}>
                  <Money fen={owed - paying} />
                </td>
              </tr>
            </tfoot>
          </table>
        </>
      )}
      {paying > 0 && props.payout.step === 'start' && (
        <form
          method="get"
          action="/insurance/pool/payout"
          hx-get="/insurance/pool/payout"
          hx-target="#payout"
          hx-swap="outerHTML"
          class="payout__start"
        >
          <button type="submit" class="button button--primary">
            {t('insurance.payout.run')}
          </button>
        </form>
      )}
      {paying > 0 && props.payout.step === 'confirm' && (
        <form
          method="post"
          action="/insurance/payouts"
          class="payout__confirm"
          role="group"
          aria-labelledby="payout-confirm-title"
        >
          <h3 id="payout-confirm-title">{t('insurance.payout.confirmTitle')}</h3>
          <p>
            {t('insurance.payout.confirmText', {
              amount: formatFen(paying, locale),
              claims: formatCount(count, locale),
              left: formatFen(preview.balanceFen - paying, locale),
            })}
          </p>
          <p class="notice notice--warn">{t('insurance.payout.final')}</p>
          <CsrfField />
          <input type="hidden" name="idempotencyKey" value={props.payout.idempotencyKey} />
          <input type="hidden" name="expectedFen" value={String(paying)} />
          <div class="payout__actions">
            <button type="submit" class="button button--danger" id="payout-confirm">
              {t('insurance.payout.confirm', { amount: formatFen(paying, locale) })}
            </button>
            <a class="button" href="/insurance/pool#payout">
              {t('insurance.payout.cancel')}
            </a>
          </div>
        </form>
      )}
    </section>
  )
}
