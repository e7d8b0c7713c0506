import type { Rules } from '../../src/settlement/allocate'
import { bpToPercent } from '../../src/settlement/amounts'
import { Notice, type NoticeData } from '../components/notice'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'

export interface RulesSectionProps {
  month: string
  rules: Rules
  /** The version a closed month was settled with; the form is shown only for open months. */
  settledVersion?: number
  notice?: NoticeData
  values?: { percent?: string; sharedBasis?: string }
  error?: string
}

/** How costs are split, in words, and (for open months) the form that makes a new version. */
export function RulesSection(props: RulesSectionProps) {
  const { t } = usePage()
  const { rules } = props
  const booked = bpToPercent(rules.bookedShareBp)
  const units = bpToPercent(10_000 - rules.bookedShareBp)
  const percent = props.values?.percent ?? booked
  const basis = props.values?.sharedBasis ?? rules.sharedBasis
  return (
    <section class="card" id="rules" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('settlement.rules.title')}</h2>
      {props.notice && <Notice {...props.notice} />}
      {props.settledVersion !== undefined && (
        <p>{t('settlement.rules.settledWith', { version: props.settledVersion })}</p>
      )}
      <p>{t('settlement.rules.current', { version: rules.version })}</p>
      <ul class="rules">
        <li>{t('settlement.rules.hub', { units, booked })}</li>
        <li>{t('settlement.rules.transport')}</li>
        <li>{t(`settlement.rules.shared.${rules.sharedBasis}`)}</li>
        <li>{t('settlement.rules.commission')}</li>
        <li>{t('settlement.rules.fallback')}</li>
      </ul>
      {props.settledVersion === undefined && (
        <form
          method="post"
          action="/settlement/rules"
          hx-post="/settlement/rules"
          hx-target="#rules"
          hx-swap="outerHTML"
          class="rules-form"
        >
          <CsrfField />
          <input type="hidden" name="month" value={props.month} />
          <div class={props.error ? 'field field--invalid' : 'field'}>
            <label for="rules-booked">{t('settlement.rules.bookedShare')}</label>
            <span class="input-suffix">
              <input
                id="rules-booked"
                name="bookedSharePercent"
                type="text"
                inputmode="decimal"
                required
                size={6}
                value={percent}
                aria-invalid={props.error ? 'true' : undefined}
                aria-describedby={props.error ? 'rules-booked-error' : 'rules-booked-hint'}
              />
              <span aria-hidden="true">%</span>
            </span>
            <p id="rules-booked-hint" class="hint">
              {t('settlement.rules.bookedShare.hint')}
            </p>
            {props.error && (
              <p id="rules-booked-error" class="field__error">
                {props.error}
              </p>
            )}
          </div>
          <div class="field">
            <label for="rules-shared">{t('settlement.rules.sharedBasis')}</label>
            <select id="rules-shared" name="sharedBasis">
              <option value="EQUAL" selected={basis === 'EQUAL'}>
                {t('settlement.rules.sharedBasis.EQUAL')}
              </option>
              <option value="UNITS" selected={basis === 'UNITS'}>
                {t('settlement.rules.sharedBasis.UNITS')}
              </option>
            </select>
          </div>
          <div>
            <button type="submit" class="button">
              {t('settlement.rules.submit', { version: rules.version + 1 })}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
