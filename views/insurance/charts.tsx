/**
 * The pool dashboard's charts, drawn on the server as SVG: no script, readable without colour
 * (every value is also written out, and the same figures are in the table below the charts).
 * Each has a title and a description for screen readers.
 */
import type { CashMonth } from '../../src/insurance/history'
import { formatFen } from '../../src/money'
import { usePage } from '../context'
import { formatCompactFen, formatMonth, formatMonthName, formatYear } from '../components/format'

// Sized for half of a wide page, so the 13px text stays about 13px on screen.
const width = 480
const height = 250
const left = 56
const right = 16
const top = 28
const bottom = 50
const plotW = width - left - right
const plotH = height - top - bottom

/** Coordinates to a tenth of a unit: plenty for the eye, and short markup. */
const r1 = (v: number) => Math.round(v * 10) / 10

/** A round step for about four grid lines over `span` fen (1, 2 or 5 × 10ⁿ yuan). */
export function niceStep(span: number): number {
  if (span <= 0) return 100
  const raw = span / 4
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!
  return Math.max(100, step)
}

/** The axis from `lo` to `hi` fen (zero always included) with its grid values. */
export function scale(values: readonly number[]) {
  const min = Math.min(0, ...values)
  const max = Math.max(0, ...values)
  const step = niceStep(max - min)
  const lo = Math.floor(min / step) * step
  const hi = Math.max(Math.ceil(max / step) * step, lo + step)
  const ticks: number[] = []
  for (let v = lo; v <= hi; v += step) ticks.push(v)
  const y = (v: number) => r1(top + plotH - ((v - lo) / (hi - lo)) * plotH)
  return { lo, hi, ticks, y }
}

/** Month labels along the bottom, with the year below the first month and every January. */
function MonthAxis({ months, x }: { months: CashMonth[]; x: (i: number) => number }) {
  const { locale } = usePage()
  return (
    <g class="pool-chart__months" aria-hidden="true">
      {months.map((m, i) => (
        <>
          <text x={x(i)} y={height - bottom + 20} text-anchor="middle" class="pool-chart__tick">
            {formatMonthName(m.month, locale)}
          </text>
          {(i === 0 || m.month.endsWith('-01')) && (
            <text x={x(i)} y={height - bottom + 38} text-anchor="middle" class="pool-chart__tick">
              {formatYear(m.month, locale)}
            </text>
          )}
        </>
      ))}
    </g>
  )
}

/**
 * Which points of the line get their amount written: the last one always; of a run of equal
 * amounts only its last; with many months only the first and the highest, away from the others.
 */
export function labelledPoints(values: readonly number[]): Set<number> {
  const last = values.length - 1
  const chosen = new Set<number>(last >= 0 ? [last] : [])
  const peak = values.reduce((best, v, i) => (v > values[best]! ? i : best), 0)
  const candidates =
    values.length <= 6 ? values.map((_, i) => i) : [0, peak].filter((i) => i !== last)
  for (const i of candidates) {
    if (values[i] === values[i + 1]) continue
    if (values.length > 6 && (chosen.has(i - 1) || chosen.has(i + 1))) continue
    chosen.add(i)
  }
  return chosen
}

function Grid({ ticks, y }: { ticks: number[]; y: (v: number) => number }) {
  const { locale } = usePage()
  return (
    <g aria-hidden="true">
      {ticks.map((v) => (
        <g>
          <line
            x1={left}
            x2={width - right}
            y1={y(v)}
            y2={y(v)}
            class={v === 0 ? 'pool-chart__zero' : 'pool-chart__grid'}
          />
          <text
            x={left - 8}
            y={y(v)}
            text-anchor="end"
            dominant-baseline="middle"
            class="pool-chart__tick"
          >
            {formatCompactFen(v, locale)}
          </text>
        </g>
      ))}
    </g>
  )
}

