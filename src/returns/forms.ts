/**
 * The returns pages' forms as posted, read into the inputs the returns domain takes: amounts
 * typed in yuan become exact fen by moving the decimal point in the string, a ticked box `true`,
 * so the shared schemas see exactly what GraphQL clients send.
 */
import * as z from '../zod'
import { formText } from '../http/fragments'
import { yuanToFen } from '../money'
import { receiveSchema, registerReturnSchema } from './schemas'

/** A field as text, as the form sent it; missing (or a file) is the empty string. */
const text = z.pipe(z.optional(z.unknown()), z.transform(formText))

/**
 * The registration form: the shared schema over what was typed, the order value in yuan (kept as
 * typed too, to show the form again).
 */
export const registerReturnForm = z.pipe(
  z.transform((form: unknown) => {
    if (typeof form !== 'object' || form === null) return form
    const sent = form as Record<string, unknown>
    const orderValue = formText(sent.orderValue)
    return {
      ...sent,
      largeItem: formText(sent.largeItem) !== '',
      orderValue,
      orderValueFen: yuanToFen(orderValue) ?? undefined,
    }
  }),
  z.extend(registerReturnSchema, { orderValue: z.string() }),
)

/**
 * What is wrong with each field of a refused registration. The page names each field's own
 * problem ("Enter the order reference."), so it reads every problem, not only the first.
 */
export const registrationIssues = (sent: Record<string, string>) =>
  registerReturnForm.safeParse(sent).error?.issues ?? []

/** A code typed or scanned at the hub, cut to what any code could be. */
export const receiveForm = z.object({
  code: z.pipe(
    z.pipe(
      text,
      z.transform((code) => code.trim().slice(0, 40)),
    ),
    z.string().check(z.minLength(1)),
  ),
  // "No flag" posts the empty string.
  quarantine: z.pipe(
    z.pipe(
      text,
      z.transform((v) => v || undefined),
    ),
    receiveSchema.shape.quarantine,
  ),
})

/** A pickup run to start: the station, and for a coordinator the hub. */
export const createRunForm = z.object({
  stationId: z.string().check(z.trim(), z.minLength(1, { error: 'choose a station' })),
  hubId: z.pipe(
    z.optional(z.string().check(z.trim())),
    z.transform((v) => v || undefined),
  ),
})
