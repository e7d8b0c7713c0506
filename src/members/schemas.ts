import * as z from '../zod'
import { applicationStatuses, categories, membershipStatuses } from '../../db/schema'
import { isoMonth } from '../calendar/schemas'

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max))

/** What a shop says about itself when applying (the public page and `applyForMembership`). */
export const applicationSchema = z.object({
  shopName: text(100),
  category: z.enum(categories),
  region: text(100),
  contact: text(200),
  shopUrl: z.pipe(
    z.string().check(z.trim(), z.maxLength(500)),
    z.url({ protocol: /^https?$/, error: 'use a web address such as https://shop.example.cn' }),
  ),
})
export type ApplicationInput = z.infer<typeof applicationSchema>

export const applicationIdSchema = z.object({
  applicationId: z.string().check(z.minLength(1), z.maxLength(64)),
})

export const admitSchema = z.extend(applicationIdSchema, { startMonth: isoMonth })

export const declineSchema = z.extend(applicationIdSchema, { reason: text(500) })

export const applicationFilterSchema = z.object({ status: z.nullish(z.enum(applicationStatuses)) })

export const membershipSchema = z.object({
  merchantId: z.string().check(z.minLength(1), z.maxLength(64)),
  status: z.enum(membershipStatuses),
  fromMonth: isoMonth,
})
