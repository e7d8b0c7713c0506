import * as z from 'zod'
import { categories, quarantineReasons } from '../../db/schema'
import { fenSchema, moneyRanges } from '../money-ranges'

const text = (max: number, what: string) =>
  z
    .string({ error: `enter ${what}` })
    .trim()
    .min(1, { error: `enter ${what}` })
    .max(max, { error: `at most ${max} characters` })

/** A return as a merchant registers it; shared by the form and `registerReturn`. */
export const registerReturnSchema = z.object({
  orderRef: text(64, 'the order reference'),
  category: z.enum(categories, { error: 'choose FOOD, SUPPLIES, CLOTHING or TOYS' }),
  itemDescription: text(200, 'what is being returned'),
  orderValueFen: fenSchema(moneyRanges.returnOrderValueFen, 'the order value', { coerce: true }),
  largeItem: z
    .union([z.boolean(), z.enum(['on', 'true', '1'])])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true' || v === '1'),
  reason: text(500, 'the reason for the return'),
  hubId: z.string().trim().min(1, { error: 'choose a hub' }).max(64),
  customerContact: z
    .string()
    .trim()
    .max(100, { error: 'at most 100 characters' })
    .optional()
    .transform((v) => (v ? v : undefined)),
})
export type RegisterReturnInput = z.infer<typeof registerReturnSchema>

export const codeSchema = z.object({
  code: z.string().trim().min(1, { error: 'enter the return code' }).max(40),
})

/** A receipt scan: the code, and why the operator sends it to quarantine, if they do. */
export const receiveSchema = codeSchema.extend({
  quarantine: z.enum(quarantineReasons, { error: 'not a quarantine reason' }).optional(),
})

/** A check-in: the code, and the clerk's reason when taking a large item the station does not serve. */
export const checkInSchema = codeSchema.extend({
  overrideReason: z.string().trim().max(200, { error: 'at most 200 characters' }).optional(),
})

/** A transfer run to start: the hub whose transfer lane it empties, and the hub it goes to. */
export const transferRunSchema = z.object({
  fromHubId: z.string().trim().min(1, { error: 'choose the sending hub' }).max(64),
  toHubId: z.string().trim().min(1, { error: 'choose the hub it goes to' }).max(64),
})

export const pageSchema = z.object({
  first: z.number().int().min(1).max(100).default(20),
  after: z.string().max(200).optional(),
})

/** A drop-off region as typed (a city or province); shared by the form and `suggestedHub`. */
export const regionSchema = z
  .string({ error: 'enter a city or province' })
  .trim()
  .min(1, { error: 'enter a city or province' })
  .max(40, { error: 'at most 40 characters' })
