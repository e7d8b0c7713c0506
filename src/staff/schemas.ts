import * as z from 'zod'
import { isoDate } from '../calendar/schemas'

export const staffSchema = z.object({
  name: z.string().trim().min(1, { error: 'enter a name' }).max(60),
  certified: z.boolean().default(false),
})

export const certificationSchema = z.object({
  staffId: z.string().min(1).max(64),
  certified: z.boolean(),
})

export const submitCertificationSchema = z.object({
  staffId: z.string().min(1).max(64),
  number: z.string().trim().min(1).max(60),
  date: isoDate,
})

export const verifyCertificationSchema = z.object({
  staffId: z.string().min(1).max(64),
  verified: z.boolean(),
  reason: z.string().trim().max(300).optional(),
})
