/** The merchant's returns import: upload, check every line, confirm, see what was created. */
import { Hono } from 'hono'
import { validator } from 'hono/validator'
import { importRowErrors } from '../../../views/returns/import-messages'
import {
  ImportDonePage,
  ImportPage,
  ImportProgressNote,
  ImportRunningPage,
} from '../../../views/returns/import-page'
import { requireRole } from '../../auth/roles'
import { fragment, isHtmx } from '../../http/fragments'
import { langOf } from '../../http/params'
import { refusalText } from '../../http/refusal-copy'
import { attempt } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { uploadBodyLimit } from '../../http/upload-limit'
import { importFields } from '../import/columns'
import { decodeCsv } from '../import/csv'
import { importReturnsSchema, maxCsvChars } from '../import/schemas'
import { importProgress } from '../import/progress'
import { getImport, importReturns, newImportId } from '../import/service'

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
    id: form.step === 'confirm' && typeof form.importId === 'string' ? form.importId : undefined,
    /** Only the form's own two steps (or none) are read; anything else is a broken form. */
    knownStep: form.step === undefined || ['', 'preview', 'confirm'].includes(String(form.step)),
  }
})

importRoutes.get('/returns/import', (c) => {
  requireRole(c.get('actor'), 'MERCHANT')
  return c.render(<ImportPage />, { title: c.get('t')('returns.import.title') })
})

importRoutes.post('/returns/import', importBodyLimit, importForm, async (c) => {
  const { db, now, config } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const title = c.get('t')('returns.import.title')
  const sent = c.req.valid('form')
  const parsed = importReturnsSchema.safeParse({
    csv: sent.csv,
    mapping: sent.mapping,
    id: sent.id,
    dryRun: !sent.confirm,
  })
  const refuse = (text: string) => {
    c.status(400)
    return c.render(<ImportPage notice={{ tone: 'error', text }} />, { title })
  }
  if (!sent.knownStep) return refuse(c.get('t')('refusal.BODY'))
  if (!parsed.success) {
    const tooBig = sent.csv.length > maxCsvChars
    return refuse(
      tooBig
        ? c.get('t')('returns.import.tooBig', { megabytes: maxCsvChars / 1024 / 1024 })
        : c.get('t')('returns.import.error.noFile'),
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
    importId: newImportId(),
  }
  return c.render(<ImportPage preview={preview} />, { title })
})

// What htmx polls while the import runs: the same note, asking again until it is finished.
importRoutes.get('/returns/import/:id/progress', async (c) => {
  const id = c.req.param('id')
  const progress = await importProgress(c.get('deps').db, c.get('actor'), id)
  return fragment(c, <ImportProgressNote id={id} progress={progress} />)
})

importRoutes.get('/returns/import/:id', async (c) => {
  const { db } = c.get('deps')
  const record = await getImport(db, c.get('actor'), c.req.param('id'))
  if (!record.finishedAt) {
    const progress = await importProgress(db, c.get('actor'), record.id)
    return c.render(<ImportRunningPage id={record.id} progress={progress} />, {
      title: c.get('t')('returns.import.title'),
      head: <meta http-equiv="refresh" content="3" />,
    })
  }
  return c.render(
    <ImportDonePage id={record.id} created={record.createdCount} skipped={record.skippedCount} />,
    { title: c.get('t')('returns.import.title') },
  )
})
