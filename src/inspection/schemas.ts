import * as z from '../zod'
import { grades, resolutionKinds } from '../../db/schema'
import { fenSchema, moneyRanges } from '../money-ranges'

export const respondSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  message: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'write a message' }), z.maxLength(1000)),
})

export const inspectSchema = z.object({
  returnId: z.string().check(z.minLength(1), z.maxLength(64)),
  grade: z.enum(grades, { error: 'choose a grade' }),
  checklist: z
    .array(
      z.object({
        item: z.string().check(z.maxLength(40)),
        value: z.string().check(z.maxLength(500)),
      }),
    )
    .check(z.maxLength(20)),
  notes: z._default(z.string().check(z.trim(), z.maxLength(2000)), ''),
})
export type InspectInput = z.infer<typeof inspectSchema>

export const resolveSchema = z.object({
  returnId: z.string().check(z.minLength(1), z.maxLength(64)),
  resolution: z.enum(resolutionKinds, { error: 'choose a resolution' }),
  refundFen: z.optional(fenSchema(moneyRanges.refundFen, 'the refund')),
})
export type ResolveInput = z.infer<typeof resolveSchema>

export const rateSchema = z.object({
  code: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  stars: z.coerce
    .number({ error: 'choose 1 to 5 stars' })
    .check(
      z.int({ error: 'choose 1 to 5 stars' }),
      z.gte(1, { error: 'choose 1 to 5 stars' }),
      z.lte(5, { error: 'choose 1 to 5 stars' }),
    ),
  comment: z._default(
    z.string().check(z.trim(), z.maxLength(300, { error: 'at most 300 characters' })),
    '',
  ),
})

/** A message to the customer, shown on the tracking page as written (trimmed). */
export const messageCustomerSchema = z.object({
  returnId: z.string().check(z.minLength(1), z.maxLength(64)),
  text: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'write a message' }),
      z.maxLength(1000, { error: 'at most 1000 characters' }),
    ),
})
