/**
 * Settlement outcomes, refusals and bases as sentences from the catalogues, so people never see
 * the English domain message: the facts come from the error's `details` and the line's basis.
 */
import type { CostKind, Locale } from '../../db/schema'
import type { DomainError } from '../../src/errors'
import { refusalText } from '../../src/http/refusal-copy'
import type { Lang } from '../../src/i18n'
import { formatFen } from '../../src/money'
import type { AmountError, PercentError } from '../../src/settlement/amounts'
import type { SettlementLine } from '../../src/settlement/service'
import { formatCount, formatList, formatMonth } from '../components/format'
import type { NoticeData } from '../components/notice'
import type { Names } from './format'

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

/**
 * Why a cost, an adjustment or a close was refused, as the settlement page says it: the
 * catalogue's sentence for the refusal (src/http/refusal-copy.ts), except where the page knows
 * more than the error: that a write lost its race to the close, which merchants a close waits
 * for, what a close was confirmed at, that it is the close that did not go through.
 */
export function refusalNotice(
  lang: Lang,
  error: DomainError,
  month: string,
  names?: Names,
): NoticeData {
  return { tone: 'error', text: refusalSentence(lang, error, month, names) }
}

function refusalSentence(lang: Lang, error: DomainError, month: string, names?: Names): string {
  const { t, locale } = lang
  const details = error.details
  // The month refused is the one the error names, whatever page it was sent from.
  const m = formatMonth(typeof details.month === 'string' ? details.month : month, locale)
  switch (details.reason) {
    case 'MONTH_CLOSED':
      return t('settlement.justClosed', { month: m })
    case 'UNDECLARED': {
      const ids = Array.isArray(details.merchantIds) ? details.merchantIds : []
      return t('settlement.close.undeclared', {
        month: m,
        merchants: merchantList(ids, names, locale),
      })
    }
    case 'TOTAL_CHANGED':
      return t('settlement.close.totalChanged', {
        month: m,
        total: formatFen(Number(details.totalFen ?? 0), locale),
        expected: formatFen(Number(details.expectedTotalFen ?? 0), locale),
      })
    case 'CHANGED':
      return t('settlement.close.changed', { month: m })
    default:
      return refusalText(lang, error, { month: m })
  }
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

export function paidNotice(lang: Lang, refused?: DomainError): NoticeData {
  if (refused) return { tone: 'error', text: refusalText(lang, refused) }
  return { tone: 'ok', text: lang.t('settlement.paid.done') }
}

/** A payment undone, or why not; a reason left out is asked for as the form's hint says. */
export function unpaidNotice(lang: Lang, refused?: DomainError): NoticeData {
  if (!refused) return { tone: 'ok', text: lang.t('settlement.paid.undone') }
  if (refused.code === 'BAD_USER_INPUT' && !refused.details.reason) {
    return { tone: 'error', text: lang.t('settlement.costs.error.reason') }
  }
  return { tone: 'error', text: refusalText(lang, refused) }
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
export const merchantList = (ids: readonly string[], names: Names | undefined, locale: Locale) =>
  formatList(
    ids.map((id) => names?.merchant(id) ?? id),
    locale,
  )
