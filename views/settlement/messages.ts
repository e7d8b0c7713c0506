/**
 * Settlement outcomes, refusals and bases as sentences from the catalogues, so people never see
 * the English domain message: the facts come from the error's `details` and the line's basis.
 */
import type { CostKind, Locale } from '../../db/schema'
import type { AmountError, PercentError } from '../../src/settlement/amounts'
import type { SettlementLine } from '../../src/settlement/service'
import { DomainError } from '../../src/errors'
import type { Translate } from '../../src/i18n'
import { formatFen } from '../../src/money'
import type { NoticeData } from '../components/notice'
import { type Names } from './format'
import { formatCount, formatMonth } from '../components/format'

export interface Lang {
  t: Translate
  locale: Locale
}

/** A typed amount that could not be read, as a sentence; `maxFen` is the field's limit. */
export function amountError(
  { t, locale }: Lang,
  error: AmountError,
  maxFen: number,
  signed = false,
): string {
  if (error === 'TOO_LARGE')
    return t('settlement.amount.TOO_LARGE', { max: formatFen(maxFen, locale) })
  if (error === 'FORMAT' && signed) return t('settlement.amount.FORMAT.signed')
  return t(`settlement.amount.${error}`)
}

export function percentError({ t }: Lang, error: PercentError): string {
  return t(`settlement.rules.error.${error}`)
}

/** A line's basis in words, and the fallback said explicitly when one applied. */
export function basisWords(
  { t, locale }: Lang,
  line: Pick<SettlementLine, 'kind' | 'basis' | 'stationId'>,
  names: Names,
  adjustment?: { reason: string; originalMonth: string | null },
): { text: string; fallback?: string } {
  const b = line.basis
  const num = (n: number) => formatCount(n, locale)
  if (b.rule === 'PER_PARCEL') {
    return {
      text: t('settlement.basis.PER_PARCEL', {
        parcels: num(b.mine),
        station: line.stationId ? names.station(line.stationId) : '',
      }),
    }
  }
  if (b.rule === 'PREMIUM') {
    return { text: t('settlement.basis.PREMIUM', { value: formatFen(b.mine, locale) }) }
  }
  if (b.rule === 'ADJUSTMENT') {
    if (!adjustment) return { text: t('settlement.basis.ADJUSTMENT') }
    return {
      text: adjustment.originalMonth
        ? t('settlement.basis.ADJUSTMENT.from', {
            month: formatMonth(adjustment.originalMonth, locale),
            reason: adjustment.reason,
          })
        : t('settlement.basis.ADJUSTMENT.reason', { reason: adjustment.reason }),
    }
  }
  const where = b.hubId
    ? t('settlement.basis.where', { hub: names.hub(b.hubId) })
    : t('settlement.basis.network')
  const rule = (b.fallback ?? b.rule) as 'UNITS' | 'BOOKED' | 'CARRIED' | 'EQUAL'
  const known = ['UNITS', 'BOOKED', 'CARRIED', 'EQUAL'].includes(rule)
  const text = known
    ? t(`settlement.basis.${rule}`, { mine: num(b.mine), total: num(b.total), where })
    : `${num(b.mine)} / ${num(b.total)}`
  if (!b.fallback) return { text }
  const from = b.rule as 'UNITS' | 'BOOKED' | 'CARRIED'
  const fallback =
    known && ['UNITS', 'BOOKED', 'CARRIED'].includes(from)
      ? t(`settlement.fallback.${from}`, { where, by: t(`settlement.by.${rule}`) })
      : t('settlement.fallback.other')
  return { text, fallback }
}

/** A cost just recorded. */
export function costRecordedNotice(
  { t, locale }: Lang,
  cost: { kind: CostKind; amountFen: number; hubId: string | null },
  names: Names,
): NoticeData {
  return {
    tone: 'ok',
    text: t('settlement.cost.recorded', {
      amount: formatFen(cost.amountFen, locale),
      kind: t(`settlement.costKind.${cost.kind}`),
      where: cost.hubId ? names.hub(cost.hubId) : t('settlement.cost.network'),
    }),
  }
}

