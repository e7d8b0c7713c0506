/** Scores, shares and addresses of the benchmark pages, in the page's language. */
import { categories, type Category, type Locale } from '../../db/schema'
import type { Dimension } from '../../src/benchmarks/methodology'
import type { Translate } from '../../src/i18n'
import { formatDecimal, formatPercent } from '../components/format'

export const cohorts = ['ALL', ...categories] as const
export type Cohort = (typeof cohorts)[number]

export const isCohort = (value: string): value is Cohort =>
  (cohorts as readonly string[]).includes(value)

export const benchmarksHref = (month: string, cohort: Cohort = 'ALL') =>
  `/benchmarks?${new URLSearchParams(cohort === 'ALL' ? { month } : { month, cohort })}`

export const publishHref = (month?: string) =>
  month ? `/benchmarks/publish?${new URLSearchParams({ month })}` : '/benchmarks/publish'

/** A 0–100 score with at most one decimal, e.g. `72.5`. */
export function formatScore(score: number, locale: Locale): string {
  return formatDecimal(score, locale, 1)
}

/** A share as a percentage with at most one decimal, e.g. `0.6667` → `66.7%`. */
export function formatShare(share: number, locale: Locale): string {
  return formatPercent(share, locale, 1)
}

/** A dimension's own figure: a share for most, average stars for customer care. */
export function formatFigure(
  t: Translate,
  locale: Locale,
  dimension: Dimension,
  value: number,
): string {
  if (dimension === 'CARE') {
    const stars = formatDecimal(value, locale, 2)
    return t('benchmarks.unit.stars', { stars })
  }
  return formatShare(value, locale)
}

/** The cohort's name: the alliance, or a category's merchants. */
export function cohortLabel(t: Translate, cohort: Cohort | Category): string {
  return cohort === 'ALL'
    ? t('benchmarks.cohort.ALL')
    : t('benchmarks.cohort.category', { category: t(`category.${cohort}`) })
}
