/**
 * Turns insurance outcomes and refusals into sentences from the catalogues, so people never see
 * the English domain message: the facts come from the error's `details` and the page's data.
 */
import type { ClaimStatus } from '../../db/schema'
import type { DomainError } from '../../src/errors'
import { refusalText } from '../../src/http/refusal-copy'
import type { Lang } from '../../src/i18n'
import { evidenceLimits } from '../../src/insurance/evidence'
import { formatFen } from '../../src/money'
import type { NoticeData } from '../components/notice'
import { formatCount, formatDate, formatMonth } from '../components/format'

/** A refused order value: missing, malformed or too large. */
export function amountError({ t, locale }: Lang, typed: string, maxFen?: number): string {
  if (maxFen !== undefined)
    return t('insurance.error.amount.max', { max: formatFen(maxFen, locale) })
  return t(
    typed.trim() === '' ? 'insurance.error.amount.required' : 'insurance.error.amount.format',
  )
}

/**
 * A declaration the domain refused: the month closed (as the page showed it, or since), not
 * enrolled, before the cover or not started.
 */
export function declarationRefusal(
  lang: Lang,
  error: DomainError,
  context: { month: string; closed: boolean; startMonth?: string },
): NoticeData {
  const { t, locale } = lang
  const month = formatMonth(context.month, locale)
  if (context.closed || error.details.reason === 'MONTH_CLOSED') {
    return { tone: 'error', text: t('insurance.declare.refused.closed', { month }) }
  }
  if (error.details.reason === 'NOT_ENROLLED' || !context.startMonth) {
    return { tone: 'error', text: refusalText(lang, error) }
  }
  if (context.month < context.startMonth) {
    return {
      tone: 'error',
      text: t('insurance.declare.refused.beforeCover', {
        month,
        start: formatMonth(context.startMonth, locale),
      }),
    }
  }
  if (error.code === 'BAD_USER_INPUT') {
    return { tone: 'error', text: t('insurance.declare.refused.notStarted', { month }) }
  }
  return { tone: 'error', text: t('insurance.declare.refused.other', { month }) }
}

/** A declaration that went through, with the premium it makes. */
export function declaredNotice(
  { t, locale }: Lang,
  d: { month: string; orderValueFen: number | null; premiumFen: number | null },
): NoticeData {
  return {
    tone: 'ok',
    text: t('insurance.declare.done', {
      month: formatMonth(d.month, locale),
      value: formatFen(d.orderValueFen ?? 0, locale),
      premium: formatFen(d.premiumFen ?? 0, locale),
    }),
  }
}

/** Why the files could not be attached, naming the file and what a claim accepts. */
export function evidenceError(lang: Lang, error: DomainError): string {
  const { t } = lang
  const file = String(error.details.file ?? '')
  switch (error.details.reason) {
    case 'TOO_MANY':
      return t('insurance.evidence.error.tooMany', { max: evidenceLimits.maxFiles })
    case 'EMPTY':
      return t('insurance.evidence.error.empty', { file })
    case 'TOO_LARGE':
      return t('insurance.evidence.error.tooLarge', {
        file,
        megabytes: evidenceLimits.maxBytes / 1024 / 1024,
      })
    case 'TYPE':
      return t('insurance.evidence.error.type', { file })
    default:
      return refusalText(lang, error)
  }
}

/** A claim amount over the cap of the loss date's terms, naming the cap. */
export function overCap({ t, locale }: Lang, capFen: number, lossDate: string): string {
  return t('insurance.error.claim.cap', {
    cap: formatFen(capFen, locale),
    date: formatDate(lossDate, locale),
  })
}

export function overReturnValue({ t, locale }: Lang, valueFen: number): string {
  return t('insurance.error.claim.returnValue', { value: formatFen(valueFen, locale) })
}

/** A decision the amount rules refused: a full approval of less, or a partial of too much. */
export function decisionAmountError(
  { t, locale }: Lang,
  decision: string,
  limitFen: number,
): string {
  const limit = formatFen(limitFen, locale)
  return decision === 'APPROVED'
    ? t('insurance.error.decision.full', { limit })
    : t('insurance.error.decision.partial', {
        limit,
        most: formatFen(Math.max(1, limitFen - 1), locale),
      })
}

/** A decision that came too late: someone else decided the claim first. */
export function alreadyDecided({ t }: Lang, status: ClaimStatus): NoticeData {
  return {
    tone: 'error',
    text: t('insurance.decision.conflict', { status: t(`insurance.status.${status}`) }),
  }
}

/** What a payout run paid, from the ledger, and what stays payable. */
export function payoutNotice(
  { t, locale }: Lang,
  run: { month: string; paidFen: number; claims: number },
  pendingFen: number,
  again: boolean,
): NoticeData {
  const params = {
    amount: formatFen(run.paidFen, locale),
    claims: formatCount(run.claims, locale),
    month: formatMonth(run.month, locale),
    pending: formatFen(pendingFen, locale),
  }
  if (again) return { tone: 'warn', text: t('insurance.payout.again', params) }
  return {
    tone: 'ok',
    text:
      pendingFen > 0
        ? t('insurance.payout.donePartly', params)
        : t('insurance.payout.done', params),
  }
}
