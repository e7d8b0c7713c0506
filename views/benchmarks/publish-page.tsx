import { DOMINANCE_LIMIT } from '../../src/benchmarks/methodology'
import type { Publication } from '../../src/benchmarks/published'
import { Notice, type NoticeData } from '../components/notice'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { benchmarksHref, formatShare, publishHref } from './format'
import { formatInstantDate, formatMonth } from '../components/format'

export interface PublishPageProps {
  months: { month: string; publication: Publication | null }[]
  /** The month whose confirmation is shown (a finished, unpublished one). */
  confirm?: string
  /** The k a publication made now would use. */
  k: number
  notice?: NoticeData
}

/**
 * The coordinator's publishing page: the finished months, published or not, and for the one
 * chosen a confirmation that says what publishing freezes. The button posts a plain form.
 */
export function PublishPage(props: PublishPageProps) {
  const { t, locale } = usePage()
  const confirm = props.confirm
  return (
    <>
      <h1>{t('benchmarks.publish.title')}</h1>
      <p class="hint">
        {t('benchmarks.publish.lead')}{' '}
        <a href="/benchmarks/methodology">{t('benchmarks.methodologyLink')}</a>
      </p>
      {props.notice && <Notice {...props.notice} />}
      {confirm && (
        <section class="card publish-confirm" aria-labelledby="publish-confirm-title">
          <form method="post" action="/benchmarks/publish">
            <h2 id="publish-confirm-title">
              {t('benchmarks.publish.confirmTitle', { month: formatMonth(confirm, locale) })}
            </h2>
            <p>{t('benchmarks.publish.confirmBody', { month: formatMonth(confirm, locale) })}</p>
            <p class="notice notice--warn">
              {t('benchmarks.publish.confirmRules', {
                k: props.k,
                percent: formatShare(DOMINANCE_LIMIT, locale),
              })}
            </p>
            <CsrfField />
            <input type="hidden" name="month" value={confirm} />
            <div class="publish-confirm__actions">
              <button type="submit" class="button button--primary">
                {t('benchmarks.publish.confirm', { month: formatMonth(confirm, locale) })}
              </button>
              <a class="button" href={publishHref()}>
                {t('benchmarks.publish.cancel')}
              </a>
            </div>
          </form>
        </section>
      )}
      <section class="card" aria-labelledby="publish-months">
        <h2 id="publish-months">{t('benchmarks.publish.months')}</h2>
        <table class="publish-months">
          <thead>
            <tr>
              <th scope="col">{t('benchmarks.publish.month')}</th>
              <th scope="col">{t('benchmarks.publish.status')}</th>
              <th scope="col">{t('benchmarks.publish.action')}</th>
            </tr>
          </thead>
          <tbody>
            {props.months.map(({ month, publication }) => (
              <tr aria-current={month === confirm ? 'true' : undefined}>
                <th scope="row">{formatMonth(month, locale)}</th>
                <td>
                  {publication
                    ? t('benchmarks.publish.status.published', {
                        date: formatInstantDate(publication.publishedAt, locale),
                      })
                    : t('benchmarks.publish.status.open')}
                </td>
                <td>
                  {publication ? (
                    <a href={benchmarksHref(month)}>{t('benchmarks.publish.view')}</a>
                  ) : (
                    <a class="button" href={publishHref(month)}>
                      {t('benchmarks.publish.start')}
                      <span class="visually-hidden"> {formatMonth(month, locale)}</span>
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  )
}
