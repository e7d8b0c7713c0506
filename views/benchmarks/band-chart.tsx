import { usePage } from '../context'
import { formatScore } from './format'

export interface Quartiles {
  p25: number
  median: number
  p75: number
}

interface BandChartProps {
  /** Unique on the page: names the title and description the SVG is labelled by. */
  id: string
  title: string
  /** The cohort's quartiles, or null when they are withheld. */
  figure: Quartiles | null
  /** The member's own score; undefined draws no mark at all (the coordinator's view). */
  score?: number | null
  /** Said after the chart's description when the figure is withheld. */
  withheldReason?: string
  small?: boolean
}

const width = 320
const left = 14
const right = 306
const x = (score: number) =>
  Math.round((left + (Math.min(100, Math.max(0, score)) / 100) * (right - left)) * 10) / 10
const ticks = [0, 25, 50, 75, 100]

/**
 * One dimension on a 0–100 axis, server-rendered: the cohort's middle half as a box from the
 * lower to the upper quartile, the median as a thick line, and the member's own score as an
 * orange mark labelled "You". Only quartiles are drawn: never a lowest or highest score. A
 * withheld figure draws an empty, hatched track that says so, with no numbers at all.
 */
export function BandChart({ id, title, figure, score, withheldReason, small }: BandChartProps) {
  const { t, locale } = usePage()
  const n = (v: number) => formatScore(v, locale)
  const height = figure ? 72 : 48
  const you =
    score === undefined
      ? ''
      : score === null
        ? t('benchmarks.chart.youNone')
        : t('benchmarks.chart.youDesc', { score: n(score) })
  const desc = figure
    ? `${t('benchmarks.chart.desc', { p25: n(figure.p25), median: n(figure.median), p75: n(figure.p75) })} ${you}`.trim()
    : (withheldReason ?? t('benchmarks.chart.withheld'))
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      class={`band-chart${small ? ' band-chart--small' : ''}${figure ? '' : ' band-chart--withheld'}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {figure ? (
        <>
          <line x1={left} x2={right} y1={30} y2={30} class="band-chart__track" />
          <rect
            x={x(figure.p25)}
            y={20}
            width={Math.max(2, x(figure.p75) - x(figure.p25))}
            height={20}
            rx={3}
            class="band-chart__box"
          />
          <line
            x1={x(figure.median)}
            x2={x(figure.median)}
            y1={16}
            y2={44}
            class="band-chart__median"
          />
          <line x1={left} x2={right} y1={52} y2={52} class="band-chart__axis" />
          {ticks.map((v) => (
            <>
              <line x1={x(v)} x2={x(v)} y1={52} y2={56} class="band-chart__axis" />
              <text
                x={x(v)}
                y={67}
                text-anchor={v === 0 ? 'start' : v === 100 ? 'end' : 'middle'}
                class="band-chart__tick"
              >
                {n(v)}
              </text>
            </>
          ))}
          {typeof score === 'number' && (
            <g class="band-chart__you">
              <line x1={x(score)} x2={x(score)} y1={14} y2={46} class="band-chart__mark" />
              <circle cx={x(score)} cy={30} r={5} class="band-chart__dot" />
              <text
                x={x(score)}
                y={10}
                text-anchor={score < 12 ? 'start' : score > 88 ? 'end' : 'middle'}
                class="band-chart__label"
              >
                {t('benchmarks.chart.you')} {n(score)}
              </text>
            </g>
          )}
        </>
      ) : (
        <>
          <defs>
            <pattern
              id={`${id}-hatch`}
              width={8}
              height={8}
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <line x1={0} y1={0} x2={0} y2={8} class="band-chart__hatch" />
            </pattern>
          </defs>
          <rect
            x={left}
            y={8}
            width={right - left}
            height={32}
            rx={4}
            fill={`url(#${id}-hatch)`}
            class="band-chart__empty"
          />
          <text x={width / 2} y={28} text-anchor="middle" class="band-chart__withheld">
            {t('benchmarks.chart.withheld')}
          </text>
        </>
      )}
    </svg>
  )
}
