import * as z from 'zod'
import { grades, resolutionKinds } from '../../db/schema'
import { fenSchema, moneyRanges } from '../money-ranges'

export const respondSchema = z.object({
  id: z.string().min(1).max(64),
  message: z.string().trim().min(1, { error: 'write a message' }).max(1000),
})

export const inspectSchema = z.object({
  returnId: z.string().min(1).max(64),
  grade: z.enum(grades, { error: 'choose a grade' }),
  checklist: z.array(z.object({ item: z.string().max(40), value: z.string().max(500) })).max(20),
  notes: z.string().trim().max(2000).default(''),
})
export type InspectInput = z.infer<typeof inspectSchema>

export const resolveSchema = z.object({
  returnId: z.string().min(1).max(64),
  resolution: z.enum(resolutionKinds, { error: 'choose a resolution' }),
  refundFen: fenSchema(moneyRanges.refundFen, 'the refund').optional(),
})
export type ResolveInput = z.infer<typeof resolveSchema>

export const rateSchema = z.object({
  code: z.string().trim().min(1).max(40),
  stars: z.coerce
    .number({ error: 'choose 1 to 5 stars' })
    .int({ error: 'choose 1 to 5 stars' })
    .min(1, { error: 'choose 1 to 5 stars' })
    .max(5, { error: 'choose 1 to 5 stars' }),
  comment: z.string().trim().max(300, { error: 'at most 300 characters' }).default(''),
})

/** A message to the customer, shown on the tracking page as written (trimmed). */
export const messageCustomerSchema = z.object({
  returnId: z.string().min(1).max(64),
  text: z
    .string()
    .trim()
    .min(1, { error: 'write a message' })
    .max(1000, { error: 'at most 1000 characters' }),
})
