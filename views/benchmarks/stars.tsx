import { usePage } from '../context'

/** Stars as glyphs for the eye and as words for everyone: "4 of 5 stars". */
export function Stars({ stars }: { stars: number }) {
  const { t } = usePage()
  return (
    <span class="stars">
      <span class="stars__glyphs" aria-hidden="true">
        {'★'.repeat(stars)}
        <span class="stars__off">{'☆'.repeat(5 - stars)}</span>
      </span>{' '}
      <span class="stars__text">{t('benchmarks.stars', { stars })}</span>
    </span>
  )
}
