import * as z from 'zod'
import { userNotificationKinds } from '../../db/schema'

/** One kind switched on or off; the preferences form and `setNotificationPreference` share it. */
export const notificationPreferenceInput = z.object({
  kind: z.enum(userNotificationKinds),
  enabled: z.preprocess(
    (v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v),
    z.boolean(),
  ),
})

/** Which of the caller's notifications to mark read; none named means all of them. */
export const markReadInput = z.object({
  ids: z.array(z.string().min(1).max(64)).max(500).optional(),
})

/** A page of the list: at most 100 at a time, after an opaque cursor from the previous page. */
export const notificationPageInput = z.object({
  unreadOnly: z.boolean().default(false),
  first: z.number().int().min(1).max(100).default(20),
  after: z.string().max(200).optional(),
})
