/**
 * The staff page's forms as posted: a checkbox is sent only when ticked (browsers send "on"),
 * and the certification button of each row posts the state it switches to.
 */
import * as z from '../zod'
import { isoDate } from '../calendar/schemas'
import { staffSchema } from './schemas'

/** Whether a checkbox came back ticked. */
export const isTicked = (value: unknown) => value === 'on' || value === 'true' || value === '1'

/** Adding a person: a name, and whether they already hold the certification. */
export const addStaffForm = z.extend(staffSchema, {
  certified: z.pipe(z.optional(z.unknown()), z.transform(isTicked)),
})

/** One row's button: anything but "true" takes the certification away. */
export const certificationForm = z.object({
  certified: z.pipe(
    z.optional(z.unknown()),
    z.transform((value) => value === 'true'),
  ),
})

/** A certificate as posted (multipart): the person, the number, the date and the scan file. */
export const certificateForm = z.object({
  staffId: z.string().check(z.minLength(1), z.maxLength(64)),
  number: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  date: isoDate,
  scan: z.optional(z.unknown()),
})

/** A coordinator's decision: "true" verifies; anything else turns it down (with a reason). */
export const verifyForm = z.object({
  verified: z.pipe(
    z.optional(z.unknown()),
    z.transform((value) => value === 'true'),
  ),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(300))),
})

/** Removing someone takes nothing but the form's token. */
export const removeForm = z.object({})
