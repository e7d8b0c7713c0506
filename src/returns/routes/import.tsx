/** The merchant's returns import: upload, check every line, confirm, see what was created. */
import { Hono } from 'hono'
import { validator } from 'hono/validator'
import { importRowErrors } from '../../../views/returns/import-messages'
import { ImportDonePage, ImportPage } from '../../../views/returns/import-page'
import { requireRole } from '../../auth/roles'
import { isHtmx } from '../../http/fragments'
import { langOf } from '../../http/params'
import { refusalText } from '../../http/refusal-copy'
import { attempt } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { uploadBodyLimit } from '../../http/upload-limit'
import { importFields } from '../import/columns'
import { decodeCsv } from '../import/csv'
import { importReturnsSchema, maxCsvChars } from '../import/schemas'
import { getImport, importReturns } from '../import/service'

export const importRoutes = new Hono<AppEnv>()

const importBodyLimit = uploadBodyLimit(
  // The file on the first step, its text again in a field on the confirming one.
  { maxFiles: 2, maxBytes: maxCsvChars },
  { title: 'returns.import.tooBig.title', body: 'returns.import.tooBig' },
)

/** The file (or its text carried from the check step), the chosen columns, and the step. */
const importForm = validator('form', async (form) => {
  const file = form.file
  const csv =
    typeof file === 'object' && file !== null && 'arrayBuffer' in file
      ? decodeCsv(new Uint8Array(await (file as File).arrayBuffer()))
      : typeof form.csv === 'string'
        ? form.csv
        : ''
  const entries = importFields
    .map((f) => [f, form[`map.${f}`]] as const)
    .filter((e): e is readonly [(typeof e)[0], string] => typeof e[1] === 'string')
  return {
    csv,
    mapping: entries.length > 0 ? Object.fromEntries(entries) : undefined,
    confirm: form.step === 'confirm',
    /** Only the form's own two steps (or none) are read; anything else is a broken form. */
    knownStep: form.step === undefined || ['', 'preview', 'confirm'].includes(String(form.step)),
  }
})

importRoutes.get('/returns/import', (c) => {
  requireRole(c.var.actor, 'MERCHANT')
  return c.render(<ImportPage />, { title: c.var.t('returns.import.title') })
})

importRoutes.post('/returns/import', importBodyLimit, importForm, async (c) => {
  const { db, now, config } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const title = c.var.t('returns.import.title')
  const sent = c.req.valid('form')
  const parsed = importReturnsSchema.safeParse({ ...sent, dryRun: !sent.confirm })
  const refuse = (text: string) => {
    c.status(400)
    return c.render(<ImportPage notice={{ tone: 'error', text }} />, { title })
  }
  if (!sent.knownStep) return refuse(c.var.t('refusal.BODY'))
  if (!parsed.success) {
    const tooBig = sent.csv.length > maxCsvChars
    return refuse(
      tooBig
        ? c.var.t('returns.import.tooBig', { megabytes: maxCsvChars / 1024 / 1024 })
        : c.var.t('returns.import.error.noFile'),
    )
  }
  const outcome = await attempt(importReturns(db, actor, parsed.data, now(), config.contactKey), [
    'BAD_USER_INPUT',
  ])
  if (!outcome.ok) return refuse(refusalText(langOf(c), outcome.error))
  const result = outcome.value
  if (result.id) {
    const done = `/returns/import/${result.id}`
    if (isHtmx(c)) {
      c.header('HX-Redirect', done)
      return c.body(null, 204)
    }
    return c.redirect(done, 303)
  }
  const preview = {
    csv: parsed.data.csv,
    headers: result.headers,
    mapping: result.mapping,
    lines: result.lines,
    created: result.created,
    skipped: result.skipped,
    errors: importRowErrors(langOf(c), result.refusals, result.mapping),
  }
  return c.render(<ImportPage preview={preview} />, { title })
})

importRoutes.get('/returns/import/:id', async (c) => {
  const record = await getImport(c.var.deps.db, c.var.actor, c.req.param('id'))
  return c.render(
    <ImportDonePage id={record.id} created={record.createdCount} skipped={record.skippedCount} />,
    { title: c.var.t('returns.import.title') },
  )
})
