/**
 * The merchant's returns import: upload a file, check it (columns and every line's errors),
 * confirm; then what was created, with a link to print the labels. Each step is a plain form
 * post; with htmx the confirm step shows its progress while the import runs.
 */
import { importFields, type ImportField } from '../../src/returns/import/columns'
import type { ImportRowError } from './import-messages'
import { CsrfField } from '../components/csrf-field'
import { SelectField } from '../components/form-field'
import { formatCount } from '../components/format'
import { Notice, type NoticeData } from '../components/notice'
import { usePage } from '../context'
import type { MessageKey } from '../../src/i18n'
import type { ImportProgress } from '../../src/returns/import/progress'

export interface ImportPreview {
  csv: string
  headers: string[]
  mapping: Partial<Record<ImportField, string>>
  lines: number
  created: number
  skipped: number
  errors: ImportRowError[]
  /** The id the confirmed import will take, so its progress can be followed while it runs. */
  importId: string
}

const fieldLabel: Record<ImportField, MessageKey> = {
  orderRef: 'returns.field.orderRef',
  category: 'returns.field.category',
  itemDescription: 'returns.field.itemDescription',
  orderValue: 'returns.field.orderValue',
  largeItem: 'returns.field.largeItem',
  reason: 'returns.field.reason',
  hub: 'returns.field.hubId',
  customerContact: 'returns.field.customerContact',
}

/** Errors shown on the page; the rest are counted in the summary. */
const shownErrors = 200

export function ImportPage(props: { preview?: ImportPreview; notice?: NoticeData }) {
  const { t } = usePage()
  return (
    <>
      <p class="crumbs">
        <a href="/returns">{t('returns.import.back')}</a>
      </p>
      <h1>{t('returns.import.title')}</h1>
      <p>{t('returns.import.intro')}</p>
      {props.notice && <Notice {...props.notice} />}
      <form class="card stack" method="post" action="/returns/import" enctype="multipart/form-data">
        <CsrfField />
        <input type="hidden" name="step" value="preview" />
        <div class="field">
          <label for="import-file">{t('returns.import.file')}</label>
          <input
            id="import-file"
            type="file"
            name="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
            required
          />
        </div>
        <button type="submit" class="button">
          {t('returns.import.preview')}
        </button>
      </form>
      {props.preview && <PreviewSection preview={props.preview} />}
    </>
  )
}

