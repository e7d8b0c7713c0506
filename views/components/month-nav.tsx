import { usePage } from '../context'
import { shiftMonth } from '../../src/calendar/local-date'
import { formatMonth } from './format'

interface MonthNavProps {
  month: string
  /** Builds the page address for another month. */
  href: (month: string) => string
}

/** Previous / current / next month, as plain links. */
export function MonthNav({ month, href }: MonthNavProps) {
  const { t, locale } = usePage()
  const prev = shiftMonth(month, -1)
  const next = shiftMonth(month, 1)
  return (
    <nav class="month-nav" aria-label={t('month.nav')}>
      <a href={href(prev)} rel="prev">
        <span aria-hidden="true">‹ </span>
        <span class="month-nav__label">{t('month.prev')}</span>
        <span class="visually-hidden"> ({formatMonth(prev, locale)})</span>
      </a>
      <strong class="month-nav__current" aria-current="page">
        {formatMonth(month, locale)}
      </strong>
      <a href={href(next)} rel="next">
        <span class="month-nav__label">{t('month.next')}</span>
        <span class="visually-hidden"> ({formatMonth(next, locale)})</span>
        <span aria-hidden="true"> ›</span>
      </a>
    </nav>
  )
}
