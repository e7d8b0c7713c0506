import * as z from '../zod'
import { userNotificationKinds } from '../../db/schema'

/** One kind switched on or off; the preferences form and `setNotificationPreference` share it. */
export const notificationPreferenceInput = z.object({
  kind: z.enum(userNotificationKinds),
  enabled: z.pipe(
    z.transform((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v)),
    z.boolean(),
  ),
})

/** Which of the caller's notifications to mark read; none named means all of them. */
export const markReadInput = z.object({
  ids: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(500)),
  ),
})

/** A page of the list: at most 100 at a time, after an opaque cursor from the previous page. */
export const notificationPageInput = z.object({
  unreadOnly: z._default(z.boolean(), false),
  first: z._default(z.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  after: z.optional(z.string().check(z.maxLength(200))),
})
