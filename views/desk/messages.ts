/**
 * The desk's sentences: what was done to a return, what a return that moved on meanwhile is now,
 * and why a decision was not recorded, from the refusal's field and problem.
 */
import type { Grade, ResolutionKind, ReturnStatus } from '../../db/schema'
import type { DomainError } from '../../src/errors'
import type { Lang } from '../../src/i18n'
import { formatFen } from '../../src/money'
import { formatCode } from '../../src/returns/code'
import type { NoticeData } from '../components/notice'
import { forbiddenReason } from './desk-item'

export const respondedNotice = ({ t }: Lang, code: string): NoticeData => ({
  tone: 'ok',
  text: t('inspection.desk.respond.done', { code: formatCode(code) }),
})

export const closedNotice = ({ t }: Lang, code: string): NoticeData => ({
  tone: 'ok',
  text: t('inspection.desk.close.done', { code: formatCode(code) }),
})

/** The outcome of a decision: `ABCD-… resolved: refund of ¥258.00.` */
export function resolvedNotice(
  { t, locale }: Lang,
  code: string,
  decision: { resolution: ResolutionKind; refundFen: number | null } | null,
): NoticeData {
  const shownCode = formatCode(code)
  if (decision?.resolution === 'REFUND' && decision.refundFen !== null) {
    const amount = formatFen(decision.refundFen, locale)
    return { tone: 'ok', text: t('inspection.desk.resolve.refunded', { code: shownCode, amount }) }
  }
  const resolution = decision ? t(`inspection.resolution.${decision.resolution}`) : ''
  return { tone: 'ok', text: t('inspection.desk.resolve.done', { code: shownCode, resolution }) }
}

/** A return that moved on while the desk was open: where it is now, and that nothing changed. */
export const movedOnNotice = ({ t }: Lang, status: ReturnStatus): NoticeData => ({
  tone: 'error',
  text: t('inspection.desk.conflict', { status: t(`returns.status.${status}`) }),
})

/** A refused first response: nothing written, or more than the field takes. */
export const messageProblem = ({ t }: Lang, error: DomainError) =>
  error.details.problem === 'form.tooLong'
    ? t('inspection.desk.respond.tooLong')
    : t('inspection.desk.respond.empty')

/**
 * Why a decision was refused, for the field beside the buttons: the amount as typed, its range,
 * the order value it may not exceed, or a decision the grade rules out.
 */
export function decisionProblem(
  lang: Lang,
  error: DomainError,
  context: {
    orderValueFen: number
    decided?: { grade: Grade; resolution: ResolutionKind; allowed: ResolutionKind[] }
  },
): string {
  const { t, locale } = lang
  const { field, problem } = error.details
  if (field === 'refundYuan') return t('inspection.desk.resolve.badAmount')
  if (field === 'refundFen' && problem === 'form.tooSmall') {
    return t('inspection.desk.resolve.positive')
  }
  if (field === 'refundFen') {
    const value = formatFen(context.orderValueFen, locale)
    return t('inspection.desk.resolve.tooMuch', { value })
  }
  const decided = context.decided
  return decided
    ? forbiddenReason(t, decided.grade, decided.resolution, decided.allowed)
    : t('inspection.desk.resolve.choose')
}

/** A decision refused in the item: `Not recorded. {why}` */
export const decisionRefusedNotice = ({ t }: Lang, reason: string): NoticeData => ({
  tone: 'error',
  text: t('inspection.desk.resolve.refused', { reason }),
})
