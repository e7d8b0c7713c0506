/**
 * The inspection pages' sentences for refusals: a photo that cannot be added, a grade the
 * checklist rules out, a parcel that moved on while its sheet was open. Refusals without copy of
 * their own here are said by the shared refusal copy.
 */
import type { Grade, ReturnStatus } from '../../db/schema'
import type { DomainError } from '../../src/errors'
import { refusalText } from '../../src/http/refusal-copy'
import type { Lang } from '../../src/i18n'
import { photoLimits } from '../../src/inspection/photos'
import type { NoticeData } from '../components/notice'
import { formatList } from '../components/format'
import type { GradeFit } from './sheet-page'

const megabytes = photoLimits.maxBytes / 1024 / 1024

/** Why photos were not added, as the upload field says it. */
export function photoProblem(lang: Lang, error: DomainError): string {
  const { t } = lang
  const file = String(error.details.file ?? '')
  switch (error.details.reason) {
    case 'TOO_MANY':
      return t('inspection.photos.error.tooMany', { max: photoLimits.maxFiles })
    case 'EMPTY':
      return t('inspection.photos.error.empty', { file })
    case 'TOO_LARGE':
      return t('inspection.photos.error.tooLarge', { file, megabytes })
    case 'TYPE':
      return t('inspection.photos.error.type', { file })
    case 'PHOTOS_CLOSED':
      return t('inspection.photos.error.status')
    default:
      return refusalText(lang, error)
  }
}

/** A grade the answers rule out: why, and which grades do fit. */
export function gradeProblem({ t, locale }: Lang, grade: Grade, fit: GradeFit): string {
  const gradeName = (g: Grade) => t(`inspection.grade.${g}`)
  return t('inspection.refused.grade', {
    grade: gradeName(grade),
    reasons: fit.reasons.join(t('inspection.sep')),
    allowed: formatList(fit.allowed.map(gradeName), locale) || '—',
  })
}

/** The parcel can no longer be inspected: where it is now, and that nothing was recorded. */
export const movedOnNotice = ({ t }: Lang, status: ReturnStatus): NoticeData => ({
  tone: 'error',
  text: t('inspection.refused.conflict', { status: t(`returns.status.${status}`) }),
})
