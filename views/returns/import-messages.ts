/**
 * Sentences for the lines of an import that cannot be registered: the registration form's own
 * sentence for each wrong field, placed at the column of the file that holds it.
 */
import type { Lang } from '../../src/i18n'
import type { ImportField, ImportMapping } from '../../src/returns/import/columns'
import type { RowRefusal } from '../../src/returns/import/rows'
import { registrationErrors } from './messages'
import type { ReturnFormValues } from './return-form'

export interface ImportRowError {
  row: number
  column: string | null
  message: string
}

const importFieldOf: Record<keyof ReturnFormValues, ImportField> = {
  orderRef: 'orderRef',
  category: 'category',
  itemDescription: 'itemDescription',
  orderValue: 'orderValue',
  largeItem: 'largeItem',
  reason: 'reason',
  hubId: 'hub',
  customerContact: 'customerContact',
}

/** One error per wrong field of each refused line, in row order. */
export function importRowErrors(
  lang: Lang,
  refusals: readonly RowRefusal[],
  mapping: ImportMapping,
): ImportRowError[] {
  return refusals.flatMap((r) => {
    const large = r.problems.some((p) => p.path[0] === 'largeItem')
    const others = r.problems.filter((p) => p.path[0] !== 'largeItem')
    const errors = Object.entries(registrationErrors(lang, others, r.orderValue)) as [
      keyof ReturnFormValues,
      string,
    ][]
    if (large) errors.push(['largeItem', lang.t('returns.import.error.largeItem')])
    return errors.map(([field, message]) => {
      const column = mapping[importFieldOf[field]] ?? null
      return {
        row: r.row,
        column,
        message: column === null ? lang.t('returns.import.error.unmapped') : message,
      }
    })
  })
}
