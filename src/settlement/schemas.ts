import * as z from 'zod'
import { costKinds, sharedBases } from '../../db/schema'
import { isoMonth } from '../calendar/schemas'
import { fenSchema, moneyRanges } from '../money-ranges'

export const costSchema = z.object({
  month: isoMonth,
  kind: z.enum(costKinds, { error: 'choose HUB_OPERATIONS, TRANSPORT or SHARED' }),
  amountFen: fenSchema(moneyRanges.costFen, 'the amount', { coerce: true }),
  hubId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  note: z.string().trim().max(200, { error: 'at most 200 characters' }).default(''),
})
export type CostInput = z.infer<typeof costSchema>

export const rulesSchema = z.object({
  bookedShareBp: z.coerce
    .number({ error: 'enter basis points' })
    .int({ error: 'enter whole basis points' })
    .min(0, { error: '0 to 10000' })
    .max(10_000, { error: '0 to 10000' }),
  sharedBasis: z.enum(sharedBases, { error: 'choose EQUAL or UNITS' }),
})

export const closeSchema = z.object({
  month: isoMonth,
  idempotencyKey: z.string().trim().min(8, { error: 'must be 8 to 100 characters' }).max(100),
})

export const adjustmentSchema = z.object({
  merchantId: z.string().min(1).max(64),
  /** The closed month being corrected; the adjustment lands in the next open month. */
  month: isoMonth,
  amountFen: fenSchema(moneyRanges.adjustmentFen, 'the amount').refine((v) => v !== 0, {
    error: 'must not be zero',
  }),
  reason: z.string().trim().min(1, { error: 'say why' }).max(300),
})

/**
 * A correction of money already recorded: the cost voided or reversed, or the statement whose
 * payment is undone, and why (kept in the audit log and shown beside the entry).
 */
export const correctionSchema = z.object({
  id: z.string().min(1, { error: 'choose what to correct' }).max(64),
  reason: z
    .string({ error: 'say why' })
    .trim()
    .min(1, { error: 'say why' })
    .max(200, { error: 'at most 200 characters' }),
})
export type CorrectionInput = z.infer<typeof correctionSchema>
