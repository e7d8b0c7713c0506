/**
 * The desk's forms as posted, read into the inputs the inspection domain takes (the return comes
 * from the address). A refund is typed in yuan beside the refund button and becomes fen exactly;
 * any other decision ignores that field.
 */
import * as z from '../zod'
import { confirmField } from '../http/confirm'
import { formText } from '../http/fragments'
import { resolveSchema, respondSchema } from '../inspection/schemas'
import { yuanToFen } from '../money'

/** A field as text, as the form sent it; missing (or a file) is the empty string. */
const text = z.pipe(z.optional(z.unknown()), z.transform(formText))

/** The first response to the customer. */
export const respondForm = z.pick(respondSchema, { message: true })

/**
 * A decision. A refund whose amount is not yuan is refused on `refundYuan`; the decision and
 * the amount in fen are then checked by the same schema as the GraphQL mutation.
 */
export const resolveForm = z.pipe(
  z.pipe(
    z.object({
      resolution: text,
      refundYuan: text,
      [confirmField]: text,
    }),
    z.transform((sent, ctx) => {
      if (sent.resolution !== 'REFUND') return sent
      const refundFen = yuanToFen(sent.refundYuan)
      if (refundFen !== null) return { ...sent, refundFen }
      ctx.issues.push({
        code: 'custom',
        path: ['refundYuan'],
        message: 'enter the refund in yuan',
        input: sent,
      })
      return z.NEVER
    }),
  ),
  z.extend(z.omit(resolveSchema, { returnId: true }), {
    refundYuan: z.string(),
    [confirmField]: z.string(),
  }),
)
