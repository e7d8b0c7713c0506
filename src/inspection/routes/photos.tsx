/**
 * Hub staff add photos to a parcel's sheet: a multipart form that works without script, then
 * the sheet again. A photo the form can fix is said at the upload field; a return that can no
 * longer take photos, on the page too.
 */
import { Hono } from 'hono'
import { validator } from 'hono/validator'
import { photoProblem } from '../../../views/inspection/messages'
import { NotFound } from '../../errors'
import { attempt } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { uploadBodyLimit } from '../../http/upload-limit'
import { uploadsOf } from '../../uploads'
import { addInspectionPhotos, photoLimits } from '../photos'
import { inspectionSheet } from '../queue'
import { renderSheet } from './shared'
import { langOf } from '../../http/params'

export const photoRoutes = new Hono<AppEnv>()

const photoBodyLimit = uploadBodyLimit(photoLimits, {
  title: 'inspection.photos.tooBig.title',
  body: 'inspection.photos.tooBig',
})

/** The files posted. Not form(): that keeps one value per field, and the input sends several. */
const photoFiles = validator('form', async (value) => ({
  files: await uploadsOf(value, 'photos'),
}))

photoRoutes.post('/inspect/:id/photos', photoBodyLimit, photoFiles, async (c) => {
  const { db, now, blobs } = c.get('deps')
  const at = now()
  const actor = c.get('actor')
  const sheet = await inspectionSheet(db, actor, c.req.param('id'), at)
  if (!blobs) throw new NotFound('Photo')
  const { files } = c.req.valid('form')
  if (files.length === 0) {
    c.status(400)
    return renderSheet(c, { sheet, now: at }, c.get('t')('inspection.photos.error.none'))
  }
  const outcome = await attempt(addInspectionPhotos(db, blobs, actor, sheet.return.id, files, at), [
    'BAD_USER_INPUT',
    'CONFLICT',
  ])
  if (outcome.ok) {
    return c.redirect(`/inspect/${encodeURIComponent(sheet.return.id)}?photos=1#photos`, 303)
  }
  const problem = photoProblem(langOf(c), outcome.error)
  const moved = outcome.error.code === 'CONFLICT'
  c.status(moved ? 409 : 400)
  const current = await inspectionSheet(db, actor, sheet.return.id, at)
  const notice = moved ? { tone: 'error' as const, text: problem } : undefined
  return renderSheet(c, { sheet: current, now: at, notice }, problem)
})