/** Why a cost, a rule change or a close was refused by the domain. */
export function refusalNotice(
  { t, locale }: Lang,
  error: DomainError,
  month: string,
  names?: Names,
): NoticeData {
  const m = formatMonth(month, locale)
  const reason = error.details.reason
  let text: string
  if (error.code === 'CONFLICT' && reason === 'MONTH_CLOSED') {
    const closed = typeof error.details.month === 'string' ? error.details.month : month
    text = t('settlement.justClosed', { month: formatMonth(closed, locale) })
  } else if (
    error.code === 'CONFLICT' &&
    (reason === 'VOIDED' || reason === 'REVERSED' || reason === 'IS_REVERSAL')
  ) {
    text = t(`settlement.correct.${reason}`)
  } else if (error.code === 'CONFLICT' && reason === 'COST_CHANGED') {
    text = t('settlement.correct.CHANGED')
  } else if (error.code === 'CONFLICT' && reason === 'CLOSED') {
    text = t('settlement.closedRefused', { month: m })
  } else if (error.code === 'CONFLICT' && error.details.reason === 'UNDECLARED') {
    const ids = (error.details.merchantIds as string[] | undefined) ?? []
    text = t('settlement.close.undeclared', {
      month: m,
      merchants: merchantList(ids, names, locale),
    })
  } else if (error.code === 'CONFLICT' && error.details.reason === 'TOTAL_CHANGED') {
    text = t('settlement.close.totalChanged', {
      month: m,
      total: formatFen(Number(error.details.totalFen ?? 0), locale),
      expected: formatFen(Number(error.details.expectedTotalFen ?? 0), locale),
    })
  } else if (error.code === 'CONFLICT' && error.details.settlementId) {
    text = t('settlement.close.already', { month: m })
  } else if (error.code === 'CONFLICT' && /is closed/.test(error.message)) {
    text = t('settlement.closedRefused', { month: m })
  } else if (error.code === 'CONFLICT') {
    text = t('settlement.close.changed', { month: m })
  } else if (error.code === 'BAD_USER_INPUT' && error.details.field === 'month') {
    text = /still open/.test(error.message)
      ? t('settlement.adjust.open', { month: m })
      : t('settlement.close.notEnded', { month: m })
  } else if (error.code === 'NOT_FOUND') {
    text = t('settlement.notFound')
  } else {
    text = t('settlement.refused')
  }
  return { tone: 'error', text }
}

export function closedNotice({ t, locale }: Lang, month: string, totalFen: number): NoticeData {
  return {
    tone: 'ok',
    text: t('settlement.close.done', {
      month: formatMonth(month, locale),
      total: formatFen(totalFen, locale),
    }),
  }
}

export function paidNotice({ t }: Lang, refused?: DomainError): NoticeData {
  if (refused?.code === 'CONFLICT') return { tone: 'error', text: t('settlement.paid.already') }
  if (refused) return { tone: 'error', text: t('settlement.refused') }
  return { tone: 'ok', text: t('settlement.paid.done') }
}

/** A payment undone, or why not. */
export function unpaidNotice({ t }: Lang, refused?: DomainError): NoticeData {
  if (!refused) return { tone: 'ok', text: t('settlement.paid.undone') }
  const reason = refused.details.reason
  if (reason === 'LATER_MONTH_CLOSED') return { tone: 'error', text: t('settlement.paid.tooLate') }
  if (reason === 'NOT_PAID') return { tone: 'error', text: t('settlement.paid.notPaid') }
  if (refused.code === 'BAD_USER_INPUT')
    return { tone: 'error', text: t('settlement.costs.error.reason') }
  return { tone: 'error', text: t('settlement.refused') }
}

/** A cost just voided, or the reversal that just cancelled one. */
export function costCorrectedNotice(
  { t, locale }: Lang,
  cost: { kind: CostKind; amountFen: number; voidedAt: string | null },
  reversal?: { amountFen: number },
): NoticeData {
  const amount = formatFen(cost.amountFen, locale)
  const kind = t(`settlement.costKind.${cost.kind}`)
  return {
    tone: 'ok',
    text: reversal
      ? t('settlement.costs.reverseDone', {
          amount,
          kind,
          negative: formatFen(reversal.amountFen, locale),
        })
      : t('settlement.costs.voidDone', { amount, kind }),
  }
}

export function adjustmentNotice(
  { t, locale }: Lang,
  adjustment: { amountFen: number; month: string; merchantId: string },
  names: Names,
): NoticeData {
  return {
    tone: 'ok',
    text: t('settlement.adjust.done', {
      amount: formatFen(adjustment.amountFen, locale),
      merchant: names.merchant(adjustment.merchantId),
      month: formatMonth(adjustment.month, locale),
    }),
  }
}

/** Merchant names as a list in the page's language. */
export function merchantList(ids: readonly string[], names: Names | undefined, locale: Locale) {
  return ids.map((id) => names?.merchant(id) ?? id).join(locale === 'en' ? ', ' : '、')
}

/** Refusals a person can act on, as opposed to errors for the app's error page. */
export const isRefusal = (error: unknown): error is DomainError =>
  error instanceof DomainError && ['BAD_USER_INPUT', 'CONFLICT'].includes(error.code)
