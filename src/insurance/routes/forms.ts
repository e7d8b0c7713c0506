/**
 * The insurance pages' forms, read by `form()`: the fields of the shared schemas (the ones the
 * GraphQL mutations parse), with amounts typed in yuan where the API takes fen.
 */
import * as z from '../../zod'
import { yuanToFen } from '../../money'
import { fenSchema, moneyRanges, type FenRange } from '../../money-ranges'
import {
  claimSchema,
  declarationSchema,
  decisionSchema,
  enrolSchema,
  payoutSchema,
} from '../schemas'

/**
 * An amount of yuan as typed, read into fen (`yuanToFen`) and held to `range`. The text is kept
 * beside the fen, so a form the domain refuses shows again what was typed.
 */
const yuan = (range: FenRange, what: string) =>
  z.pipe(
    z.pipe(
      z.string().check(z.maxLength(64)),
      z.transform((typed) => ({ typed, fen: yuanToFen(typed) ?? undefined })),
    ),
    z.object({ typed: z.string(), fen: fenSchema(range, what) }),
  )

/** A field left empty is a field not given: the domain's default applies. */
const unlessEmpty = <S extends z.core.$ZodType>(schema: S) =>
  z.pipe(
    z.transform((value) => (value === '' ? undefined : value)),
    z.optional(schema),
  )

export const enrolForm = z.object({ startMonth: unlessEmpty(enrolSchema.shape.startMonth) })

export const declarationForm = z.object({
  month: declarationSchema.shape.month,
  orderValue: yuan(moneyRanges.declarationFen, 'the order value'),
})

export const claimForm = z.object({
  returnId: claimSchema.shape.returnId,
  amount: yuan(moneyRanges.claimFen, 'the amount'),
  lossDate: claimSchema.shape.lossDate,
  description: claimSchema.shape.description,
})

const approved = moneyRanges.approvedFen

/**
 * A coordinator's decision on the claim of the page. The approved amount is read only for an
 * approval, and is checked even when another field is wrong, so every mistake is said at once.
 */
export const decisionForm = z.pipe(
  z
    .object({
      decision: decisionSchema.shape.decision,
      approvedAmount: z._default(z.string().check(z.maxLength(64)), ''),
      reason: decisionSchema.shape.reason,
    })
    .check(
      z.refine(
        ({ decision, approvedAmount }) => {
          if (decision !== 'APPROVED' && decision !== 'PARTIALLY_APPROVED') return true
          const fen = yuanToFen(approvedAmount)
          return fen !== null && fen >= approved.minFen && fen <= approved.maxFen
        },
        {
          path: ['approvedAmount'],
          error: 'enter the approved amount in yuan',
          when: ({ value }) =>
            typeof (value as { approvedAmount?: unknown }).approvedAmount === 'string',
        },
      ),
    ),
  z.transform((form) => ({
    ...form,
    approvedFen: form.decision === 'REJECTED' ? undefined : yuanToFen(form.approvedAmount)!,
  })),
)

export const payoutForm = z.object({
  idempotencyKey: payoutSchema.shape.idempotencyKey,
  /** The total the coordinator confirmed, in fen, as the confirmation step showed it. */
  expectedFen: z._default(z.string().check(z.maxLength(32)), ''),
})
