import * as z from '../zod'
import { isoDate, isoMonth } from '../calendar/schemas'
import { fenSchema, moneyRanges } from '../money-ranges'

export const enrolSchema = z.object({ startMonth: z.optional(isoMonth) })

export const declarationSchema = z.object({
  month: isoMonth,
  orderValueFen: fenSchema(moneyRanges.declarationFen, 'the order value', { coerce: true }),
})

export const claimSchema = z.object({
  returnId: z.pipe(
    z.optional(z.string().check(z.maxLength(64))),
    z.transform((v) => v || undefined),
  ),
  amountFen: fenSchema(moneyRanges.claimFen, 'the amount', { coerce: true }),
  lossDate: isoDate,
  description: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'describe the loss' }), z.maxLength(2000)),
})
export type ClaimInput = z.infer<typeof claimSchema>

export const decisionSchema = z.object({
  claimId: z.string().check(z.minLength(1), z.maxLength(64)),
  decision: z.enum(['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'], {
    error: 'choose APPROVED, PARTIALLY_APPROVED or REJECTED',
  }),
  approvedFen: z.optional(fenSchema(moneyRanges.approvedFen, 'the approved amount')),
  reason: z.string().check(z.trim(), z.minLength(1, { error: 'give a reason' }), z.maxLength(1000)),
})
export type DecisionInput = z.infer<typeof decisionSchema>

export const payoutSchema = z.object({
  month: isoMonth,
  idempotencyKey: z
    .string()
    .check(z.trim(), z.minLength(8, { error: 'must be 8 to 100 characters' }), z.maxLength(100)),
})
