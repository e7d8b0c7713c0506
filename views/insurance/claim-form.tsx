import type { Return } from '../../src/returns/service'
import { formatCode } from '../../src/returns/code'
import { formatFen } from '../../src/money'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { DateField, fieldId, SelectField, TextArea, TextField } from '../components/form-field'
import { ErrorSummary } from '../components/error-summary'

/** What the merchant typed, echoed back as typed when the form comes back with errors. */
export interface ClaimFormValues {
  returnId: string
  amount: string
  lossDate: string
  description: string
}

export type ClaimField = keyof ClaimFormValues | 'evidence'
export type ClaimFormErrors = Partial<Record<ClaimField, string>>

/** The form's fields in page order, so the error summary lists them in the same order. */
export const claimFields: readonly ClaimField[] = [
  'returnId',
  'amount',
  'lossDate',
  'description',
  'evidence',
]

export const emptyClaim: ClaimFormValues = {
  returnId: '',
  amount: '',
  lossDate: '',
  description: '',
}

export interface ClaimFormProps {
  returns: Return[]
  values: ClaimFormValues
  errors?: ClaimFormErrors
  /** Today in Shanghai: the latest loss date. */
  today: string
  /** The per-claim cap of today's terms (a loss date's own terms apply when filed). */
  capFen: number
  /** Evidence files can be attached (the runtime has somewhere to keep them). */
  uploads: { maxFiles: number; maxMegabytes: number } | null
}

/** Filing a claim: an optional return of the merchant's, the amount in yuan, when and what. */
export function ClaimForm({
  returns,
  values,
  errors = {},
  today,
  capFen,
  uploads,
}: ClaimFormProps) {
  const { t, locale } = usePage()
  const labels: Record<ClaimField, string> = {
    returnId: t('insurance.claimForm.return'),
    amount: t('insurance.claimForm.amount'),
    lossDate: t('insurance.claimForm.lossDate'),
    description: t('insurance.claimForm.description'),
    evidence: t('insurance.claimForm.evidence'),
  }
  const wrong = claimFields.filter((f) => errors[f])
  return (
    <section class="card" id="new-claim" aria-labelledby="new-claim-title">
      <h2 id="new-claim-title">{t('insurance.claimForm.title')}</h2>
      <p class="hint">{t('insurance.claimForm.lead', { cap: formatFen(capFen, locale) })}</p>
      <ErrorSummary id="claim-errors" fields={wrong} labels={labels} errors={errors} />
      <form
        class="stack claim-form"
        method="post"
        action="/insurance/claims"
        enctype={uploads ? 'multipart/form-data' : undefined}
        novalidate
      >
        <CsrfField />
        <SelectField
          name="returnId"
          label={labels.returnId}
          hint={t('insurance.claimForm.return.hint')}
          value={values.returnId}
          error={errors.returnId}
          placeholder={t('insurance.claimForm.noReturn')}
          options={returns.map((r) => ({
            value: r.id,
            label: `${formatCode(r.code)} · ${r.itemDescription} · ${formatFen(r.orderValueFen, locale)}`,
          }))}
        />
        <TextField
          name="amount"
          label={labels.amount}
          hint={t('insurance.claimForm.amount.hint', { cap: formatFen(capFen, locale) })}
          value={values.amount}
          error={errors.amount}
          inputmode="decimal"
          placeholder="0.00"
          required
        />
        <DateField
          name="lossDate"
          label={labels.lossDate}
          hint={t('insurance.claimForm.lossDate.hint')}
          value={values.lossDate}
          error={errors.lossDate}
          max={today}
          required
        />
        <TextArea
          name="description"
          label={labels.description}
          value={values.description}
          error={errors.description}
          maxlength={2000}
          rows={4}
          required
        />
        {uploads && (
          <EvidenceField
            label={labels.evidence}
            error={errors.evidence}
            maxFiles={uploads.maxFiles}
            maxMegabytes={uploads.maxMegabytes}
          />
        )}
        <p>
          <button type="submit" class="button button--primary">
            {t('insurance.claimForm.submit')}
          </button>
        </p>
      </form>
    </section>
  )
}

/** Photos or PDFs of the loss, several at once. */
export function EvidenceField(props: {
  label: string
  error?: string
  maxFiles: number
  maxMegabytes: number
}) {
  const { t } = usePage()
  const id = fieldId('evidence')
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name="evidence"
        type="file"
        multiple
        accept="image/jpeg,image/png,image/webp,application/pdf"
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      <p id={`${id}-hint`} class="hint field__hint">
        {t('insurance.evidence.hint', { files: props.maxFiles, megabytes: props.maxMegabytes })}
      </p>
      {props.error && (
        <p id={`${id}-error`} class="field__error">
          {props.error}
        </p>
      )}
    </div>
  )
}
