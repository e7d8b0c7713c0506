import { claimStatuses, type ClaimStatus } from '../../db/schema'
import type { Claim } from '../../src/insurance/service'
import { Money } from '../components/money'
import { usePage } from '../context'
import { ReturnCode } from '../returns/bits'
import { ClaimStatusBadge } from './bits'
import { formatCount, formatDate, formatInstant } from '../components/format'

export interface QueueRow {
  claim: Claim
  merchantName: string
  returnCode: string | null
  evidenceCount: number
}

export interface QueuePageProps {
  rows: QueueRow[]
  status?: ClaimStatus
  /** Across every status, whatever the filter. */
  counts: { waiting: number; unpaid: number; unpaidFen: number }
}

/** The coordinators' claims queue: what waits for a decision first, oldest first. */
export function QueuePage({ rows, status, counts }: QueuePageProps) {
  const { t, locale } = usePage()
  return (
    <>
      <div class="toolbar">
        <h1>{t('insurance.queue.title')}</h1>
        <a class="button" href="/insurance/pool">
          {t('insurance.queue.pool')}
        </a>
      </div>
      <dl class="figures">
        <div>
          <dt>{t('insurance.queue.waiting')}</dt>
          <dd>{formatCount(counts.waiting, locale)}</dd>
        </div>
        <div>
          <dt>{t('insurance.queue.unpaid')}</dt>
          <dd>{formatCount(counts.unpaid, locale)}</dd>
        </div>
        <div>
          <dt>{t('insurance.queue.unpaidFen')}</dt>
          <dd>
            <Money fen={counts.unpaidFen} />
          </dd>
        </div>
      </dl>
      <form class="filter" method="get" action="/insurance/claims">
        <label for="claim-status-filter">{t('insurance.queue.filter')}</label>
        <select id="claim-status-filter" name="status">
          <option value="" selected={!status}>
            {t('insurance.queue.all')}
          </option>
          {claimStatuses.map((s) => (
            <option value={s} selected={s === status}>
              {t(`insurance.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('insurance.queue.apply')}</button>
      </form>
      <section class="card">
        {rows.length === 0 ? (
          <p class="muted">
            {status ? t('insurance.queue.emptyFiltered') : t('insurance.queue.empty')}
          </p>
        ) : (
          <table class="claims-table claims-queue">
            <caption class="visually-hidden">{t('insurance.queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insurance.queue.filed')}</th>
                <th scope="col">{t('insurance.queue.merchant')}</th>
                <th scope="col">{t('insurance.claims.lossDate')}</th>
                <th scope="col" class="num">
                  {t('insurance.claims.amount')}
                </th>
                <th scope="col">{t('insurance.claims.status')}</th>
                <th scope="col">{t('insurance.queue.return')}</th>
                <th scope="col" class="num">
                  {t('insurance.queue.evidence')}
                </th>
                <th scope="col">
                  <span class="visually-hidden">{t('insurance.queue.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ claim: c, merchantName, returnCode, evidenceCount }) => (
                <tr
                  class={
                    c.status === 'SUBMITTED' || c.status === 'UNDER_REVIEW' ? 'is-open' : undefined
                  }
                >
                  <td data-label={t('insurance.queue.filed')} class="nowrap">
                    <time datetime={c.createdAt}>{formatInstant(c.createdAt, locale)}</time>
                  </td>
                  <th scope="row" data-label={t('insurance.queue.merchant')}>
                    {merchantName}
                  </th>
                  <td data-label={t('insurance.claims.lossDate')} class="nowrap">
                    <time datetime={c.lossDate}>{formatDate(c.lossDate, locale)}</time>
                  </td>
                  <td class="num" data-label={t('insurance.claims.amount')}>
                    <Money fen={c.amountFen} />
                  </td>
                  <td data-label={t('insurance.claims.status')}>
                    <ClaimStatusBadge status={c.status} />
                  </td>
                  <td data-label={t('insurance.queue.return')}>
                    {returnCode ? <ReturnCode code={returnCode} /> : '—'}
                  </td>
                  <td class="num" data-label={t('insurance.queue.evidence')}>
                    {formatCount(evidenceCount, locale)}
                  </td>
                  <td>
                    <a href={`/insurance/claims/${c.id}`}>
                      {c.status === 'SUBMITTED' || c.status === 'UNDER_REVIEW'
                        ? t('insurance.queue.review')
                        : t('insurance.queue.view')}
                      <span class="visually-hidden">
                        {' '}
                        {t('insurance.queue.of', { merchant: merchantName })}
                      </span>
                    </a>
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
