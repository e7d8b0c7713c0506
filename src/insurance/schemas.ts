import * as z from 'zod'
import { isoDate, isoMonth } from '../calendar/schemas'
import { fenSchema, moneyRanges } from '../money-ranges'

export const enrolSchema = z.object({ startMonth: isoMonth.optional() })

export const declarationSchema = z.object({
  month: isoMonth,
  orderValueFen: fenSchema(moneyRanges.declarationFen, 'the order value', { coerce: true }),
})

export const claimSchema = z.object({
  returnId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  amountFen: fenSchema(moneyRanges.claimFen, 'the amount', { coerce: true }),
  lossDate: isoDate,
  description: z.string().trim().min(1, { error: 'describe the loss' }).max(2000),
})
export type ClaimInput = z.infer<typeof claimSchema>

export const decisionSchema = z.object({
  claimId: z.string().min(1).max(64),
  decision: z.enum(['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'], {
    error: 'choose APPROVED, PARTIALLY_APPROVED or REJECTED',
  }),
  approvedFen: fenSchema(moneyRanges.approvedFen, 'the approved amount').optional(),
  reason: z.string().trim().min(1, { error: 'give a reason' }).max(1000),
})
export type DecisionInput = z.infer<typeof decisionSchema>

export const payoutSchema = z.object({
  month: isoMonth,
  idempotencyKey: z.string().trim().min(8, { error: 'must be 8 to 100 characters' }).max(100),
})
