import { ChecklistAnswers } from './checklist-answers'
import { grades, type Grade } from '../../db/schema'
import type { ChecklistItem } from '../../src/inspection/checklists'
import type { InspectionSheet } from '../../src/inspection/queue'
import { formatCode } from '../../src/returns/code'
import { Notice, type NoticeData } from '../components/notice'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { Clock } from './clock'
import { PhotosSection, type PhotoUpload } from './photos'
import { countdownFormat, itemLabel } from './format'
import { StatusBadge } from '../returns/bits'
import { formatDayTime } from '../components/format'

/** Which grades the answers leave open, once every required question is answered. */
export interface GradeFit {
  allowed: Grade[]
  /** The reasons that narrowed them, already in words. */
  reasons: string[]
}

export interface SheetErrors {
  /** Per checklist item key. */
  items?: Record<string, string>
  grade?: string
  notes?: string
}

export interface SheetPageProps {
  sheet: InspectionSheet
  now: Date
  /** What was sent, to fill the form in again: checklist answers by item key. */
  answers?: Record<string, string>
  grade?: string
  notes?: string
  fit?: GradeFit | null
  notice?: NoticeData
  errors?: SheetErrors
  /** Set while more photos may be added (status, limit, a blob store). */
  addPhotos?: PhotoUpload
}

export const sheetAction = (id: string) => `/inspect/${encodeURIComponent(id)}`
const field = (key: string) => `item.${key}`
const qid = (key: string) => `q-${key}`

/** One parcel's inspection: the category's checklist, the grade, notes. */
export function SheetPage(props: SheetPageProps) {
  const { t, locale } = usePage()
  const r = props.sheet.return
  const { sla, inspection } = props.sheet
  return (
    <>
      <p class="crumbs">
        <a href="/inspect">{t('inspection.sheet.back')}</a>
      </p>
      <h1>
        {t('inspection.sheet.title')} <span class="code">{formatCode(r.code)}</span>
      </h1>
      {props.notice && <Notice {...props.notice} />}
      <section class="card" data-countdown-format={countdownFormat(t)}>
        <dl class="facts">
          <div>
            <dt>{t('inspection.sheet.status')}</dt>
            <dd>
              <StatusBadge status={r.status} />
            </dd>
          </div>
          <div>
            <dt>{t('inspection.sheet.category')}</dt>
            <dd>{t(`category.${r.category}`)}</dd>
          </div>
          <div>
            <dt>{t('inspection.sheet.item')}</dt>
            <dd>{r.itemDescription}</dd>
          </div>
          <div>
            <dt>{t('inspection.sheet.reason')}</dt>
            <dd>{r.reason}</dd>
          </div>
          {r.status === 'AT_HUB' && sla.resolutionDueAt && (
            <div>
              <dt>{t('inspection.clock.resolution')}</dt>
              <dd>
                <Clock dueAt={sla.resolutionDueAt} now={props.now} />
              </dd>
            </div>
          )}
        </dl>
      </section>
      <PhotosSection returnId={r.id} photos={props.sheet.photos} add={props.addPhotos} />
      {r.status === 'AT_HUB' ? (
        <InspectForm {...props} />
      ) : inspection ? (
        <section class="card" aria-labelledby="result-title">
          <h2 id="result-title">
            {t('inspection.sheet.inspected', {
              at: formatDayTime(inspection.at, locale),
              grade: t(`inspection.grade.${inspection.grade as Grade}`),
            })}
          </h2>
          <dl class="facts">
            <ChecklistAnswers checklist={inspection.checklist} />
            {inspection.notes && (
              <div>
                <dt>{t('inspection.sheet.notesShown')}</dt>
                <dd>{inspection.notes}</dd>
              </div>
            )}
          </dl>
        </section>
      ) : (
        <p class="notice notice--warn" role="status">
          {t('inspection.sheet.notAtHub', { status: t(`returns.status.${r.status}`) })}
        </p>
      )}
    </>
  )
}

