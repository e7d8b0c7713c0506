/**
 * A small horizontal bar chart of shares (0..1), drawn on the server as SVG: no script, no
 * library. Every bar carries its series name and value as text, so nothing depends on colour;
 * the figure has a title and a description for assistive technology, and the same figures are
 * in the tables below it.
 */
export interface BarGroup {
  label: string
  bars: { series: string; share: number | null; text: string }[]
}

interface BarChartProps {
  id: string
  title: string
  description: string
  groups: BarGroup[]
}

const LABEL_W = 150
const SERIES_W = 100
const BAR_W = 260
const VALUE_W = 80
const ROW_H = 24
const GROUP_GAP = 12
const TOP = 22
const WIDTH = LABEL_W + SERIES_W + BAR_W + VALUE_W

/** About how many Latin characters fit the label column (a CJK character counts twice). */
const LABEL_UNITS = 22

/** A label cut to the label column, with an ellipsis; the full text stays in a tooltip. */
function fitLabel(label: string): { text: string; cut: boolean } {
  let units = 0
  let out = ''
  for (const ch of label) {
    units += /[\u2e80-\uffff]/.test(ch) ? 2 : 1
    if (units > LABEL_UNITS - 1) return { text: `${out}…`, cut: true }
    out += ch
  }
  return { text: label, cut: false }
}

export function BarChart({ id, title, description, groups }: BarChartProps) {
  const rows = groups.reduce((n, g) => n + g.bars.length, 0)
  const height = TOP + rows * ROW_H + Math.max(groups.length - 1, 0) * GROUP_GAP + 8
  const x0 = LABEL_W + SERIES_W
  let y = TOP
  const titleId = `${id}-title`
  const descId = `${id}-desc`
  return (
    <figure class="chart">
      <svg
        id={id}
        class="chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {[0, 0.5, 1].map((tick) => (
          <g class="chart__tick">
            <line x1={x0 + tick * BAR_W} x2={x0 + tick * BAR_W} y1={TOP - 4} y2={height - 6} />
            <text x={x0 + tick * BAR_W} y={TOP - 8} text-anchor="middle">
              {`${tick * 100}%`}
            </text>
          </g>
        ))}
        {groups.map((group, gi) => {
          const top = y
          y += group.bars.length * ROW_H + GROUP_GAP
          const label = fitLabel(group.label)
          return (
            <g class="chart__group">
              <text class="chart__label" x={0} y={top + ROW_H * 0.68}>
                {label.cut && <title>{group.label}</title>}
                {label.text}
              </text>
              {group.bars.map((bar, bi) => {
                const rowY = top + bi * ROW_H
                const w = bar.share === null ? 0 : Math.max(bar.share * BAR_W, 0)
                return (
                  <g class={`chart__bar chart__bar--${bi}`}>
                    <text class="chart__series" x={LABEL_W} y={rowY + ROW_H * 0.68}>
                      {bar.series}
                    </text>
                    <rect
                      class="chart__track"
                      x={x0}
                      y={rowY + 4}
                      width={BAR_W}
                      height={ROW_H - 8}
                    />
                    {w > 0 && <rect x={x0} y={rowY + 4} width={w} height={ROW_H - 8} />}
                    <text class="chart__value" x={x0 + BAR_W + 8} y={rowY + ROW_H * 0.68}>
                      {bar.text}
                    </text>
                  </g>
                )
              })}
              {gi < groups.length - 1 && (
                <line
                  class="chart__sep"
                  x1={0}
                  x2={WIDTH}
                  y1={top + group.bars.length * ROW_H + GROUP_GAP / 2}
                  y2={top + group.bars.length * ROW_H + GROUP_GAP / 2}
                />
              )}
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
