/** The outcome of a return as one sentence for its customer: the decision and what happens next. */
import type { Lang } from '../i18n'
import { formatFen } from '../money'
import type { Outcome } from './customer-view'

/**
 * @example outcomeText({ t, locale: 'en' }, { kind: 'REFUND', refundFen: 12_900 })
 * // 'The shop refunds you ¥129.00 …'
 */
export function outcomeText({ t, locale }: Lang, outcome: Outcome): string {
  // Only a refund's sentence has an amount: the others are not formatted for nothing.
  if (outcome.kind !== 'REFUND') return t(`returns.outcome.${outcome.kind}`)
  return t('returns.outcome.REFUND', { amount: formatFen(outcome.refundFen ?? 0, locale) })
}
