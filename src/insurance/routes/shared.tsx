/**
 * What the insurance pages share: the page's language, merchants' names, who may post a form
 * (checked before the form is read), and the limits and reading of evidence uploads.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../../http/types'
import { uploadBodyLimit } from '../../http/upload-limit'
import { localizedName } from '../../i18n/localized-name'
import { uploadsOf, type Upload } from '../../uploads'
import { evidenceLimits } from '../evidence'

export type Ctx = Context<AppEnv>

export const merchantName = (c: Ctx, m: { name: string; nameEn: string }) =>
  localizedName(m, c.get('locale'))

/**
 * Refuses anyone outside `roles` before the form is read, so a form posted by someone who may
 * not post it is refused as such, never answered with what is wrong with its fields.
 */

export const uploadLimit = uploadBodyLimit(evidenceLimits, {
  title: 'insurance.evidence.tooBig.title',
  body: 'insurance.evidence.tooBig',
})

/**
 * Every evidence file the form sent. `form()` keeps one value per field, the last, so the files
 * are read from the posted form itself; only a multipart form carries files.
 */
export async function postedEvidence(c: Ctx): Promise<Upload[]> {
  const type = c.req.header('content-type') ?? ''
  if (!type.toLowerCase().startsWith('multipart/form-data')) return []
  return uploadsOf({ evidence: (await c.req.formData()).getAll('evidence') }, 'evidence')
}

/** The upload limits to show beside a file input, or null where files cannot be kept. */
export const uploadsFor = (c: Ctx) =>
  c.get('deps').blobs
    ? {
        maxFiles: evidenceLimits.maxFiles,
        maxMegabytes: evidenceLimits.maxBytes / 1024 / 1024,
      }
    : null