function InspectForm(props: SheetPageProps) {
  const { t } = usePage()
  const r = props.sheet.return
  const action = sheetAction(r.id)
  const answers = props.answers ?? {}
  const errors = props.errors ?? {}
  return (
    <form class="inspect-form" method="post" action={action}>
      <CsrfField />
      <section class="card" aria-labelledby="checklist-title">
        <h2 id="checklist-title">
          {t('inspection.sheet.checklist', { category: t(`category.${r.category}`) })}
        </h2>
        {/* Each answer asks the server which grades still fit and redraws the grade buttons;
            answers given while a request is out are sent once it is back, the latest last. */}
        <div
          id="checklist"
          class="questions"
          hx-post={`${action}/grades`}
          hx-trigger="change"
          hx-target="#grades"
          hx-swap="outerHTML"
          hx-sync="queue last"
        >
          {props.sheet.items.map((item) => (
            <Question item={item} value={answers[item.key]} error={errors.items?.[item.key]} />
          ))}
        </div>
        <noscript>
          <p>
            <button type="submit" name="intent" value="check" class="button" formnovalidate>
              {t('inspection.sheet.check')}
            </button>
          </p>
        </noscript>
      </section>
      <section class="card">
        <GradeChoices selected={props.grade} fit={props.fit ?? null} error={errors.grade} />
        <div class={errors.notes ? 'field field--invalid' : 'field'}>
          <label for="inspect-notes">{t('inspection.sheet.notes')}</label>
          <textarea
            id="inspect-notes"
            name="notes"
            rows={3}
            maxlength={2000}
            aria-invalid={errors.notes ? 'true' : undefined}
            aria-describedby={errors.notes ? 'inspect-notes-error' : undefined}
          >
            {props.notes ?? ''}
          </textarea>
          {errors.notes && (
            <p id="inspect-notes-error" class="field__error" role="alert">
              {errors.notes}
            </p>
          )}
        </div>
        <p>
          <button type="submit" class="button button--primary button--big">
            {t('inspection.sheet.submit')}
          </button>
        </p>
      </section>
    </form>
  )
}

function Question({ item, value, error }: { item: ChecklistItem; value?: string; error?: string }) {
  const { t } = usePage()
  const id = qid(item.key)
  const errorId = `${id}-error`
  const invalid = error ? 'true' : undefined
  const described = error ? errorId : undefined
  const message = error && (
    <p id={errorId} class="field__error" role="alert">
      {error}
    </p>
  )
  const label = itemLabel(t, item.key)
  const optional = !item.required && <span class="muted"> {t('inspection.sheet.optional')}</span>
  if (item.kind === 'boolean') {
    return (
      <fieldset
        id={id}
        class={error ? 'question question--invalid' : 'question'}
        aria-describedby={described}
      >
        <legend>
          {label}
          {optional}
        </legend>
        <div class="choices choices--yesno">
          {(['true', 'false'] as const).map((v) => (
            <label class="choice">
              <input
                type="radio"
                name={field(item.key)}
                value={v}
                checked={value === v}
                required={item.required}
                aria-invalid={invalid}
              />
              <span class="choice__box">
                <span class="choice__name">
                  {v === 'true' ? t('inspection.yes') : t('inspection.no')}
                </span>
              </span>
            </label>
          ))}
        </div>
        {message}
      </fieldset>
    )
  }
  return (
    <div class={error ? 'question field field--invalid' : 'question field'}>
      <label for={id} class="question__label">
        {label}
        {optional}
      </label>
      {item.kind === 'date' ? (
        <input
          id={id}
          name={field(item.key)}
          type="date"
          class="question__date"
          value={value}
          required={item.required}
          aria-invalid={invalid}
          aria-describedby={described}
        />
      ) : (
        <textarea
          id={id}
          name={field(item.key)}
          rows={2}
          maxlength={500}
          required={item.required}
          aria-invalid={invalid}
          aria-describedby={described}
        >
          {value ?? ''}
        </textarea>
      )}
      {message}
    </div>
  )
}

/**
 * The grade as big buttons. Once the checklist is answered, grades the answers rule out are
 * disabled and say why; the server refuses them anyway. Also the htmx fragment of
 * `POST /inspect/:id/grades`.
 */
export function GradeChoices(props: { selected?: string; fit: GradeFit | null; error?: string }) {
  const { t } = usePage()
  const { fit } = props
  const ruledOut = (g: Grade) => fit !== null && !fit.allowed.includes(g)
  const errorId = 'grades-error'
  return (
    <fieldset
      id="grades"
      class={props.error ? 'question question--invalid' : 'question'}
      aria-describedby={props.error ? `grades-fit ${errorId}` : 'grades-fit'}
    >
      <legend>{t('inspection.sheet.grade')}</legend>
      <p id="grades-fit" class="hint">
        {fit === null
          ? t('inspection.sheet.answerFirst')
          : fit.reasons.length === 0
            ? t('inspection.sheet.allFit')
            : t('inspection.sheet.narrowed', { reasons: fit.reasons.join(t('inspection.sep')) })}
      </p>
      <div class="choices choices--grades">
        {grades.map((g) => (
          <label class={ruledOut(g) ? 'choice choice--out' : 'choice'}>
            <input
              type="radio"
              name="grade"
              value={g}
              checked={props.selected === g && !ruledOut(g)}
              disabled={ruledOut(g)}
              required
            />
            <span class="choice__box">
              <span class="choice__name">{t(`inspection.grade.${g}`)}</span>
              <span class="choice__note">
                {ruledOut(g) ? t('inspection.sheet.ruledOut') : t(`inspection.gradeHint.${g}`)}
              </span>
            </span>
          </label>
        ))}
      </div>
      {props.error && (
        <p id={errorId} class="field__error" role="alert">
          {props.error}
        </p>
      )}
    </fieldset>
  )
}
