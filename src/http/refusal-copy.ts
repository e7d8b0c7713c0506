/**
 * The one place a refusal becomes words for people: a domain error's code and `details` are
 * looked up in the catalogues (src/i18n/refusals.ts) and its facts formatted for the page. The
 * English `message` is for programs and logs and never reaches a page.
 */
import type * as z from '../zod'
import type { DomainError, ErrorDetails } from '../errors'
import { hasMessage, type Lang, type MessageKey } from '../i18n'
import { formatFen } from '../money'
import type { NotFoundEntity, RefusalReason } from '../refusal-reasons'
import { formatCount, formatDay, formatList, formatMonth } from '../../views/components/format'

// Compile-time proof that every reason and every missing record has copy in the catalogues.
type Missing<K extends string> = Exclude<K, MessageKey>
const everyReasonHasCopy: Missing<`refusal.${RefusalReason}`> extends never ? true : never = true
const everyEntityHasCopy: Missing<`error.notFound.${NotFoundEntity}`> extends never ? true : never =
  true
void everyReasonHasCopy
void everyEntityHasCopy

type Params = Record<string, string | number>

/** The error's facts as placeholders: money as yuan, months and days in the page's calendar. */
function factParams({ locale }: Lang, details: ErrorDetails): Params {
  const params: Params = {}
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === 'number' && Number.isSafeInteger(value) && name.endsWith('Fen')) {
      params[name] = formatFen(value, locale)
    } else if (typeof value === 'number') params[name] = formatCount(value, locale)
    else if (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) {
      params[name] = formatMonth(value, locale)
    } else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      params[name] = formatDay(value, locale)
    } else if (typeof value === 'string') params[name] = value
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      params[name] = formatList(value, locale)
    }
  }
  return params
}

/** A field's name as people know it from the form, when the catalogues have one. */
export function fieldLabel({ t }: Lang, field: string): string | undefined {
  const key = `field.${field.split('.')[0]}`
  return hasMessage(key) ? t(key) : undefined
}

/**
 * A refusal as one sentence in the page's language. `extra` adds facts the route knows (a hub's
 * name, the date on the form) and may override formatted details.
 * @example refusalText(lang, new Conflict('…', { reason: 'MONTH_CLOSED', month: '2026-11' }))
 *   // '2026年11月刚刚结账，请刷新页面后重试。'
 */
export function refusalText(lang: Lang, error: DomainError, extra: Params = {}): string {
  const { t } = lang
  const details = error.details
  const params = { ...factParams(lang, details), ...extra }
  if (details.reason) return t(`refusal.${details.reason}`, params)
  if (error.code === 'NOT_FOUND') {
    return details.entity ? t(`error.notFound.${details.entity}`) : t('error.notFound.body')
  }
  if (error.code === 'FORBIDDEN') return t('error.forbidden.body')
  if (error.code === 'BAD_USER_INPUT') {
    const field = typeof details.field === 'string' ? fieldLabel(lang, details.field) : undefined
    const problem = typeof details.problem === 'string' ? details.problem : ''
    return field
      ? t('error.BAD_USER_INPUT.field', {
          field,
          problem: hasMessage(problem) ? t(problem, params) : t('form.invalid'),
        })
      : t('error.BAD_USER_INPUT')
  }
  return t(`error.${error.code}`, params)
}

/**
 * A zod problem with one field as a short phrase ("use at most 200 characters."), from the
 * problem's kind and bounds rather than the schema's English message.
 */
export function issueText(lang: Lang, issue: z.core.$ZodIssue, input?: unknown): string {
  return lang.t(issueKey(issue, input), issueParams(lang, issue))
}

/**
 * The catalogue key for a zod problem (kept in `details.problem` of the refusal it becomes).
 * zod does not report the value it read, so `input` (the field as sent) tells a missing field
 * from a wrong one.
 */
export function issueKey(issue: z.core.$ZodIssue, input?: unknown): MessageKey {
  const reason = issue.code === 'custom' ? (issue.params?.reason as string | undefined) : undefined
  if (reason && hasMessage(`refusal.${reason}`)) return `refusal.${reason}` as MessageKey
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined || input === '' ? 'form.required' : 'form.invalid'
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'form.required' : 'form.tooShort'
      return 'form.tooSmall'
    case 'too_big':
      return issue.origin === 'string' ? 'form.tooLong' : 'form.tooLarge'
    case 'invalid_format':
      return 'form.format'
    case 'invalid_value':
      return 'form.choose'
    default:
      return 'form.invalid'
  }
}

function issueParams({ locale }: Lang, issue: z.core.$ZodIssue): Params {
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return {}
  const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum)
  const value = formatCount(bound, locale)
  return issue.code === 'too_small' ? { minimum: value } : { maximum: value }
}
