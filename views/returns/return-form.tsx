import { categories } from '../../db/schema'
import type { Hub } from '../../src/network/service'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { CheckboxField, SelectField, TextArea, TextField } from '../components/form-field'
import { ErrorSummary } from '../components/error-summary'
import { HubChoice, RegionStep, type RegionAsked } from './hub-choice'

/** What the merchant typed, echoed back as typed when the form comes back with errors. */
export interface ReturnFormValues {
  orderRef: string
  category: string
  itemDescription: string
  orderValue: string
  largeItem: boolean
  reason: string
  hubId: string
  customerContact: string
}

export type ReturnFormErrors = Partial<Record<keyof ReturnFormValues, string>>

/** The form's fields in page order, so the error summary lists them in the same order. */
export const formFields: readonly (keyof ReturnFormValues)[] = [
  'orderRef',
  'category',
  'itemDescription',
  'orderValue',
  'largeItem',
  'reason',
  'hubId',
  'customerContact',
]

interface ReturnFormProps {
  hubs: Hub[]
  /** The cities and provinces with stations, offered in the region step. */
  regions: readonly string[]
  values: ReturnFormValues
  errors?: ReturnFormErrors
  /** The customer's region, when one was asked for. */
  asked?: RegionAsked
}

export function ReturnFormPage(props: ReturnFormProps) {
  const { hubs, values, errors = {} } = props
  const { t } = usePage()
  const wrong = formFields.filter((f) => errors[f])
  const labels: Record<keyof ReturnFormValues, string> = {
    orderRef: t('returns.field.orderRef'),
    category: t('returns.field.category'),
    itemDescription: t('returns.field.itemDescription'),
    orderValue: t('returns.field.orderValue'),
    largeItem: t('returns.field.largeItem'),
    reason: t('returns.field.reason'),
    hubId: t('returns.field.hubId'),
    customerContact: t('returns.field.customerContact'),
  }
  return (
    <>
      <p class="crumbs">
        <a href="/returns">{t('returns.detail.back')}</a>
      </p>
      <h1>{t('returns.new.title')}</h1>
      <p>{t('returns.new.lead')}</p>
      <ErrorSummary id="error-summary" fields={wrong} labels={labels} errors={errors} />
      <RegionStep regions={props.regions} asked={props.asked} />
      <form class="card stack return-form" method="post" action="/returns" novalidate>
        <CsrfField />
        <TextField
          name="orderRef"
          label={labels.orderRef}
          hint={t('returns.field.orderRef.hint')}
          value={values.orderRef}
          error={errors.orderRef}
          maxlength={64}
          required
        />
        <SelectField
          name="category"
          label={labels.category}
          value={values.category}
          error={errors.category}
          placeholder={t('returns.field.choose')}
          options={categories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          required
        />
        <TextField
          name="itemDescription"
          label={labels.itemDescription}
          hint={t('returns.field.itemDescription.hint')}
          value={values.itemDescription}
          error={errors.itemDescription}
          maxlength={200}
          required
        />
        <TextField
          name="orderValue"
          label={labels.orderValue}
          hint={t('returns.field.orderValue.hint')}
          value={values.orderValue}
          error={errors.orderValue}
          inputmode="decimal"
          placeholder="0.00"
          required
        />
        <CheckboxField
          name="largeItem"
          label={labels.largeItem}
          checked={values.largeItem}
          error={errors.largeItem}
        />
        <TextArea
          name="reason"
          label={labels.reason}
          value={values.reason}
          error={errors.reason}
          maxlength={500}
          required
        />
        <HubChoice hubs={hubs} value={values.hubId} error={errors.hubId} asked={props.asked} />
        <TextField
          name="customerContact"
          label={labels.customerContact}
          hint={t('returns.field.customerContact.hint')}
          value={values.customerContact}
          error={errors.customerContact}
          maxlength={100}
          autocomplete="off"
        />
        <p>
          <button type="submit" class="button button--primary">
            {t('returns.new.submit')}
          </button>
        </p>
      </form>
    </>
  )
}
