import * as z from 'zod'
import { locales } from '../../db/schema'

/** Sign-in input, shared by the form and the GraphQL `login` mutation. */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'enter an email address such as name@example.com' })),
  password: z.string().min(1, { error: 'enter your password' }).max(200),
})
export type SignInInput = z.infer<typeof signInSchema>

export const localeSchema = z.object({ locale: z.enum(locales) })

/** A session id as `mySessions` lists it (a 16-hex-digit prefix of the stored hash). */
export const sessionIdSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/, { error: 'not a session id' }),
})

export const userIdSchema = z.object({ userId: z.string().min(1).max(64) })
