import * as z from 'zod'

export const staffSchema = z.object({
  name: z.string().trim().min(1, { error: 'enter a name' }).max(60),
  certified: z.boolean().default(false),
})

export const certificationSchema = z.object({
  staffId: z.string().min(1).max(64),
  certified: z.boolean(),
})
