import { fieldId } from './form-field'
import { usePage } from '../context'

interface ErrorSummaryProps {
  id: string
  /** The fields that are wrong, in the form's order. */
  fields: readonly string[]
  labels: Record<string, string>
  errors: Partial<Record<string, string>>
}

/** The list of a form's problems at its top, each linking to its field; announced on render. */
export function ErrorSummary({ id, fields, labels, errors }: ErrorSummaryProps) {
  const { t } = usePage()
  if (fields.length === 0) return null
  return (
    <div class="error-summary" role="alert" tabindex={-1} id={id}>
      <p>{t('returns.error.summary')}</p>
      <ul>
        {fields.map((f) => (
          <li>
            <a href={`#${fieldId(f)}`}>
              {t('returns.error.item', { field: labels[f]!, message: errors[f]! })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
