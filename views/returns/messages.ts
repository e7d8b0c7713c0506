/**
 * The returns pages' sentences for a refused registration: one per wrong field, saying the limit
 * when too long and otherwise what to enter, the order value in yuan as the merchant typed it.
 */
import type { Lang } from '../../src/i18n'
import { formatFen, yuanToFen } from '../../src/money'
import { formFields, type ReturnFormErrors, type ReturnFormValues } from './return-form'

type Field = keyof ReturnFormValues

interface Problem {
  code: string
  path: PropertyKey[]
  maximum?: unknown
}

/** The schema names the fen; the form asks for yuan. */
export const formFieldOf = (schemaField: string): Field => {
  const field = schemaField === 'orderValueFen' ? 'orderValue' : schemaField
  return formFields.includes(field as Field) ? (field as Field) : 'orderRef'
}

/** One sentence for one wrong field. */
export function fieldProblem({ t, locale }: Lang, field: Field, problem?: Problem): string {
  if (problem?.code === 'too_big') {
    if (field === 'orderValue') {
      return t('returns.error.orderValue.max', { max: formatFen(Number(problem.maximum), locale) })
    }
    return t('returns.error.tooLong', { max: Number(problem.maximum) })
  }
  switch (field) {
    case 'orderValue':
      return t('returns.error.orderValue.format')
    // A checkbox reaches the schema as a boolean and cannot be wrong; a contact only too long.
    case 'largeItem':
    case 'customerContact':
      return t('returns.error.tooLong', { max: 100 })
    default:
      return t(`returns.error.${field}`)
  }
}

/** Every wrong field's sentence; the amount's own reading first ("12.345" is malformed). */
export function registrationErrors(
  lang: Lang,
  problems: readonly Problem[],
  orderValue: string,
): ReturnFormErrors {
  const errors: ReturnFormErrors = {}
  for (const problem of problems) {
    const field = formFieldOf(String(problem.path[0]))
    errors[field] ??= fieldProblem(lang, field, problem)
  }
  if (yuanToFen(orderValue) === null) {
    errors.orderValue = lang.t(
      orderValue.trim() === ''
        ? 'returns.error.orderValue.required'
        : 'returns.error.orderValue.format',
    )
  }
  return errors
}
