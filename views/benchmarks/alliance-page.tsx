import { dimensions, type Dimension } from '../../src/benchmarks/methodology'
import type { CohortRow, Publication } from '../../src/benchmarks/published'
import { nextMonth } from '../../src/calendar/local-date'
import { MonthNav } from '../components/month-nav'
import { Notice, type NoticeData } from '../components/notice'
import { usePage } from '../context'
import { BandChart } from './band-chart'
import {
  benchmarksHref,
  cohortLabel,
  cohorts,
  formatScore,
  publishHref,
  type Cohort,
} from './format'
import { shortReason, Withheld } from './withheld'
import { formatCount, formatInstantDate, formatMonth } from '../components/format'

export interface AlliancePageProps {
  month: string
  publication: Publication | null
  rows: CohortRow[]
  /** Whether the month has ended (and so could be published). */
  finished: boolean
  notice?: NoticeData
}

const order = ['OVERALL', ...dimensions] as const

/**
 * The coordinator's alliance view of a month: per cohort and dimension, the published quartiles
 * or the reason they are withheld. It has no merchant's own figures to show: none are read.
 */
export function AlliancePage(props: AlliancePageProps) {
  const { t, locale } = usePage()
  const { month, publication } = props
  const label = formatMonth(month, locale)
  return (
    <>
      <h1>{t('benchmarks.alliance.title')}</h1>
      <p class="hint">
        {t('benchmarks.alliance.lead')}{' '}
        <a href="/benchmarks/methodology">{t('benchmarks.methodologyLink')}</a>
      </p>
      {props.notice && <Notice {...props.notice} />}
      <div class="toolbar">
        <MonthNav month={month} href={(m) => benchmarksHref(m)} />
        <a class="button" href={publishHref()}>
          {t('benchmarks.alliance.publishLink')}
        </a>
      </div>
      {!publication ? (
        <section class="card" aria-labelledby="alliance-month">
          <h2 id="alliance-month">{t('benchmarks.alliance.month', { month: label })}</h2>
          <Withheld reason="NOT_PUBLISHED" month={month} />
          {props.finished ? (
            <p>
              <a class="button button--primary" href={publishHref(month)}>
                {t('benchmarks.alliance.publishThis', { month: label })}
              </a>
            </p>
          ) : (
            <p class="muted">
              {t('benchmarks.alliance.notFinished', {
                month: label,
                from: formatMonth(nextMonth(month), locale),
              })}
            </p>
          )}
        </section>
      ) : (
        <>
          <p>
            {t('benchmarks.alliance.published', {
              date: formatInstantDate(publication.publishedAt, locale),
              version: publication.methodologyVersion,
              k: publication.k,
            })}
          </p>
          {cohorts.map((cohort) => (
            <CohortSection
              cohort={cohort}
              month={month}
              k={publication.k}
              rows={order
                .map((d) => props.rows.find((r) => r.cohort === cohort && r.dimension === d))
                .filter((r): r is CohortRow => r !== undefined)}
            />
          ))}
        </>
      )}
    </>
  )
}

/**
 * One cohort: a row per dimension with its quartiles and a small chart, or the reason it is
 * withheld; a cohort withheld throughout says so once.
 */
function CohortSection(props: { cohort: Cohort; month: string; k: number; rows: CohortRow[] }) {
  const { t, locale } = usePage()
  const { cohort, month, k, rows } = props
  const reason = (r: CohortRow) => shortReason({ t, locale }, r.suppressedReason!, month, k)
  const withheld = (r: CohortRow) => r.suppressedReason !== null || r.median === null
  const reasons = new Set(rows.map((r) => r.suppressedReason))
  const allWithheld = rows.every(withheld) && reasons.size === 1
  return (
    <section class="card cohort" aria-labelledby={`cohort-${cohort}`}>
      <h2 id={`cohort-${cohort}`}>
        {cohortLabel(t, cohort)} · {formatMonth(month, locale)}
      </h2>
      {allWithheld ? (
        <Withheld reason={rows[0]!.suppressedReason!} month={month} k={k} own={false} />
      ) : (
        <table class="cohort__table">
          <colgroup>
            <col class="cohort__dimension" />
            <col class="cohort__figure" />
            <col class="cohort__figure" />
            <col class="cohort__figure" />
            <col class="cohort__figure" />
            <col class="cohort__spread" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('benchmarks.table.dimension')}</th>
              <th scope="col" class="num">
                {t('benchmarks.table.size')}
              </th>
              <th scope="col" class="num">
                {t('benchmarks.table.p25')}
              </th>
              <th scope="col" class="num">
                {t('benchmarks.table.median')}
              </th>
              <th scope="col" class="num">
                {t('benchmarks.table.p75')}
              </th>
              <th scope="col">{t('benchmarks.table.spread')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const name = t(`benchmarks.dimension.${row.dimension as Dimension | 'OVERALL'}`)
              if (withheld(row)) {
                return (
                  <tr class="cohort__row--withheld">
                    <th scope="row">{name}</th>
                    <td colspan={5} class="cohort__reason">
                      {reason(row)}
                    </td>
                  </tr>
                )
              }
              return (
                <tr>
                  <th scope="row">{name}</th>
                  <td class="num">{formatCount(row.size, locale)}</td>
                  <td class="num">{formatScore(row.p25!, locale)}</td>
                  <td class="num">{formatScore(row.median!, locale)}</td>
                  <td class="num">{formatScore(row.p75!, locale)}</td>
                  <td class="cohort__chart">
                    <BandChart
                      id={`q-${cohort}-${row.dimension}`.toLowerCase()}
                      small
                      title={t('benchmarks.chart.titleCohort', { dimension: name })}
                      figure={{ p25: row.p25!, median: row.median!, p75: row.p75! }}
                    />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
