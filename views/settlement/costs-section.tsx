import { costKinds, type CostKind } from '../../db/schema'
import type { Hub } from '../../src/network/service'
import { Notice, type NoticeData } from '../components/notice'
import { CsrfField } from '../components/csrf-field'
import { SelectField, TextField } from '../components/form-field'
import { Money } from '../components/money'
import { usePage } from '../context'
import type { Names } from './format'
import { formatInstant, formatMonth } from '../components/format'

export interface CostRow {
  id: string
  kind: CostKind
  amountFen: number
  hubId: string | null
  note: string
  templateId: string | null
  /** Set on a reversal: the cost it cancels. */
  reversesCostId: string | null
  voidedAt: string | null
  voidReason: string | null
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
  /** A correction (void or reverse) refused for one cost: the reason typed, and why. */
  correction?: { costId: string; reason: string; error: string }
}

/**
 * The month's costs with a running total, totals by kind and the grand total, and (while the
 * month is open) the form that records another; htmx posts it and swaps this whole section.
 * Void costs stay listed, struck through with why, and count in no total; a reversal is listed
 * as the negative entry it is. While the month is open each live cost can be voided or reversed
 * with a reason, in place (htmx) or as a plain form.
 */
export function CostsSection(props: CostsSectionProps) {
  const { t, locale } = usePage()
  const { costs, names } = props
  const totals = Object.fromEntries(costKinds.map((k) => [k, 0])) as Record<CostKind, number>
  const reversed = new Set(costs.flatMap((c) => (c.reversesCostId ? [c.reversesCostId] : [])))
  const byId = new Map(costs.map((c) => [c.id, c]))
  let running = 0
  const rows = costs.map((c) => {
    if (!c.voidedAt) {
      totals[c.kind] += c.amountFen
      running += c.amountFen
    }
    return { cost: c, running }
  })
  const correctable = (c: CostRow) => !c.voidedAt && !c.reversesCostId && !reversed.has(c.id)
  const withActions = !props.closed
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
              {withActions && <th scope="col">{t('settlement.costs.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ cost, running }) => (
              <tr
                id={`cost-${cost.id}`}
                class={
                  cost.voidedAt
                    ? 'cost cost--void'
                    : cost.reversesCostId
                      ? 'cost cost--reversal'
                      : 'cost'
                }
              >
                <td>
                  {cost.voidedAt ? (
                    <del>{t(`settlement.costKind.${cost.kind}`)}</del>
                  ) : (
                    t(`settlement.costKind.${cost.kind}`)
                  )}
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
                <td>
                  <CostNote cost={cost} original={byId.get(cost.reversesCostId ?? '')} />
                  {reversed.has(cost.id) && (
                    <>
                      {' '}
                      <span class="badge badge--reversed">{t('settlement.costs.reversed')}</span>
                    </>
                  )}
                </td>
                <td class="num">
                  {cost.voidedAt ? (
                    <del>
                      <Money fen={cost.amountFen} />
                    </del>
                  ) : (
                    <Money fen={cost.amountFen} />
                  )}
                </td>
                <td class="num muted">
                  <Money fen={running} />
                </td>
                {withActions && (
                  <td>
                    {correctable(cost) && (
                      <CorrectForm
                        month={props.month}
                        cost={cost}
                        refused={
                          props.correction?.costId === cost.id ? props.correction : undefined
                        }
                      />
                    )}
                  </td>
                )}
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
                {withActions && <td></td>}
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
              {withActions && <td></td>}
            </tr>
          </tfoot>
        </table>
      )}
      {props.closed ? <p class="hint">{t('settlement.costs.frozen')}</p> : <CostForm {...props} />}
    </section>
  )
}

/** A cost's note, and for a void cost or a reversal what happened to it and why. */
function CostNote({ cost, original }: { cost: CostRow; original?: CostRow }) {
  const { t, locale } = usePage()
  if (cost.voidedAt) {
    return (
      <>
        {cost.note && (
          <>
            <del>{cost.note}</del>{' '}
          </>
        )}
        <span class="badge badge--void">{t('settlement.costs.voided')}</span>{' '}
        <span class="cost__why">
          {t('settlement.costs.voidedWhy', {
            when: formatInstant(cost.voidedAt, locale),
            reason: cost.voidReason ?? '',
          })}
        </span>
      </>
    )
  }
  if (cost.reversesCostId) {
    return (
      <>
        <span class="badge badge--reversal">{t('settlement.costs.reversal')}</span>{' '}
        <span class="cost__why">
          {t('settlement.costs.reversalOf', {
            what: original?.note || t(`settlement.costKind.${cost.kind}`),
            reason: cost.note,
          })}
        </span>
      </>
    )
  }
  return <>{cost.note}</>
}

/**
 * Void or reverse one cost, with a reason. One form, two buttons: without JavaScript each button
 * posts the form to its own address (`formaction`); with htmx each posts it and swaps the section.
 */
function CorrectForm(props: {
  month: string
  cost: CostRow
  refused?: { reason: string; error: string }
}) {
  const { t } = usePage()
  const { cost, refused } = props
  const base = `/settlement/costs/${cost.id}`
  const field = `correct-${cost.id}`
  const swap = { 'hx-target': '#costs', 'hx-swap': 'outerHTML' }
  return (
    <details class="cost-correct" open={refused ? true : undefined}>
      <summary>{t('settlement.costs.correct')}</summary>
      <form method="post" action={`${base}/void`} class="cost-correct__form">
        <CsrfField />
        <input type="hidden" name="month" value={props.month} />
        <label for={field}>{t('settlement.costs.reason')}</label>
        <input
          id={field}
          name="reason"
          type="text"
          required
          maxlength={200}
          value={refused?.reason}
          aria-invalid={refused ? 'true' : undefined}
          aria-describedby={refused ? `${field}-error` : `${field}-hint`}
        />
        <p id={`${field}-hint`} class="hint">
          {t('settlement.costs.reasonHint')}
        </p>
        {refused && (
          <p id={`${field}-error`} class="field__error">
            {refused.error}
          </p>
        )}
        <div class="cost-correct__buttons">
          <button type="submit" hx-post={`${base}/void`} {...swap}>
            {t('settlement.costs.void')}
          </button>
          <button
            type="submit"
            formaction={`${base}/reverse`}
            hx-post={`${base}/reverse`}
            {...swap}
          >
            {t('settlement.costs.reverse')}
          </button>
        </div>
      </form>
    </details>
  )
}

function CostForm({ month, hubs, names, values = {}, errors = {} }: CostsSectionProps) {
  const { t } = usePage()
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
      <SelectField
        name="kind"
        label={t('settlement.costs.kind')}
        required
        value={values.kind}
        error={errors.kind}
        options={costKinds.map((k) => ({ value: k, label: t(`settlement.costKind.${k}`) }))}
      />
      <TextField
        name="amount"
        label={t('settlement.costs.amountYuan')}
        hint={t('settlement.costs.amountHint')}
        inputmode="decimal"
        required
        placeholder="999.99"
        value={values.amount}
        error={errors.amount}
      />
      <SelectField
        name="hubId"
        label={t('settlement.costs.hubOptional')}
        placeholder={t('settlement.cost.network')}
        value={values.hubId}
        error={errors.hubId}
        options={hubs.map((h) => ({ value: h.id, label: names.hub(h.id) }))}
      />
      <TextField
        name="note"
        label={t('settlement.costs.note')}
        maxlength={200}
        value={values.note}
        error={errors.note}
      />
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
