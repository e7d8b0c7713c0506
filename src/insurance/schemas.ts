import * as z from 'zod'
import { isoDate, isoMonth } from '../booking/schemas'

export const enrolSchema = z.object({ startMonth: isoMonth.optional() })

export const declarationSchema = z.object({
  month: isoMonth,
  orderValueFen: z.coerce
    .number({ error: 'enter the order value in fen' })
    .int({ error: 'enter whole fen' })
    .min(0, { error: 'cannot be negative' })
    .max(10 ** 14, { error: 'too large' }),
})

export const claimSchema = z.object({
  returnId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  amountFen: z.coerce
    .number({ error: 'enter the amount in fen' })
    .int({ error: 'enter whole fen' })
    .min(1, { error: 'must be more than zero' }),
  lossDate: isoDate,
  description: z.string().trim().min(1, { error: 'describe the loss' }).max(2000),
})
export type ClaimInput = z.infer<typeof claimSchema>

export const decisionSchema = z.object({
  claimId: z.string().min(1).max(64),
  decision: z.enum(['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'], {
    error: 'choose APPROVED, PARTIALLY_APPROVED or REJECTED',
  }),
  approvedFen: z
    .number({ error: 'enter the approved amount in fen' })
    .int({ error: 'enter whole fen' })
    .min(0, { error: 'cannot be negative' })
    .optional(),
  reason: z.string().trim().min(1, { error: 'give a reason' }).max(1000),
})
export type DecisionInput = z.infer<typeof decisionSchema>

export const payoutSchema = z.object({
  month: isoMonth,
  idempotencyKey: z.string().trim().min(8, { error: 'must be 8 to 100 characters' }).max(100),
})
