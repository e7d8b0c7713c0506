import type { Category } from '../../db/schema'
import { band, dimensions, thresholds, type Dimension } from '../../src/benchmarks/methodology'
import { TREND_MONTHS, type TrendPoint } from '../../src/benchmarks/published'
import type { BenchmarkReport } from '../../src/benchmarks/service'
import { MonthNav } from '../components/month-nav'
import { Notice, type NoticeData } from '../components/notice'
import { usePage } from '../context'
import { BandChart, type Quartiles } from './band-chart'
import { CohortPicker } from './cohort-picker'
import {
  benchmarksHref,
  cohortLabel,
  formatFigure,
  formatScore,
  formatShare,
  type Cohort,
} from './format'
import { ReturnCredit } from './return-credit'
import { Stars } from './stars'
import { TrendChart } from './trend-chart'
import { shortReason, Withheld } from './withheld'
import { formatCount, formatMonth } from '../components/format'

export interface ScorecardPageProps {
  month: string
  cohort: Cohort
  ownCategory: Category
  report: BenchmarkReport
  /** The cohort's published overall quartiles, when not withheld. */
  overall: Quartiles | null
  /** The k the month was published with. */
  k?: number
  trend: TrendPoint[]
  credit: { optedIn: boolean; since: string | null }
  notice?: NoticeData
}

type Row = BenchmarkReport['dimensions'][number]

const quartiles = (d: {
  p25: number | null
  median: number | null
  p75: number | null
}): Quartiles | null =>
  d.p25 === null || d.median === null || d.p75 === null
    ? null
    : { p25: d.p25, median: d.median, p75: d.p75 }

/** The merchant's benchmarks: score card, one chart and tips per dimension, trend, opt-in. */
export function ScorecardPage(props: ScorecardPageProps) {
  const { t, locale } = usePage()
  const { month, cohort, report } = props
  const monthLabel = formatMonth(month, locale)
  return (
    <>
      <h1>{t('benchmarks.title')}</h1>
      <p class="hint">
        {t('benchmarks.lead')}{' '}
        <a href="/benchmarks/methodology">{t('benchmarks.methodologyLink')}</a>
      </p>
      {props.notice && <Notice {...props.notice} />}
      <div class="toolbar">
        <CohortPicker
          current={cohort}
          own={props.ownCategory}
          href={(c) => benchmarksHref(month, c)}
        />
        <MonthNav month={month} href={(m) => benchmarksHref(m, cohort)} />
      </div>

      <section class="card scorecard" id="scorecard" aria-labelledby="scorecard-title">
        <h2 id="scorecard-title">{t('benchmarks.card.title', { month: monthLabel })}</h2>
        {report.suppressed ? (
          <>
            <Withheld reason={report.reason ?? 'NOT_PUBLISHED'} month={month} k={props.k} />
            {cohort !== 'ALL' && report.reason === 'COHORT_TOO_SMALL' && (
              // With about five merchants per category, a category cohort is rarely big enough.
              <p class="withheld__alliance">
                {t('benchmarks.card.categoryTooSmall', {
                  count: formatCount(report.cohortSize, locale),
                })}{' '}
                <a href={benchmarksHref(month, 'ALL')}>{t('benchmarks.card.seeAlliance')}</a>
              </p>
            )}
          </>
        ) : (
          <>
            <p>
              {t('benchmarks.card.cohort', {
                cohort: cohortLabel(t, cohort),
                count: formatCount(report.cohortSize, locale),
              })}
            </p>
            <Summary {...props} />
          </>
        )}
      </section>

      <section class="dimensions" aria-label={t('benchmarks.tips.title')}>
        {report.suppressed || report.dimensions.length === 0
          ? dimensions.map((d) => <DimensionCard dimension={d} month={month} />)
          : report.dimensions.map((row) => (
              <DimensionCard
                dimension={row.name as Dimension}
                row={row}
                month={month}
                k={props.k}
              />
            ))}
      </section>

      <section class="card" id="trend" aria-labelledby="trend-title">
        <h2 id="trend-title">{t('benchmarks.trend.title', { count: TREND_MONTHS })}</h2>
        {props.trend.length === 0 ? (
          <p class="muted">{t('benchmarks.trend.none', { month: monthLabel })}</p>
        ) : (
          <>
            <TrendChart points={props.trend} id="trend-chart" />
            <TrendTable points={props.trend} cohort={cohort} />
          </>
        )}
      </section>

      <ReturnCredit {...props.credit} view={{ month, cohort }} />
    </>
  )
}

/** Score, stars, cohort size and the overall band, with the overall chart. */
function Summary(props: ScorecardPageProps) {
  const { t, locale } = usePage()
  const { report, overall } = props
  if (report.score === null) {
    return (
      <>
        <p class="muted">
          {t('benchmarks.score.none', { month: formatMonth(props.month, locale) })}
        </p>
        <BandChart
          id="chart-overall"
          title={t('benchmarks.chart.titleCohort', {
            dimension: t('benchmarks.dimension.OVERALL'),
          })}
          figure={overall}
          score={null}
        />
      </>
    )
  }
  const overallBand = overall ? bandOf(report.score, overall) : null
  return (
    <div class="scorecard__summary">
      <dl class="figures scorecard__figures">
        <div>
          <dt>{t('benchmarks.score.label')}</dt>
          <dd class="scorecard__score">
            {formatScore(report.score, locale)}{' '}
            <span class="scorecard__outof">{t('benchmarks.score.outOf')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('benchmarks.stars.label')}</dt>
          <dd class="scorecard__stars">
            <Stars stars={report.stars!} />
          </dd>
        </div>
        <div>
          <dt>{t('benchmarks.cohortSize.label')}</dt>
          <dd>{formatCount(report.cohortSize, locale)}</dd>
        </div>
      </dl>
      <div class="scorecard__overall">
        <BandChart
          id="chart-overall"
          title={t('benchmarks.chart.title', { dimension: t('benchmarks.dimension.OVERALL') })}
          figure={overall}
          score={report.score}
        />
        {overallBand && (
          <p class="band">
            <strong>{t('benchmarks.band.label')}:</strong> {t(`benchmarks.band.${overallBand}`)}
          </p>
        )}
        <p class="hint">{t('benchmarks.chart.key')}</p>
      </div>
    </div>
  )
}