function PreviewSection({ preview }: { preview: ImportPreview }) {
  const { t, locale } = usePage()
  const rowsWithErrors = new Set(preview.errors.map((e) => e.row)).size
  const options = preview.headers.map((h) => ({ value: h, label: h }))
  return (
    <section class="card stack" id="import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{t('returns.import.mapping')}</h2>
      <p role="status">
        {t('returns.import.summary', {
          lines: formatCount(preview.lines, locale),
          created: formatCount(preview.created, locale),
          skipped: formatCount(preview.skipped, locale),
          errors: formatCount(rowsWithErrors, locale),
        })}
      </p>
      <form class="stack" method="post" action="/returns/import">
        <CsrfField />
        <input type="hidden" name="csv" value={preview.csv} />
        <input type="hidden" name="importId" value={preview.importId} />
        <p class="hint">{t('returns.import.mapping.hint')}</p>
        {importFields.map((f) => (
          <SelectField
            name={`map.${f}`}
            label={t(fieldLabel[f])}
            value={preview.mapping[f] ?? ''}
            placeholder={t('returns.import.mapping.none')}
            options={options}
          />
        ))}
        <div class="toolbar">
          <button type="submit" name="step" value="preview" class="button">
            {t('returns.import.recheck')}
          </button>
          {preview.created > 0 && (
            <button
              id="import-confirm"
              type="submit"
              name="step"
              value="confirm"
              class="button button--primary"
              hx-post="/returns/import"
              hx-indicator="#import-progress"
            >
              {t('returns.import.confirm', { created: formatCount(preview.created, locale) })}
            </button>
          )}
        </div>
        {/* Shown while the confirmation is sent; from a second in, it asks the database how far
            the import has got, and keeps asking every second (ImportProgressNote) until done. */}
        <p
          id="import-progress"
          class="htmx-indicator hint"
          role="status"
          hx-get={progressUrl(preview.importId)}
          hx-trigger="click from:#import-confirm delay:1s"
          hx-swap="outerHTML"
        >
          <progress aria-label={t('returns.import.running')}></progress>{' '}
          {t('returns.import.running')}
        </p>
      </form>
      {preview.errors.length > 0 && (
        <table>
          <caption>{t('returns.import.errors')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('returns.import.row')}</th>
              <th scope="col">{t('returns.import.column')}</th>
              <th scope="col">{t('returns.import.message')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.errors.slice(0, shownErrors).map((e) => (
              <tr>
                <td>{e.row}</td>
                <td>{e.column ?? '—'}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

const progressUrl = (id: string) => `/returns/import/${encodeURIComponent(id)}/progress`

/**
 * How far an import has got, as the database says; while it runs (or has not started) htmx asks
 * again every second, and the answer replaces this element. Once finished it stops asking.
 */
export function ImportProgressNote(props: { id: string; progress: ImportProgress }) {
  const { t, locale } = usePage()
  const p = props.progress
  if (p.state === 'FINISHED') {
    return (
      <p id="import-progress" class="hint" role="status">
        {t('returns.import.progress.finished')}{' '}
        <a href={`/returns/import/${encodeURIComponent(p.id)}`}>
          {t('returns.import.progress.result')}
        </a>
      </p>
    )
  }
  return (
    <p
      id="import-progress"
      class="hint"
      role="status"
      hx-get={progressUrl(props.id)}
      hx-trigger="every 1s"
      hx-swap="outerHTML"
    >
      {p.state === 'RUNNING' ? (
        <>
          <progress value={p.done} max={p.total} aria-label={t('returns.import.progress.label')}>
            {p.done}/{p.total}
          </progress>{' '}
          {t('returns.import.progress', {
            done: formatCount(p.done, locale),
            total: formatCount(p.total, locale),
          })}
        </>
      ) : (
        <>
          <progress aria-label={t('returns.import.progress.label')}></progress>{' '}
          {t('returns.import.running')}
        </>
      )}
    </p>
  )
}

/**
 * An import still running, for a browser without JavaScript (another tab, a reload): the page
 * refreshes itself and offers a link to do it now.
 */
export function ImportRunningPage(props: { id: string; progress: ImportProgress }) {
  const { t } = usePage()
  return (
    <>
      <p class="crumbs">
        <a href="/returns">{t('returns.import.back')}</a>
      </p>
      <h1>{t('returns.import.title')}</h1>
      <p>{t('returns.import.stillRunning')}</p>
      <ImportProgressNote {...props} />
      <p>
        <a class="button" href={`/returns/import/${encodeURIComponent(props.id)}`}>
          {t('returns.import.refresh')}
        </a>
      </p>
    </>
  )
}

/** What a confirmed import did. */
export function ImportDonePage(props: { id: string; created: number; skipped: number }) {
  const { t, locale } = usePage()
  return (
    <>
      <p class="crumbs">
        <a href="/returns">{t('returns.import.back')}</a>
      </p>
      <h1>{t('returns.import.title')}</h1>
      <Notice
        tone="ok"
        text={t('returns.import.done', {
          created: formatCount(props.created, locale),
          skipped: formatCount(props.skipped, locale),
        })}
      />
      <p class="toolbar">
        {props.created > 0 && (
          <a class="button button--primary" href={`/returns/labels?import=${props.id}`}>
            {t('returns.import.labels')}
          </a>
        )}
        <a class="button" href="/returns/import">
          {t('returns.import.another')}
        </a>
      </p>
    </>
  )
}
