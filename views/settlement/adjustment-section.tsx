import type { Merchant } from '../../src/network/service'
import type { AdjustmentRow } from '../../src/settlement/listing'
import { Notice, type NoticeData } from '../components/notice'
import { adjustmentConfirmAboveFen } from '../../src/money-ranges'
import { fenToYuan, formatFen } from '../../src/money'
import { ConfirmStep } from '../components/confirm-step'
import { CsrfField } from '../components/csrf-field'
import { Money } from '../components/money'
import { usePage } from '../context'
import { settlementHref, type Names } from './format'
import { formatInstant, formatMonth } from '../components/format'

export type AdjustmentErrors = Partial<Record<'merchantId' | 'amount' | 'reason', string>>

export interface AdjustmentSectionProps {
  month: string
  merchants: Merchant[]
  names: Names
  /** Corrections already made to this month, wherever they landed. */
  adjustments: AdjustmentRow[]
  notice?: NoticeData
  values?: { merchantId?: string; amount?: string; reason?: string }
  errors?: AdjustmentErrors
  /** A large adjustment waiting for its confirmation step instead of the form. */
  confirm?: { merchantId: string; amountFen: number; reason: string }
}

/**
 * Corrections to a closed month: they never change it, they become a line in the first open
 * month after it. The form says so, and the list shows where each landed.
 */
export function AdjustmentSection(props: AdjustmentSectionProps) {
  const { t, locale } = usePage()
  const { names, values = {}, errors = {} } = props
  const label = formatMonth(props.month, locale)
  const fieldError = (field: keyof AdjustmentErrors) =>
    errors[field] && (
      <p id={`adjust-${field}-error`} class="field__error">
        {errors[field]}
      </p>
    )
  const aria = (field: keyof AdjustmentErrors, hint?: string) => ({
    'aria-invalid': errors[field] ? ('true' as const) : undefined,
    'aria-describedby': errors[field] ? `adjust-${field}-error` : hint,
  })
  return (
    <section class="card" id="adjustments" aria-labelledby="adjustments-title">
      <h2 id="adjustments-title">{t('settlement.adjust.title')}</h2>
      {props.notice && <Notice {...props.notice} />}
      <p class="hint">{t('settlement.adjust.lead', { month: label })}</p>
      {props.adjustments.length > 0 && (
        <table class="adjustments">
          <thead>
            <tr>
              <th scope="col">{t('settlement.preview.merchant')}</th>
              <th scope="col" class="num">
                {t('settlement.adjust.amount')}
              </th>
              <th scope="col">{t('settlement.adjust.reason')}</th>
              <th scope="col">{t('settlement.adjust.landsIn')}</th>
              <th scope="col">{t('settlement.adjust.when')}</th>
            </tr>
          </thead>
          <tbody>
            {props.adjustments.map((a) => (
              <tr>
                <th scope="row">{names.merchant(a.merchantId)}</th>
                <td class="num">
                  <Money fen={a.amountFen} />
                </td>
                <td>{a.reason}</td>
                <td>
                  <a href={settlementHref(a.month)}>{formatMonth(a.month, locale)}</a>
                </td>
                <td>{formatInstant(a.createdAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.confirm && <AdjustmentConfirm month={props.month} names={names} {...props.confirm} />}
      {!props.confirm && (
        <form
          method="post"
          action="/settlement/adjustments"
          hx-post="/settlement/adjustments"
          hx-target="#adjustments"
          hx-swap="outerHTML"
          class="adjust-form"
        >
          <CsrfField />
          <input type="hidden" name="month" value={props.month} />
          <div class={errors.merchantId ? 'field field--invalid' : 'field'}>
            <label for="adjust-merchant">{t('settlement.preview.merchant')}</label>
            <select id="adjust-merchant" name="merchantId" required {...aria('merchantId')}>
              <option value="">{t('settlement.adjust.choose')}</option>
              {props.merchants.map((m) => (
                <option value={m.id} selected={values.merchantId === m.id}>
                  {names.merchant(m.id)}
                </option>
              ))}
            </select>
            {fieldError('merchantId')}
          </div>
          <div class={errors.amount ? 'field field--invalid' : 'field'}>
            <label for="adjust-amount">{t('settlement.adjust.amountYuan')}</label>
            <input
              id="adjust-amount"
              name="amount"
              type="text"
              inputmode="decimal"
              autocomplete="off"
              required
              placeholder="-50.00"
              value={values.amount}
              {...aria('amount', 'adjust-amount-hint')}
            />
            <p id="adjust-amount-hint" class="hint">
              {t('settlement.adjust.amountHint')}
            </p>
            {fieldError('amount')}
          </div>
          <div class={errors.reason ? 'field field--invalid' : 'field'}>
            <label for="adjust-reason">{t('settlement.adjust.reason')}</label>
            <input
              id="adjust-reason"
              name="reason"
              type="text"
              maxlength={300}
              required
              value={values.reason}
              {...aria('reason')}
            />
            {fieldError('reason')}
          </div>
          <div>
            <button type="submit" class="button">
              {t('settlement.adjust.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}

/** A large adjustment said back before it is recorded. */
function AdjustmentConfirm(props: {
  month: string
  names: Names
  merchantId: string
  amountFen: number
  reason: string
}) {
  const { t, locale } = usePage()
  return (
    <ConfirmStep
      id="adjust-confirm"
      title={t('settlement.adjust.confirmTitle')}
      lead={t('settlement.adjust.confirmLead', {
        merchant: props.names.merchant(props.merchantId),
        month: formatMonth(props.month, locale),
        reason: props.reason,
      })}
      amountFen={props.amountFen}
      amountLabel={t('settlement.adjust.confirmAmount')}
      warning={t('settlement.adjust.confirmWarning', {
        threshold: formatFen(adjustmentConfirmAboveFen, locale),
      })}
      action="/settlement/adjustments"
      fields={{
        month: props.month,
        merchantId: props.merchantId,
        amount: fenToYuan(props.amountFen),
        reason: props.reason,
      }}
      confirmLabel={t('settlement.adjust.confirm')}
      backHref={`${settlementHref(props.month)}#adjustments`}
      hxTarget="#adjustments"
    />
  )
}