/** The pool's cash at the end of each month, as a line with a dot and the amount per month. */
export function CashLineChart({ months, id }: { months: CashMonth[]; id: string }) {
  const { t, locale } = usePage()
  const { ticks, y } = scale(months.map((m) => m.balanceFen))
  // Inset from the axis so the first and last amounts fit.
  const inset = 24
  const x = (i: number) =>
    r1(
      months.length === 1
        ? left + plotW / 2
        : left + inset + (i * (plotW - 2 * inset)) / (months.length - 1),
    )
  const points = months.map((m, i) => `${x(i)},${y(m.balanceFen)}`)
  const point = (m: CashMonth) =>
    t('insurance.chart.cash.month', {
      month: formatMonth(m.month, locale),
      amount: formatFen(m.balanceFen, locale),
    })
  const describe = months.map(point).join(t('insurance.chart.separator'))
  const labelled = labelledPoints(months.map((m) => m.balanceFen))
  const last = months.length - 1
  return (
    <figure class="pool-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        class="pool-chart__svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{t('insurance.chart.cash.title')}</title>
        <desc id={`${id}-desc`}>{describe}</desc>
        <Grid ticks={ticks} y={y} />
        <MonthAxis months={months} x={x} />
        <polyline points={points.join(' ')} class="pool-chart__line" />
        {months.map((m, i) => (
          <g>
            <circle cx={x(i)} cy={y(m.balanceFen)} r={4} class="pool-chart__dot">
              <title>{point(m)}</title>
            </circle>
            {labelled.has(i) && (
              <text
                x={i === last && last > 0 ? x(i) + 6 : x(i)}
                y={y(m.balanceFen) - 10}
                text-anchor={i === last && last > 0 ? 'end' : 'middle'}
                class={
                  i === last ? 'pool-chart__value' : 'pool-chart__value pool-chart__value--small'
                }
                aria-hidden="true"
              >
                {/* The current balance in full; earlier months in short (the table has them). */}
                {i === last
                  ? formatFen(m.balanceFen, locale)
                  : formatCompactFen(m.balanceFen, locale)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption class="hint">{t('insurance.chart.cash.caption')}</figcaption>
    </figure>
  )
}

/** Premiums collected and claims paid out per month, side by side. */
export function FlowBarChart({ months, id }: { months: CashMonth[]; id: string }) {
  const { t, locale } = usePage()
  const { ticks, y } = scale(months.flatMap((m) => [m.premiumsFen, m.payoutsFen]))
  const slot = plotW / months.length
  const bar = Math.min(28, (slot - 12) / 2)
  const x = (i: number) => r1(left + slot * i + slot / 2)
  const describe = months
    .map((m) =>
      t('insurance.chart.flows.month', {
        month: formatMonth(m.month, locale),
        premiums: formatFen(m.premiumsFen, locale),
        payouts: formatFen(m.payoutsFen, locale),
      }),
    )
    .join(t('insurance.chart.separator'))
  const series = [
    { key: 'premiums', value: (m: CashMonth) => m.premiumsFen, dx: -bar - 1 },
    { key: 'payouts', value: (m: CashMonth) => m.payoutsFen, dx: 1 },
  ] as const
  return (
    <figure class="pool-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        class="pool-chart__svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{t('insurance.chart.flows.title')}</title>
        <desc id={`${id}-desc`}>{describe}</desc>
        <Grid ticks={ticks} y={y} />
        <MonthAxis months={months} x={x} />
        {months.map((m, i) =>
          series.map((s) => {
            const v = s.value(m)
            if (v === 0) return null
            const x0 = r1(x(i) + s.dx)
            const y0 = Math.min(y(v), y(0))
            return (
              <g>
                <rect
                  x={x0}
                  y={y0}
                  width={bar}
                  height={Math.max(1, Math.abs(y(0) - y(v)))}
                  rx={2}
                  class={`pool-chart__bar pool-chart__bar--${s.key}`}
                >
                  <title>
                    {t('insurance.chart.bar', {
                      month: formatMonth(m.month, locale),
                      series: t(`insurance.chart.${s.key}`),
                      amount: formatFen(v, locale),
                    })}
                  </title>
                </rect>
                <text
                  x={x0 + bar / 2}
                  y={y0 - 6}
                  text-anchor="middle"
                  class="pool-chart__value pool-chart__value--small"
                  aria-hidden="true"
                >
                  {formatCompactFen(v, locale)}
                </text>
              </g>
            )
          }),
        )}
      </svg>
      <figcaption>
        <ul class="legend pool-legend">
          <li>
            <span class="swatch pool-chart__bar--premiums" aria-hidden="true"></span>
            {t('insurance.chart.premiums')}
          </li>
          <li>
            <span class="swatch pool-chart__bar--payouts" aria-hidden="true"></span>
            {t('insurance.chart.payouts')}
          </li>
        </ul>
      </figcaption>
    </figure>
  )
}
