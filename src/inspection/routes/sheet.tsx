/**
 * One parcel's inspection sheet: the checklist, which grades the answers leave open (redrawn by
 * htmx as they are given, or on `check` without JavaScript), and recording the grade.
 */
import { Hono } from 'hono'
import type { Category } from '../../../db/schema'
import type { NoticeData } from '../../../views/components/notice'
import { reasonLabel } from '../../../views/inspection/format'
import { gradeProblem, movedOnNotice } from '../../../views/inspection/messages'
import {
  GradeChoices,
  type GradeFit,
  type SheetErrors,
  type SheetPageProps,
} from '../../../views/inspection/sheet-page'
import { isIsoDate, localDate } from '../../calendar/local-date'
import { InvalidInput } from '../../errors'
import { form, type FormRefusal } from '../../http/form'
import { fragment } from '../../http/fragments'
import { attempt } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { NEAR_EXPIRY_DAYS, type ChecklistItem } from '../checklists'
import { asChecklist, inspectForm, readSheet, sheetForm, type SheetSent } from '../forms'
import { inspectionSheet, type InspectionSheet } from '../queue'
import { allowedGrades, parseAnswers } from '../rules'
import { inspectReturn } from '../service'
import { renderSheet, type Ctx } from './shared'
import { langOf } from '../../http/params'

export const sheetRoutes = new Hono<AppEnv>()

/** Which grades fit, once the answers are complete and well-formed; null before that. */
function gradeFit(c: Ctx, category: Category, answers: Record<string, string>): GradeFit | null {
  let parsed
  try {
    parsed = parseAnswers(category, asChecklist(answers))
  } catch (error) {
    if (error instanceof InvalidInput) return null
    throw error
  }
  const { allowed, reasons } = allowedGrades(category, parsed, localDate(c.get('deps').now()))
  return {
    allowed,
    reasons: reasons.map((r) => reasonLabel(c.get('t'), r, { days: NEAR_EXPIRY_DAYS })),
  }
}

/** What is wrong with each answer, for the form; the domain has already refused them. */
function answerErrors(c: Ctx, items: ChecklistItem[], answers: Record<string, string>) {
  const t = c.get('t')
  const errors: Record<string, string> = {}
  for (const item of items) {
    const value = answers[item.key]
    if (value === undefined) {
      if (item.required) errors[item.key] = t('inspection.refused.answer')
    } else if (item.kind === 'date' && !isIsoDate(value)) {
      errors[item.key] = t('inspection.refused.date')
    } else if (item.kind === 'text' && value.length > 500) {
      errors[item.key] = t('inspection.refused.text')
    } else if (item.kind === 'boolean' && value !== 'true' && value !== 'false') {
      errors[item.key] = t('inspection.refused.answer')
    }
  }
  return errors
}

const sheetOf = (c: Ctx, at: Date) =>
  inspectionSheet(c.get('deps').db, c.get('actor'), c.req.param('id') ?? '', at)

/** The sheet as sent, with the grades that fit: a `check`, or the start of a refusal. */
function sentSheet(c: Ctx, sheet: InspectionSheet, at: Date, sent: SheetSent): SheetPageProps {
  const { answers, grade, notes } = sent
  return { sheet, now: at, answers, grade, notes, fit: gradeFit(c, sheet.return.category, answers) }
}

/** The sheet refused: what was sent, each wrong answer marked, nothing recorded. */
function refusedAnswers(c: Ctx, props: SheetPageProps, errors: SheetErrors) {
  c.status(400)
  const notice: NoticeData = { tone: 'error', text: c.get('t')('inspection.refused.summary') }
  return renderSheet(c, { ...props, errors, notice })
}

sheetRoutes.get('/inspect/:id', async (c) => {
  const at = c.get('deps').now()
  const sheet = await sheetOf(c, at)
  const notice: NoticeData | undefined =
    c.req.query('photos') === '1'
      ? { tone: 'ok', text: c.get('t')('inspection.photos.done') }
      : undefined
  return renderSheet(c, { sheet, now: at, notice })
})

/** htmx: the grade buttons redrawn for the answers so far. */
sheetRoutes.post('/inspect/:id/grades', form(sheetForm), async (c) => {
  const sheet = await sheetOf(c, c.get('deps').now())
  const { answers, grade } = c.req.valid('form')
  const fit = gradeFit(c, sheet.return.category, answers)
  return fragment(c, <GradeChoices selected={grade} fit={fit} />)
})

/** A grade or notes the schema refuses; a `check` records nothing, so it is never refused. */
async function refusedSheet(c: Ctx, refusal: FormRefusal) {
  const at = c.get('deps').now()
  const sheet = await sheetOf(c, at)
  const sent = readSheet(refusal.sent)
  const props = sentSheet(c, sheet, at, sent)
  if (sent.intent === 'check') {
    c.status(200)
    return renderSheet(c, props)
  }
  const t = c.get('t')
  const errors: SheetErrors = {}
  if (refusal.fields.grade) errors.grade = t('inspection.refused.chooseGrade')
  if (refusal.fields.notes) errors.notes = t('inspection.refused.notes')
  if (props.fit === null) errors.items = answerErrors(c, sheet.items, sent.answers)
  return refusedAnswers(c, props, errors)
}

sheetRoutes.post('/inspect/:id', form(inspectForm, refusedSheet), async (c) => {
  const { db } = c.get('deps')
  const at = c.get('deps').now()
  const sheet = await sheetOf(c, at)
  const input = c.req.valid('form')
  const props = sentSheet(c, sheet, at, input)
  if (input.intent === 'check') return renderSheet(c, props)

  const { grade, checklist, notes } = input
  const outcome = await attempt(
    inspectReturn(db, c.get('actor'), { returnId: sheet.return.id, grade, checklist, notes }, at),
    ['BAD_USER_INPUT', 'CONFLICT'],
  )
  if (outcome.ok) {
    return c.redirect(`/inspect?inspected=${encodeURIComponent(sheet.return.id)}`, 303)
  }
  if (outcome.error.code === 'CONFLICT') {
    const current = await sheetOf(c, at)
    c.status(409)
    return renderSheet(c, {
      sheet: current,
      now: at,
      notice: movedOnNotice(langOf(c), current.return.status),
    })
  }
  const errors: SheetErrors =
    outcome.error.details.field === 'grade' && props.fit
      ? { grade: gradeProblem(langOf(c), grade, props.fit) }
      : { items: answerErrors(c, sheet.items, input.answers) }
  return refusedAnswers(c, props, errors)
})
