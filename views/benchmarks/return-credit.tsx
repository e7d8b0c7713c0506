import { riskRules } from '../../src/benchmarks/service'
import { Notice, type NoticeData } from '../components/notice'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { type Cohort } from './format'
import { formatInstantDate } from '../components/format'

interface ReturnCreditProps {
  optedIn: boolean
  since: string | null
  /** Where the form sends the merchant back to without JavaScript. */
  view: { month: string; cohort: Cohort }
  notice?: NoticeData
}

/**
 * The merchant's opt-in to the return-credit signal: what is shared, what is seen, and one
 * button that turns it on or off. htmx swaps the section in place; without JavaScript the form
 * posts and the page comes back with a notice.
 */
export function ReturnCredit({ optedIn, since, view, notice }: ReturnCreditProps) {
  const { t, locale } = usePage()
  const rules = {
    days: riskRules.windowDays,
    elevated: riskRules.elevatedAt,
    high: riskRules.highAt,
  }
  return (
    <section class="card return-credit" id="return-credit" aria-labelledby="return-credit-title">
      <h2 id="return-credit-title">{t('benchmarks.credit.title')}</h2>
      <p>{t('benchmarks.credit.lead')}</p>
      <ul class="return-credit__facts">
        <li>{t('benchmarks.credit.shared')}</li>
        <li>{t('benchmarks.credit.seen', rules)}</li>
        <li>{t('benchmarks.credit.off')}</li>
      </ul>
      {notice && <Notice {...notice} />}
      <form
        method="post"
        action="/benchmarks/return-credit"
        hx-post="/benchmarks/return-credit"
        hx-target="#return-credit"
        hx-swap="outerHTML"
        class="return-credit__form"
      >
        <CsrfField />
        <input type="hidden" name="optIn" value={optedIn ? 'false' : 'true'} />
        <input type="hidden" name="month" value={view.month} />
        <input type="hidden" name="cohort" value={view.cohort} />
        <p class={`return-credit__status return-credit__status--${optedIn ? 'on' : 'off'}`}>
          {optedIn
            ? t('benchmarks.credit.status.on', {
                date: since ? formatInstantDate(since, locale) : '',
              })
            : t('benchmarks.credit.status.off')}
        </p>
        <button type="submit" class={optedIn ? 'button' : 'button button--primary'}>
          {optedIn ? t('benchmarks.credit.turnOff') : t('benchmarks.credit.turnOn')}
        </button>
      </form>
    </section>
  )
}
