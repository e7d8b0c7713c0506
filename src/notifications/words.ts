/**
 * A notification in the reader's words, with where it leads: the same sentence on the page and
 * in the API. The event's data is read defensively (a field may be missing from older events);
 * a missing value reads as a dash rather than failing the whole list.
 */
import type { Locale, Role } from '../../db/schema'
import { formatDate, formatDayTime, formatMonth } from '../../views/components/format'
import type { Translate } from '../i18n'
import { formatFen } from '../money'
import type { NotificationView } from './service'

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null)
const isDate = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null)
const isMonth = (v: string | null) => (v && /^\d{4}-\d{2}$/.test(v) ? v : null)

/** The sentence for `n` in the reader's language. */
export function notificationText(n: NotificationView, t: Translate, locale: Locale): string {
  const d = n.data
  const none = t('notifications.unknown')
  const date = isDate(str(d.date))
  const month = isMonth(str(d.month))
  const amountFen = int(d.amountFen) ?? int(d.payoutFen) ?? int(d.paidFen)
  const due = str(d.dueAt)
  return t(`notifications.text.${n.kind}`, {
    code: n.returnCode ?? str(d.code) ?? none,
    date: date ? formatDate(date, locale) : none,
    month: month ? formatMonth(month, locale) : none,
    amount: amountFen === null ? none : formatFen(amountFen, locale),
    due: due && !Number.isNaN(Date.parse(due)) ? formatDayTime(due, locale) : none,
  })
}

/** The page the reader acts on it from, by what it is about and who reads it. */
export function notificationHref(n: NotificationView, role: Role): string {
  const returnId = n.returnId ? encodeURIComponent(n.returnId) : null
  const month = isMonth(str(n.data.month))
  switch (n.kind) {
    case 'BOOKING_PROMOTED':
    case 'BOOKING_CANCELLED':
      return '/bookings'
    case 'PARCEL_AT_STATION':
    case 'PARCEL_AT_HUB':
    case 'RETURN_INSPECTED':
    case 'SLA_DUE_SOON':
    case 'SLA_BREACHED':
      if (role === 'STATION_OPERATOR') return '/station'
      if (role === 'HUB_OPERATOR') return returnId ? `/inspect/${returnId}` : '/inspect'
      return returnId ? `/returns/${returnId}` : '/returns'
    case 'CLAIM_DECIDED':
    case 'CLAIM_PAID': {
      const claimId = str(n.data.id)
      if (claimId) return `/insurance/claims/${encodeURIComponent(claimId)}`
      return role === 'COORDINATOR' ? '/insurance/claims' : '/insurance'
    }
    case 'STATEMENT_READY':
    case 'ADJUSTMENT':
      if (role === 'COORDINATOR') return '/settlement'
      return month ? `/statements/${month}` : '/statements'
    case 'WEBHOOK_DISABLED':
      return '/webhooks'
  }
}
