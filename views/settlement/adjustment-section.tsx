import type { Merchant } from '../../src/network/service'
import type { AdjustmentRow } from '../../src/settlement/listing'
import { Notice, type NoticeData } from '../components/notice'
import { adjustmentConfirmAboveFen } from '../../src/money-ranges'
import { fenToYuan, formatFen } from '../../src/money'
import { ConfirmStep } from '../components/confirm-step'
import { CsrfField } from '../components/csrf-field'
import { SelectField, TextField } from '../components/form-field'
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
          <SelectField
            name="merchantId"
            label={t('settlement.preview.merchant')}
            placeholder={t('settlement.adjust.choose')}
            required
            value={values.merchantId}
            error={errors.merchantId}
            options={props.merchants.map((m) => ({ value: m.id, label: names.merchant(m.id) }))}
          />
          <TextField
            name="amount"
            label={t('settlement.adjust.amountYuan')}
            hint={t('settlement.adjust.amountHint')}
            inputmode="decimal"
            required
            placeholder="-50.00"
            value={values.amount}
            error={errors.amount}
          />
          <TextField
            name="reason"
            label={t('settlement.adjust.reason')}
            maxlength={300}
            required
            value={values.reason}
            error={errors.reason}
          />
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
