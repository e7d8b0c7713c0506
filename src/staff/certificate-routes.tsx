/**
 * What the merchant does to its staff beyond the list: removes someone (ended, history kept),
 * submits a certificate with its scan, and opens a submitted scan (coordinators may too).
 */
import { Hono } from 'hono'
import { NotFound } from '../errors'
import { form, type FormRefusal } from '../http/form'
import { langOf } from '../http/params'
import { refusalText } from '../http/refusal-copy'
import { attempt, refused } from '../http/respond'
import { only } from '../http/only'
import type { AppEnv } from '../http/types'
import { uploadBodyLimit } from '../http/upload-limit'
import { uploadsOf } from '../uploads'
import { readCertificateScan, scanLimits, submitCertification } from './certification'
import { certificateForm, removeForm } from './forms'
import { renderStaff } from './render'
import { findStaff, removeStaff } from './staff'
import type { Context } from 'hono'

export const certificateRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

const merchantsOnly = only('MERCHANT')

/** One scan and the few text fields beside it. */
const scanLimit = uploadBodyLimit(
  scanLimits,
  { title: 'insurance.evidence.tooBig.title', body: 'insurance.evidence.tooBig' },
  64 * 1024,
)

certificateRoutes.post('/staff/:id/remove', merchantsOnly, form(removeForm), async (c) => {
  const { db, now } = c.get('deps')
  const outcome = await attempt(removeStaff(db, c.get('actor'), c.req.param('id'), now()))
  if (outcome.ok) return c.redirect(`/staff?removed=${encodeURIComponent(outcome.value.id)}`, 303)
  const notice = { tone: 'error' as const, text: refusalText(langOf(c), outcome.error) }
  return refused(c, outcome.error, {
    fragment: () => <p role="alert">{notice.text}</p>,
    page: () => renderStaff(c, { notice }),
  })
})

/** The certificate form again, as sent, with what is wrong said above it. */
function refusedCertificate(c: Ctx, refusal: FormRefusal) {
  const error = refusalText(langOf(c), refusal.error)
  const { staffId = '', number = '', date = '' } = refusal.sent
  return renderStaff(c, {
    notice: { tone: 'error', text: error },
    certForm: { staffId, number, date, error },
  })
}

certificateRoutes.post(
  '/staff/certificates',
  scanLimit,
  merchantsOnly,
  form(certificateForm, refusedCertificate),
  async (c) => {
    const { db, now, blobs } = c.get('deps')
    const t = c.get('t')
    const { scan, ...input } = c.req.valid('form')
    const state = { staffId: input.staffId, number: input.number, date: input.date }
    const again = (error: string) => {
      c.status(400)
      return renderStaff(c, {
        notice: { tone: 'error', text: error },
        certForm: { ...state, error },
      })
    }
    // Someone else's staff member is not found, whatever else is wrong with the form.
    await findStaff(db, c.get('actor'), input.staffId)
    if (!blobs) return again(t('staff.cert.scanUnavailable'))
    const [file] = await uploadsOf({ scan }, 'scan')
    if (!file) return again(t('staff.cert.scanMissing'))
    const outcome = await attempt(
      submitCertification(
        db,
        blobs,
        c.get('actor'),
        input.staffId,
        { ...input, scan: file },
        now(),
      ),
      ['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'],
    )
    if (outcome.ok) {
      return c.redirect(`/staff?submitted=${encodeURIComponent(outcome.value.id)}`, 303)
    }
    // An expiry can be years back: the day is said with its year, as on the certificate.
    const expiresOn = outcome.error.details.expiresOn
    const error = refusalText(
      langOf(c),
      outcome.error,
      typeof expiresOn === 'string' ? { expiresOn } : {},
    )
    return refused(c, outcome.error, {
      fragment: () => <p role="alert">{error}</p>,
      page: () =>
        renderStaff(c, { notice: { tone: 'error', text: error }, certForm: { ...state, error } }),
    })
  },
)

certificateRoutes.get('/staff/:id/scan', async (c) => {
  const { db, blobs } = c.get('deps')
  if (!blobs) throw new NotFound('Evidence')
  const scan = await readCertificateScan(db, blobs, c.get('actor'), c.req.param('id'))
  if (!scan) throw new NotFound('Evidence')
  // Images open in the page; PDFs download (the pages' policy gives a PDF viewer nothing).
  const disposition = scan.type.startsWith('image/') ? 'inline' : 'attachment'
  const ascii = scan.name.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return c.body(scan.bytes, 200, {
    'content-type': scan.type,
    'content-length': String(scan.bytes.length),
    'content-disposition': `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(scan.name)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  })
})