/** The overall band, by the domain's own rule. */
const bandOf = (score: number, q: Quartiles) =>
  band(score, { size: 0, ...q, suppressedReason: null })

/**
 * One dimension: what it measures, the member's figure and score, the chart against the cohort
 * and the band in words (or why it is withheld), then how to improve. Without a row (a withheld
 * or unpublished card) only the description and the tips remain: no numbers.
 */
function DimensionCard(props: { dimension: Dimension; row?: Row; month: string; k?: number }) {
  const { t, locale } = usePage()
  const { dimension, row } = props
  const name = t(`benchmarks.dimension.${dimension}`)
  const figure = row ? quartiles(row) : null
  const focus = row?.myBand === 'BELOW_P25' || row?.myBand === 'P25_TO_MEDIAN'
  const tipParams = { full: formatShare(thresholds.PROFESSIONALISM.full, locale) }
  const id = `dim-${dimension.toLowerCase()}`
  return (
    <article class={`card dimension${focus ? ' dimension--focus' : ''}`} aria-labelledby={id}>
      <h3 id={id}>{name}</h3>
      <p class="hint">{t(`benchmarks.figure.${dimension}`)}</p>
      {row && (
        <>
          {row.suppressedReason ? (
            <p class="dimension__withheld">
              {shortReason({ t, locale }, row.suppressedReason, props.month, props.k)}
            </p>
          ) : row.myValue !== null && row.myScore !== null ? (
            <p>
              {t('benchmarks.myFigure', {
                figure: formatFigure(t, locale, dimension, row.myValue),
                score: formatScore(row.myScore, locale),
              })}{' '}
              <span class="hint">
                {t(`benchmarks.sample.${dimension}`, { n: formatCount(row.mySample ?? 0, locale) })}
              </span>
            </p>
          ) : row.mySample !== null && row.mySample < row.sampleRequired ? (
            <p class="muted dimension__sample">
              {t(`benchmarks.sample.tooSmall.${dimension}`, {
                n: formatCount(row.mySample, locale),
                min: formatCount(row.sampleRequired, locale),
              })}
            </p>
          ) : (
            <p class="muted">
              {t('benchmarks.myFigure.none', { month: formatMonth(props.month, locale) })}
            </p>
          )}
          <BandChart
            id={`chart-${dimension.toLowerCase()}`}
            title={
              figure
                ? t('benchmarks.chart.title', { dimension: name })
                : t('benchmarks.chart.withheldTitle', { dimension: name })
            }
            figure={figure}
            score={figure ? row.myScore : undefined}
            withheldReason={
              row.suppressedReason
                ? shortReason({ t, locale }, row.suppressedReason, props.month, props.k)
                : undefined
            }
          />
          {figure && (
            <p class="hint dimension__quartiles">
              {t('benchmarks.quartiles', {
                p25: formatScore(figure.p25, locale),
                median: formatScore(figure.median, locale),
                p75: formatScore(figure.p75, locale),
              })}
            </p>
          )}
          {figure && (
            <p class="band">
              <strong>{t('benchmarks.band.label')}:</strong>{' '}
              {row.myBand ? t(`benchmarks.band.${row.myBand}`) : t('benchmarks.band.none')}
            </p>
          )}
        </>
      )}
      <h4>{t('benchmarks.tips.title')}</h4>
      {focus && <p class="dimension__focus">{t('benchmarks.tips.focus')}</p>}
      <ul class="tips">
        {([1, 2, 3] as const).map((i) => (
          <li>{t(`benchmarks.tip.${dimension}.${i}`, tipParams)}</li>
        ))}
      </ul>
    </article>
  )
}

/** The trend's figures, for anyone who cannot or would rather not read the chart. */
function TrendTable({ points, cohort }: { points: TrendPoint[]; cohort: Cohort }) {
  const { t, locale } = usePage()
  const n = (v: number | null) =>
    v === null ? t('benchmarks.trend.noScore') : formatScore(v, locale)
  return (
    <details class="trend__table">
      <summary>{t('benchmarks.trend.table')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('benchmarks.trend.month')}</th>
            <th scope="col" class="num">
              {t('benchmarks.trend.you')}
            </th>
            <th scope="col">{t('benchmarks.stars.label')}</th>
            <th scope="col" class="num">
              {t('benchmarks.trend.median')}
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr>
              <th scope="row">
                <a href={benchmarksHref(p.month, cohort)}>{formatMonth(p.month, locale)}</a>
              </th>
              {p.suppressedReason ? (
                <td colspan={3}>{t('benchmarks.trend.withheld')}</td>
              ) : (
                <>
                  <td class="num">{n(p.score)}</td>
                  <td>{p.stars === null ? '—' : t('benchmarks.stars', { stars: p.stars })}</td>
                  <td class="num">{n(p.median)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
