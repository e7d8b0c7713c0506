import { costKinds, type CostKind } from '../../db/schema'
import type { Hub } from '../../src/network/service'
import { Notice, type NoticeData } from '../components/notice'
import { CsrfField } from '../components/csrf-field'
import { Money } from '../components/money'
import { usePage } from '../context'
import type { Names } from './format'
import { formatMonth } from '../components/format'

export interface CostRow {
  id: string
  kind: CostKind
  amountFen: number
  hubId: string | null
  note: string
  templateId: string | null
}

export interface CostFormValues {
  kind?: string
  amount?: string
  hubId?: string
  note?: string
}

export type CostFormErrors = Partial<Record<'kind' | 'amount' | 'hubId' | 'note', string>>

export interface CostsSectionProps {
  month: string
  costs: CostRow[]
  hubs: Hub[]
  names: Names
  /** A closed month's costs are frozen: no form. */
  closed: boolean
  notice?: NoticeData
  values?: CostFormValues
  errors?: CostFormErrors
}

/**
 * The month's costs with a running total, totals by kind and the grand total, and (while the
 * month is open) the form that records another; htmx posts it and swaps this whole section.
 */
export function CostsSection(props: CostsSectionProps) {
  const { t, locale } = usePage()
  const { costs, names } = props
  const totals = Object.fromEntries(costKinds.map((k) => [k, 0])) as Record<CostKind, number>
  let running = 0
  const rows = costs.map((c) => {
    totals[c.kind] += c.amountFen
    running += c.amountFen
    return { cost: c, running }
  })
  return (
    <section class="card" id="costs" aria-labelledby="costs-title">
      <h2 id="costs-title">
        {t('settlement.costs.title', { month: formatMonth(props.month, locale) })}
      </h2>
      {props.notice && <Notice {...props.notice} />}
      {costs.length === 0 ? (
        <p class="muted">{t('settlement.costs.empty')}</p>
      ) : (
        <table class="costs">
          <thead>
            <tr>
              <th scope="col">{t('settlement.costs.kind')}</th>
              <th scope="col">{t('settlement.costs.hub')}</th>
              <th scope="col">{t('settlement.costs.note')}</th>
              <th scope="col" class="num">
                {t('settlement.costs.amount')}
              </th>
              <th scope="col" class="num">
                {t('settlement.costs.running')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ cost, running }) => (
              <tr id={`cost-${cost.id}`}>
                <td>
                  {t(`settlement.costKind.${cost.kind}`)}
                  {cost.templateId && (
                    <>
                      {' '}
                      <span
                        class="badge badge--recurring"
                        title={t('settlement.costs.recurring.hint')}
                      >
                        {t('settlement.costs.recurring')}
                      </span>
                    </>
                  )}
                </td>
                <td>{cost.hubId ? names.hub(cost.hubId) : t('settlement.cost.network')}</td>
                <td>{cost.note}</td>
                <td class="num">
                  <Money fen={cost.amountFen} />
                </td>
                <td class="num muted">
                  <Money fen={running} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {costKinds.map((k) => (
              <tr class="costs__subtotal">
                <th scope="row" colspan={3}>
                  {t('settlement.costs.totalOf', { kind: t(`settlement.costKind.${k}`) })}
                </th>
                <td class="num">
                  <Money fen={totals[k]} />
                </td>
                <td></td>
              </tr>
            ))}
            <tr class="costs__total">
              <th scope="row" colspan={3}>
                {t('settlement.costs.total')}
              </th>
              <td class="num">
                <strong>
                  <Money fen={running} />
                </strong>
              </td>
              <td></td>
            </tr>
          </tfoot>
        </table>
      )}
      {props.closed ? <p class="hint">{t('settlement.costs.frozen')}</p> : <CostForm {...props} />}
    </section>
  )
}

function CostForm({ month, hubs, names, values = {}, errors = {} }: CostsSectionProps) {
  const { t } = usePage()
  const invalid = (field: keyof CostFormErrors) => (errors[field] ? 'true' : undefined)
  const described = (field: keyof CostFormErrors) =>
    errors[field] ? `cost-${field}-error` : undefined
  const fieldError = (field: keyof CostFormErrors) =>
    errors[field] && (
      <p id={`cost-${field}-error`} class="field__error">
        {errors[field]}
      </p>
    )
  return (
    <form
      method="post"
      action="/settlement/costs"
      hx-post="/settlement/costs"
      hx-target="#costs"
      hx-swap="outerHTML"
      class="cost-form"
      aria-labelledby="cost-form-title"
    >
      <h3 id="cost-form-title">{t('settlement.costs.add')}</h3>
      <CsrfField />
      <input type="hidden" name="month" value={month} />
      <div class={errors.kind ? 'field field--invalid' : 'field'}>
        <label for="cost-kind">{t('settlement.costs.kind')}</label>
        <select
          id="cost-kind"
          name="kind"
          required
          aria-invalid={invalid('kind')}
          aria-describedby={described('kind')}
        >
          {costKinds.map((k) => (
            <option value={k} selected={values.kind === k}>
              {t(`settlement.costKind.${k}`)}
            </option>
          ))}
        </select>
        {fieldError('kind')}
      </div>
      <div class={errors.amount ? 'field field--invalid' : 'field'}>
        <label for="cost-amount">{t('settlement.costs.amountYuan')}</label>
        <input
          id="cost-amount"
          name="amount"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          required
          placeholder="999.99"
          value={values.amount}
          aria-invalid={invalid('amount')}
          aria-describedby={described('amount') ?? 'cost-amount-hint'}
        />
        <p id="cost-amount-hint" class="hint">
          {t('settlement.costs.amountHint')}
        </p>
        {fieldError('amount')}
      </div>
      <div class={errors.hubId ? 'field field--invalid' : 'field'}>
        <label for="cost-hub">{t('settlement.costs.hubOptional')}</label>
        <select
          id="cost-hub"
          name="hubId"
          aria-invalid={invalid('hubId')}
          aria-describedby={described('hubId')}
        >
          <option value="">{t('settlement.cost.network')}</option>
          {hubs.map((h) => (
            <option value={h.id} selected={values.hubId === h.id}>
              {names.hub(h.id)}
            </option>
          ))}
        </select>
        {fieldError('hubId')}
      </div>
      <div class={errors.note ? 'field field--invalid' : 'field'}>
        <label for="cost-note">{t('settlement.costs.note')}</label>
        <input
          id="cost-note"
          name="note"
          type="text"
          maxlength={200}
          value={values.note}
          aria-invalid={invalid('note')}
          aria-describedby={described('note')}
        />
        {fieldError('note')}
      </div>
      <div class="cost-form__submit">
        <button type="submit" class="button button--primary">
          {t('settlement.costs.submit')}
        </button>
        <span class="htmx-indicator hint" aria-hidden="true">
          {t('settlement.working')}
        </span>
      </div>
    </form>
  )
}
