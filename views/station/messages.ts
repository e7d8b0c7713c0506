/** The station console's words for a check-in that was refused. */
import type { DomainError } from '../../src/errors'
import { refusalText } from '../../src/http/refusal-copy'
import type { Lang } from '../../src/i18n'
import type { CheckInResult } from './console-page'

/** A code no return has, a parcel the console explains in its own words, or the shared copy. */
export function checkInRefused(lang: Lang, error: DomainError, code: string): CheckInResult {
  if (error.code === 'NOT_FOUND') return { kind: 'refused', reason: 'notFound' }
  const reason = error.details.reason
  switch (reason) {
    case 'CANCELLED':
    case 'OTHER_STATION':
    case 'STATION_INACTIVE':
      return { kind: 'refused', reason }
    case 'LARGE_ITEM_NOT_SERVED':
    case 'LARGE_ITEM_NOWHERE':
      return { kind: 'largeItem', code, text: refusalText(lang, error) }
    default:
      return { kind: 'refused', reason: 'other', text: refusalText(lang, error) }
  }
}
