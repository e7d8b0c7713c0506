import { DOMINANCE_LIMIT, MIN_K } from '../../src/benchmarks/methodology'
import type { Locale } from '../../db/schema'
import type { Lang } from '../../src/i18n'
import { usePage } from '../context'
import { formatShare } from './format'
import { formatMonth } from '../components/format'

export type Reason = 'COHORT_TOO_SMALL' | 'DOMINANT_CONTRIBUTOR' | 'NOT_PUBLISHED'

const known = (reason: string): Reason =>
  reason === 'DOMINANT_CONTRIBUTOR' || reason === 'NOT_PUBLISHED' ? reason : 'COHORT_TOO_SMALL'

/** The facts each explanation names: the month's k, the dominance share, the month. */
function params(locale: Locale, month: string, k: number | undefined) {
  return {
    k: k ?? MIN_K,
    percent: formatShare(DOMINANCE_LIMIT, locale),
    month: formatMonth(month, locale),
  }
}

/** One sentence on why a figure is withheld, for a table cell or a dimension. */
export function shortReason(
  { t, locale }: Lang,
  reason: string,
  month: string,
  k?: number,
): string {
  return t(`benchmarks.reason.short.${known(reason)}`, params(locale, month, k))
}

/**
 * Why a whole score card (or a month, or a cohort) shows no figures, in words and without any
 * numbers. `own` adds that the member's own figures are withheld too (on its score card).
 */
export function Withheld(props: { reason: string; month: string; k?: number; own?: boolean }) {
  const { reason, month, k, own = true } = props
  const { t, locale } = usePage()
  const r = known(reason)
  return (
    <div class={`withheld withheld--${r.toLowerCase()}`} role="note" data-reason={r}>
      <h3 class="withheld__title">{t(`benchmarks.reason.${r}.title`)}</h3>
      <p>{t(`benchmarks.reason.${r}.body`, params(locale, month, k))}</p>
      {own && r !== 'NOT_PUBLISHED' && <p class="hint">{t('benchmarks.reason.noNumbers')}</p>}
    </div>
  )
}
