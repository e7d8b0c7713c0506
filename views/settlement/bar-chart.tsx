import type { LineKind } from '../../db/schema'
import { formatFen } from '../../src/money'
import { usePage } from '../context'
import { formatShare } from './format'

export interface Bar {
  kind: LineKind
  amountFen: number
}

const width = 640
const labelWidth = 180
const valueWidth = 170
const row = 34
const barHeight = 20
const pad = 8

/**
 * Where the money went, by kind, as a server-rendered SVG: one labelled horizontal bar per kind
 * with its amount and share written beside it. Negative amounts (credits) go left of the zero
 * line. The figure has a title and a description for screen readers, and the same numbers are
 * in the tables below it.
 */
export function BarChart({ bars, totalFen, id }: { bars: Bar[]; totalFen: number; id: string }) {
  const { t, locale } = usePage()
  const values = bars.map((b) => b.amountFen)
  const lo = Math.min(0, ...values)
  const hi = Math.max(0, ...values)
  const span = hi - lo || 1
  const area = width - labelWidth - valueWidth
  const x = (v: number) => labelWidth + ((v - lo) / span) * area
  const zero = x(0)
  const height = bars.length * row + pad * 2
  const describe = (b: Bar) =>
    `${t(`settlement.kindShort.${b.kind}`)}: ${formatFen(b.amountFen, locale)}` +
    (totalFen > 0 ? ` (${formatShare(b.amountFen, totalFen, locale)})` : '')
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        class="chart__svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{t('settlement.chart.title')}</title>
        <desc id={`${id}-desc`}>{bars.map(describe).join('; ')}</desc>
        {bars.map((b, i) => {
          const y = pad + i * row
          const end = x(b.amountFen)
          const left = Math.min(end, zero)
          const w = Math.max(Math.abs(end - zero), b.amountFen === 0 ? 0 : 2)
          const mid = y + row / 2
          return (
            <g class="chart__row">
              <text
                x={labelWidth - 10}
                y={mid}
                text-anchor="end"
                dominant-baseline="middle"
                class="chart__label"
              >
                {t(`settlement.kindShort.${b.kind}`)}
              </text>
              <rect
                x={left}
                y={mid - barHeight / 2}
                width={w}
                height={barHeight}
                rx={3}
                class={`chart__bar chart__bar--${b.kind.toLowerCase()}`}
              />
              <text
                x={Math.max(end, zero) + 8}
                y={mid}
                dominant-baseline="middle"
                class="chart__value"
              >
                {formatFen(b.amountFen, locale)}
                {totalFen > 0 && b.amountFen > 0
                  ? ` · ${formatShare(b.amountFen, totalFen, locale)}`
                  : ''}
              </text>
            </g>
          )
        })}
        <line x1={zero} x2={zero} y1={pad / 2} y2={height - pad / 2} class="chart__axis" />
      </svg>
      <figcaption class="hint">{t('settlement.chart.caption')}</figcaption>
    </figure>
  )
}
