/**
 * The staff page's forms as posted: a checkbox is sent only when ticked (browsers send "on"),
 * and the certification button of each row posts the state it switches to.
 */
import * as z from 'zod'
import { staffSchema } from './schemas'

/** Whether a checkbox came back ticked. */
export const isTicked = (value: unknown) => value === 'on' || value === 'true' || value === '1'

/** Adding a person: a name, and whether they already hold the certification. */
export const addStaffForm = staffSchema.extend({
  certified: z.unknown().optional().transform(isTicked),
})

/** One row's button: anything but "true" takes the certification away. */
export const certificationForm = z.object({
  certified: z
    .unknown()
    .optional()
    .transform((value) => value === 'true'),
})
