import { usePage } from '../context'

/**
 * Links to each part of an import's labels (labels 1–240, 241–480, …) above its sheet: one
 * request prints at most one part, so a big import is printed part by part.
 */
export function LabelParts(props: {
  importId: string
  layout: string
  ranges: [number, number][]
  current: number
}) {
  const { t } = usePage()
  return (
    <nav class="label-parts no-print" aria-label={t('labels.parts')}>
      {props.ranges.map(([from, to], i) => {
        const part = i + 1
        const href = `/returns/labels?import=${encodeURIComponent(props.importId)}&part=${part}&layout=${props.layout}`
        return (
          <a href={href} aria-current={part === props.current ? 'page' : undefined}>
            {t('labels.part', { from, to })}
          </a>
        )
      })}
    </nav>
  )
}
