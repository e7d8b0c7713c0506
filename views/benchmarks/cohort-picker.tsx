import type { Category } from '../../db/schema'
import { usePage } from '../context'
import { cohortLabel, cohorts, type Cohort } from './format'

interface CohortPickerProps {
  current: Cohort
  /** The member's own category, marked in the list. */
  own?: Category
  href: (cohort: Cohort) => string
}

/** The alliance or one category to compare with, as links; the shown one is current. */
export function CohortPicker({ current, own, href }: CohortPickerProps) {
  const { t } = usePage()
  return (
    <nav class="hub-picker cohort-picker" aria-label={t('benchmarks.cohort.label')}>
      <span class="cohort-picker__label" aria-hidden="true">
        {t('benchmarks.cohort.label')}:
      </span>
      <ul>
        {cohorts.map((c) => (
          <li>
            <a href={href(c)} aria-current={c === current ? 'page' : undefined}>
              {cohortLabel(t, c)}
              {c === own && <span class="cohort-picker__own"> {t('benchmarks.cohort.yours')}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
