import * as z from '../zod'
import { categories, quarantineReasons } from '../../db/schema'
import { fenSchema, moneyRanges } from '../money-ranges'

const text = (max: number, what: string) =>
  z
    .string({ error: `enter ${what}` })
    .check(
      z.trim(),
      z.minLength(1, { error: `enter ${what}` }),
      z.maxLength(max, { error: `at most ${max} characters` }),
    )

/** A return as a merchant registers it; shared by the form and `registerReturn`. */
export const registerReturnSchema = z.object({
  orderRef: text(64, 'the order reference'),
  category: z.enum(categories, { error: 'choose FOOD, SUPPLIES, CLOTHING or TOYS' }),
  itemDescription: text(200, 'what is being returned'),
  orderValueFen: fenSchema(moneyRanges.returnOrderValueFen, 'the order value', { coerce: true }),
  largeItem: z.pipe(
    z.optional(z.union([z.boolean(), z.enum(['on', 'true', '1'])])),
    z.transform((v) => v === true || v === 'on' || v === 'true' || v === '1'),
  ),
  reason: text(500, 'the reason for the return'),
  hubId: z.string().check(z.trim(), z.minLength(1, { error: 'choose a hub' }), z.maxLength(64)),
  customerContact: z.pipe(
    z.optional(z.string().check(z.trim(), z.maxLength(100, { error: 'at most 100 characters' }))),
    z.transform((v) => (v ? v : undefined)),
  ),
})
export type RegisterReturnInput = z.infer<typeof registerReturnSchema>

export const codeSchema = z.object({
  code: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'enter the return code' }), z.maxLength(40)),
})

/** A receipt scan: the code, and why the operator sends it to quarantine, if they do. */
export const receiveSchema = z.extend(codeSchema, {
  quarantine: z.optional(z.enum(quarantineReasons, { error: 'not a quarantine reason' })),
})

/** A check-in: the code, and the clerk's reason when taking a large item the station does not serve. */
export const checkInSchema = z.extend(codeSchema, {
  overrideReason: z.optional(
    z.string().check(z.trim(), z.maxLength(200, { error: 'at most 200 characters' })),
  ),
})

/** A transfer run to start: the hub whose transfer lane it empties, and the hub it goes to. */
export const transferRunSchema = z.object({
  fromHubId: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'choose the sending hub' }), z.maxLength(64)),
  toHubId: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'choose the hub it goes to' }), z.maxLength(64)),
})

export const pageSchema = z.object({
  first: z._default(z.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  after: z.optional(z.string().check(z.maxLength(200))),
})

/** A drop-off region as typed (a city or province); shared by the form and `suggestedHub`. */
export const regionSchema = z
  .string({ error: 'enter a city or province' })
  .check(
    z.trim(),
    z.minLength(1, { error: 'enter a city or province' }),
    z.maxLength(40, { error: 'at most 40 characters' }),
  )
