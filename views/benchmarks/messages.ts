/** Benchmark refusals as sentences for the publishing page, from the refusal catalogue. */
import type { DomainError } from '../../src/errors'
import { refusalText } from '../../src/http/refusal-copy'
import type { Lang } from '../../src/i18n'
import type { NoticeData } from '../components/notice'

/**
 * Why a month was not published: not over yet or already published (the refusal's reason), or a
 * month that is not one of the list's.
 */
export function publishRefusedNotice(lang: Lang, error: DomainError): NoticeData {
  const text = error.details.reason
    ? lang.t('benchmarks.publish.refused', { reason: refusalText(lang, error) })
    : lang.t('benchmarks.publish.refused.month')
  return { tone: 'error', text }
}
