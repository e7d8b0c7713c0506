import * as z from '../zod'
import { costKinds, sharedBases } from '../../db/schema'
import { isoMonth } from '../calendar/schemas'
import { fenSchema, moneyRanges } from '../money-ranges'
import { percentToBp, readAmount } from './amounts'

export const costSchema = z.object({
  month: isoMonth,
  kind: z.enum(costKinds, { error: 'choose HUB_OPERATIONS, TRANSPORT or SHARED' }),
  amountFen: fenSchema(moneyRanges.costFen, 'the amount', { coerce: true }),
  hubId: z.pipe(
    z.optional(z.string().check(z.maxLength(64))),
    z.transform((v) => v || undefined),
  ),
  note: z._default(
    z.string().check(z.trim(), z.maxLength(200, { error: 'at most 200 characters' })),
    '',
  ),
})
export type CostInput = z.infer<typeof costSchema>

export const rulesSchema = z.object({
  bookedShareBp: z.coerce
    .number({ error: 'enter basis points' })
    .check(
      z.int({ error: 'enter whole basis points' }),
      z.gte(0, { error: '0 to 10000' }),
      z.lte(10_000, { error: '0 to 10000' }),
    ),
  sharedBasis: z.enum(sharedBases, { error: 'choose EQUAL or UNITS' }),
})

export const closeSchema = z.object({
  month: isoMonth,
  idempotencyKey: z
    .string()
    .check(z.trim(), z.minLength(8, { error: 'must be 8 to 100 characters' }), z.maxLength(100)),
})

export const adjustmentSchema = z.object({
  merchantId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** The closed month being corrected; the adjustment lands in the next open month. */
  month: isoMonth,
  amountFen: fenSchema(moneyRanges.adjustmentFen, 'the amount').check(
    z.refine((v) => v !== 0, { error: 'must not be zero' }),
  ),
  reason: z.string().check(z.trim(), z.minLength(1, { error: 'say why' }), z.maxLength(300)),
})

/**
 * A correction of money already recorded: the cost voided or reversed, or the statement whose
 * payment is undone, and why (kept in the audit log and shown beside the entry).
 */
export const correctionSchema = z.object({
  id: z.string().check(z.minLength(1, { error: 'choose what to correct' }), z.maxLength(64)),
  reason: z
    .string({ error: 'say why' })
    .check(
      z.trim(),
      z.minLength(1, { error: 'say why' }),
      z.maxLength(200, { error: 'at most 200 characters' }),
    ),
})
export type CorrectionInput = z.infer<typeof correctionSchema>

// ---------------------------------------------------------------------------------------------
// The settlement page's forms: people type yuan and percentages, read exactly (amounts.ts) within
// the same ranges, and the other fields are the GraphQL inputs' own, so each form gives the input
// its mutation parses.

/**
 * An amount typed in yuan, as integer fen. A refused one says only that it is wrong; the page
 * reads what was sent again to say why (decimals, zero, too large…) in the page's language.
 */
const typedYuan = (options: { signed?: boolean; maxFen: number }) =>
  z.pipe(
    z.string().check(z.maxLength(40)),
    z.transform((typed, ctx) => {
      const read = readAmount(typed, options)
      if ('fen' in read) return read.fen
      ctx.issues.push({
        code: 'custom',
        message: `not an amount in yuan (${read.error})`,
        input: typed,
      })
      return z.NEVER
    }),
  )

/** A percentage as typed (`12.5`, `20%`), as basis points. */
const typedPercent = z.pipe(
  z.string().check(z.maxLength(20)),
  z.transform((typed, ctx) => {
    const read = percentToBp(typed)
    if ('bp' in read) return read.bp
    ctx.issues.push({ code: 'custom', message: `not a percentage (${read.error})`, input: typed })
    return z.NEVER
  }),
)

/** Recording a cost: the amount in yuan. */
export const costForm = z.pipe(
  z.object({
    month: isoMonth,
    kind: costSchema.shape.kind,
    amount: typedYuan({ maxFen: moneyRanges.costFen.maxFen }),
    hubId: costSchema.shape.hubId,
    note: costSchema.shape.note,
  }),
  z.transform(({ amount, ...cost }): CostInput => ({ ...cost, amountFen: amount })),
)

/** A new version of the rules, from the share booked as a percentage, for the month shown. */
export const rulesForm = z.pipe(
  z.object({
    month: isoMonth,
    bookedSharePercent: typedPercent,
    sharedBasis: rulesSchema.shape.sharedBasis,
  }),
  z.transform(({ month, bookedSharePercent, sharedBasis }) => ({
    month,
    bookedShareBp: bookedSharePercent,
    sharedBasis,
  })),
)

/** Closing a month: the total its confirmation showed, when it showed one. */
export const closeForm = z.extend(closeSchema, {
  expectedTotalFen: z.pipe(
    z.optional(z.string().check(z.maxLength(20))),
    z.transform((typed) => {
      const fen = Number(typed)
      return typed && Number.isSafeInteger(fen) ? fen : undefined
    }),
  ),
})

/** Voiding or reversing a cost: why, and the month the page showed it in (if it said). */
export const costCorrectionForm = z.object({
  month: z.optional(z.string().check(z.maxLength(7))),
  reason: correctionSchema.shape.reason,
})

/**
 * A correction to a closed month, typed in yuan with a minus for a credit; `confirm` once it was
 * said back.
 */
export const adjustmentForm = z.pipe(
  z.object({
    month: isoMonth,
    merchantId: adjustmentSchema.shape.merchantId,
    amount: typedYuan({ signed: true, maxFen: moneyRanges.adjustmentFen.maxFen }),
    reason: adjustmentSchema.shape.reason,
    confirm: z.optional(z.string().check(z.maxLength(1))),
  }),
  z.transform(({ amount, ...adjustment }) => ({ ...adjustment, amountFen: amount })),
)
