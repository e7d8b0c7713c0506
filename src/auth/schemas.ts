import * as z from '../zod'
import { locales, roles } from '../../db/schema'
import { commonPasswords } from './common-passwords'

/** Sign-in input, shared by the form and the GraphQL `login` mutation. */
export const signInSchema = z.object({
  // 254 is the longest address mail can carry; it also bounds the throttle's counter keys.
  email: z.pipe(
    z.string().check(z.trim(), z.toLowerCase()),
    z
      .email({ error: 'enter an email address such as name@example.com' })
      .check(z.maxLength(254, { error: 'enter an email address such as name@example.com' })),
  ),
  password: z.string().check(z.minLength(1, { error: 'enter your password' }), z.maxLength(200)),
})
export type SignInInput = z.infer<typeof signInSchema>

export const localeSchema = z.object({ locale: z.enum(locales) })

/** A session id as `mySessions` lists it (a 16-hex-digit prefix of the stored hash). */
export const sessionIdSchema = z.object({
  id: z.string().check(z.regex(/^[0-9a-f]{16}$/, { error: 'not a session id' })),
})

export const userIdSchema = z.object({ userId: z.string().check(z.minLength(1), z.maxLength(64)) })

/** The rules for a new password; the demo password and other old ones still sign in. */
export const passwordPolicy = { minLength: 10, maxLength: 200 }

export const newPasswordSchema = z.string().check(
  z.minLength(passwordPolicy.minLength, {
    error: `use at least ${passwordPolicy.minLength} characters`,
  }),
  z.maxLength(passwordPolicy.maxLength, {
    error: `use at most ${passwordPolicy.maxLength} characters`,
  }),
  z.refine((password) => !commonPasswords.has(password.trim().toLowerCase()), {
    error: 'this password is among the most common ones; choose another',
    params: { reason: 'COMMON' },
  }),
)

/** `changePassword` input, shared by the account page and the GraphQL mutation. */
export const changePasswordSchema = z.object({
  currentPassword: z
    .string()
    .check(z.minLength(1, { error: 'enter your current password' }), z.maxLength(200)),
  newPassword: newPasswordSchema,
})
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>

/**
 * The account page's password form: `changePasswordSchema` and the new password typed again.
 * A second copy that differs is said even while the current password is missing, but not while
 * the new one itself is wrong.
 */
export const passwordFormSchema = z
  .extend(changePasswordSchema, {
    repeatPassword: z.optional(z.string().check(z.maxLength(passwordPolicy.maxLength))),
  })
  .check(
    z.refine((form) => form.repeatPassword === form.newPassword, {
      error: 'type the same new password twice',
      path: ['repeatPassword'],
      when: ({ issues }) => issues.every((issue) => issue.path?.[0] === 'currentPassword'),
    }),
  )

// A form's "— none —" option sends an empty string: no organisation, as an absent field is.
const orgId = z.pipe(
  z.transform((value) => (value === '' ? undefined : value)),
  z.nullish(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
)

/** `inviteUser` input: who is invited, as what, for which organisation. */
export const inviteSchema = z.object({
  email: signInSchema.shape.email,
  role: z.enum(roles),
  merchantId: orgId,
  stationId: orgId,
  hubId: orgId,
})
export type InviteInput = z.infer<typeof inviteSchema>

const linkToken = /^[A-Za-z0-9_-]{43}$/

/** The secret of an invitation or reset link as it appears in the link (base64url, 256 bits). */
export const linkTokenSchema = z.string().check(z.regex(linkToken, { error: 'not a link' }))

/** Whether a path segment can be a link's secret at all (else the link is simply unknown). */
export const isLinkToken = (value: string) => linkToken.test(value)

/** Accepting an invitation or using a reset link: the link's secret and the new password. */
export const setPasswordSchema = z.object({ token: linkTokenSchema, password: newPasswordSchema })

/** The page's form: the new password twice (the token is in the path). */
export const setPasswordFormSchema = z
  .object({
    password: newPasswordSchema,
    repeatPassword: z.optional(z.string().check(z.maxLength(passwordPolicy.maxLength))),
  })
  .check(
    z.refine((form) => form.repeatPassword === form.password, {
      error: 'type the same new password twice',
      path: ['repeatPassword'],
      when: ({ issues }) => issues.length === 0,
    }),
  )

export const invitationIdSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
})

/** `resetPassword` input: the reset link's secret and the new password. */
export const resetPasswordSchema = z.object({
  token: linkTokenSchema,
  newPassword: newPasswordSchema,
})

export const setUserActiveSchema = z.extend(userIdSchema, { active: z.boolean() })

/** The user access page's switch: `true` or `false` as the form sends it. */
export const activeFormSchema = z.object({
  active: z.pipe(
    z.enum(['true', 'false']),
    z.transform((v) => v === 'true'),
  ),
})
