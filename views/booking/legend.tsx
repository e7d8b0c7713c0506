import { usePage } from '../context'

/** The colour key of the calendar; every colour is also said in words in each cell. */
export function RemainingLegend() {
  const { t } = usePage()
  const levels = ['plenty', 'limited', 'scarce', 'full'] as const
  return (
    <div class="legend">
      <span class="legend__title">{t('booking.legend')}:</span>
      <ul>
        {levels.map((l) => (
          <li>
            <span class={`swatch day--${l}`} aria-hidden="true"></span>
            {t(`booking.level.${l}`)}
          </li>
        ))}
        <li>
          <span class="swatch day--closed" aria-hidden="true"></span>
          {t('booking.legend.closed')}
        </li>
      </ul>
    </div>
  )
}
