import { usePage } from '../context'
import { formatCountdown } from './format'
import { formatDayTime } from '../components/format'

interface ClockProps {
  /** What runs out, e.g. "First response"; left out where the context already says it. */
  label?: string
  dueAt: string
  now: Date
}

/**
 * A deadline that counts down: the server writes the text, and `static/countdown.js` keeps it
 * current from `data-due` (and flags it once it passes) without reloading. An overdue clock says
 * so in words and with a marker, not by colour alone.
 */
export function Clock({ label, dueAt, now }: ClockProps) {
  const { t, locale } = usePage()
  const overdue = Date.parse(dueAt) < now.getTime()
  return (
    <span class={overdue ? 'clock clock--overdue' : 'clock'}>
      {label && <span class="clock__label">{label}</span>}
      {overdue && <OverdueFlag />}
      <time class="clock__left" datetime={dueAt} data-due={dueAt}>
        {formatCountdown(dueAt, now, t)}
      </time>
      <span class="clock__at">
        {t('inspection.clock.by', { at: formatDayTime(dueAt, locale) })}
      </span>
    </span>
  )
}

export function OverdueFlag() {
  const { t } = usePage()
  return (
    <strong class="clock__flag">
      <span aria-hidden="true">⚠ </span>
      {t('inspection.clock.flag')}
    </strong>
  )
}
