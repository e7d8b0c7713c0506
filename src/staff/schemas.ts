import * as z from '../zod'
import { isoDate } from '../calendar/schemas'

export const staffSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, { error: 'enter a name' }), z.maxLength(60)),
  certified: z._default(z.boolean(), false),
})

export const certificationSchema = z.object({
  staffId: z.string().check(z.minLength(1), z.maxLength(64)),
  certified: z.boolean(),
})

export const submitCertificationSchema = z.object({
  staffId: z.string().check(z.minLength(1), z.maxLength(64)),
  number: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  date: isoDate,
})

export const verifyCertificationSchema = z.object({
  staffId: z.string().check(z.minLength(1), z.maxLength(64)),
  verified: z.boolean(),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(300))),
})
