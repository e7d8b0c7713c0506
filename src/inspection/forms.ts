/**
 * The inspection sheet as posted. Checklist answers come as `item.<key>` fields, because the
 * checklist is data and so are its keys; beside them the grade, the notes and the intent (`check`
 * asks which grades fit without recording anything).
 */
import * as z from '../zod'
import { formText } from '../http/fragments'
import { inspectSchema } from './schemas'

export interface SheetSent {
  /** Checklist answers by item key; unanswered questions are left out. */
  answers: Record<string, string>
  grade: string
  notes: string
  intent: string
}

/** The sheet's fields as text, however they came. */
export function readSheet(form: Record<string, unknown>): SheetSent {
  const answers: Record<string, string> = {}
  for (const [name, value] of Object.entries(form)) {
    if (!name.startsWith('item.') || typeof value !== 'string' || value.trim() === '') continue
    answers[name.slice(5)] = value
  }
  return {
    answers,
    grade: formText(form.grade),
    notes: formText(form.notes),
    intent: formText(form.intent),
  }
}

export const asChecklist = (answers: Record<string, string>) =>
  Object.entries(answers).map(([item, value]) => ({ item, value }))

/** The answers so far, for the grade preview: never refused, it records nothing. */
export const sheetForm = z.pipe(z.record(z.string(), z.unknown()), z.transform(readSheet))

/** An inspection to record, checked by the same schema as the GraphQL mutation. */
export const inspectForm = z.pipe(
  z.pipe(
    sheetForm,
    z.transform((sent) => ({ ...sent, checklist: asChecklist(sent.answers) })),
  ),
  z.extend(z.omit(inspectSchema, { returnId: true }), {
    // Read as text, notes are always there: the mutation's default has nothing to fill in.
    notes: inspectSchema.shape.notes.def.innerType,
    answers: z.record(z.string(), z.string()),
    intent: z.string(),
  }),
)
