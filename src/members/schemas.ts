import * as z from 'zod'
import { applicationStatuses, categories, membershipStatuses } from '../../db/schema'
import { isoMonth } from '../calendar/schemas'

const text = (max: number) => z.string().trim().min(1).max(max)

/** What a shop says about itself when applying (the public page and `applyForMembership`). */
export const applicationSchema = z.object({
  shopName: text(100),
  category: z.enum(categories),
  region: text(100),
  contact: text(200),
  shopUrl: z
    .string()
    .trim()
    .max(500)
    .pipe(
      z.url({ protocol: /^https?$/, error: 'use a web address such as https://shop.example.cn' }),
    ),
})
export type ApplicationInput = z.infer<typeof applicationSchema>

export const applicationIdSchema = z.object({ applicationId: z.string().min(1).max(64) })

export const admitSchema = applicationIdSchema.extend({ startMonth: isoMonth })

export const declineSchema = applicationIdSchema.extend({ reason: text(500) })

export const applicationFilterSchema = z.object({ status: z.enum(applicationStatuses).nullish() })

export const membershipSchema = z.object({
  merchantId: z.string().min(1).max(64),
  status: z.enum(membershipStatuses),
  fromMonth: isoMonth,
})
