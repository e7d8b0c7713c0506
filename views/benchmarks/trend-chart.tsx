import type { TrendPoint } from '../../src/benchmarks/published'
import { usePage } from '../context'
import { formatScore } from './format'
import { formatMonth, formatShortMonth } from '../components/format'

const width = 480
const height = 206
const plot = { left: 36, right: 470, top: 22, bottom: 150 }
const y = (score: number) => plot.bottom - (score / 100) * (plot.bottom - plot.top)

/** Consecutive runs of points that have a value, so a withheld month breaks the line. */
function runs(values: (number | null)[], xs: number[]): string[] {
  const out: string[] = []
  let run: string[] = []
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length > 1) out.push(run.join(' '))
      run = []
    } else run.push(`${xs[i]},${y(v)}`)
  })
  if (run.length > 1) out.push(run.join(' '))
  return out
}

/**
 * The overall score over the last published months as a small server-rendered line chart: the
 * member's own score (solid, labelled with its value) and the cohort's median (dashed). A month
 * whose figure was withheld breaks both lines and says so. The same figures follow as a table.
 */
export function TrendChart({ points, id }: { points: TrendPoint[]; id: string }) {
  const { t, locale } = usePage()
  const slot = (plot.right - plot.left) / Math.max(points.length, 1)
  const xs = points.map((_, i) => plot.left + slot * (i + 0.5))
  const describe = (p: TrendPoint) => {
    const month = formatMonth(p.month, locale)
    if (p.suppressedReason) return t('benchmarks.trend.pointWithheld', { month })
    const none = t('benchmarks.trend.noScore')
    return t('benchmarks.trend.point', {
      month,
      score: p.score === null ? none : formatScore(p.score, locale),
      median: p.median === null ? none : formatScore(p.median, locale),
    })
  }
  return (
    <figure class="trend">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        class="trend__svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{t('benchmarks.trend.chartTitle')}</title>
        <desc id={`${id}-desc`}>{points.map(describe).join(' ')}</desc>
        {[0, 50, 100].map((v) => (
          <>
            <line x1={plot.left} x2={plot.right} y1={y(v)} y2={y(v)} class="trend__grid" />
            <text x={plot.left - 6} y={y(v) + 4} text-anchor="end" class="trend__tick">
              {formatScore(v, locale)}
            </text>
          </>
        ))}
        {runs(
          points.map((p) => p.median),
          xs,
        ).map((line) => (
          <polyline points={line} class="trend__median" />
        ))}
        {runs(
          points.map((p) => p.score),
          xs,
        ).map((line) => (
          <polyline points={line} class="trend__line" />
        ))}
        {points.map((p, i) => (
          <g>
            {p.median !== null && (
              <circle cx={xs[i]} cy={y(p.median)} r={3} class="trend__median-dot" />
            )}
            {p.score !== null && (
              <>
                <circle cx={xs[i]} cy={y(p.score)} r={5} class="trend__dot" />
                <text x={xs[i]} y={y(p.score) - 10} text-anchor="middle" class="trend__value">
                  {formatScore(p.score, locale)}
                </text>
              </>
            )}
            {p.suppressedReason && (
              <text x={xs[i]} y={y(50) + 4} text-anchor="middle" class="trend__withheld">
                {t('benchmarks.trend.withheld')}
              </text>
            )}
            <text x={xs[i]} y={plot.bottom + 22} text-anchor="middle" class="trend__month">
              {formatShortMonth(p.month, locale)}
            </text>
          </g>
        ))}
        <g class="trend__legend" transform={`translate(${plot.left}, ${height - 6})`}>
          <line x1={0} x2={22} y1={-4} y2={-4} class="trend__line" />
          <text x={28} y={0}>
            {t('benchmarks.trend.you')}
          </text>
          <line x1={150} x2={172} y1={-4} y2={-4} class="trend__median" />
          <text x={178} y={0}>
            {t('benchmarks.trend.median')}
          </text>
        </g>
      </svg>
    </figure>
  )
}
