import * as z from '../zod'
import { laneKinds } from '../../db/schema'

const laneSchema = z.object({
  code: z
    .string()
    .check(
      z.trim(),
      z.toUpperCase(),
      z.regex(/^[A-Z][A-Z0-9]{0,3}$/, { error: 'use a short code such as A1' }),
    ),
  kind: z.enum(laneKinds),
  merchantIds: z._default(z.array(z.string().check(z.minLength(1))).check(z.maxLength(50)), []),
  toHubId: z.optional(z.string().check(z.minLength(1))),
})

export type SortLaneInput = z.output<typeof laneSchema>

/**
 * A whole plan as a hub operator or coordinator sets it: codes unique, each merchant in at most
 * one lane, exactly one LARGE and one QUARANTINE lane, merchants only in MERCHANT lanes and a
 * destination hub on every TRANSFER lane (and only there).
 */
export const sortPlanSchema = z.array(laneSchema).check(
  z.minLength(2),
  z.maxLength(60),
  z.superRefine((lanes, ctx) => {
    const problem = (message: string, path: (string | number)[]) =>
      ctx.addIssue({ code: 'custom', message, path })
    const codes = new Set<string>()
    const merchants = new Set<string>()
    lanes.forEach((lane, i) => {
      if (codes.has(lane.code)) problem(`lane code ${lane.code} is used twice`, [i, 'code'])
      codes.add(lane.code)
      for (const m of lane.merchantIds) {
        if (merchants.has(m)) problem(`merchant ${m} is in more than one lane`, [i, 'merchantIds'])
        merchants.add(m)
      }
      if (lane.kind !== 'MERCHANT' && lane.merchantIds.length > 0)
        problem('only a MERCHANT lane holds merchants', [i, 'merchantIds'])
      if ((lane.kind === 'TRANSFER') !== (lane.toHubId !== undefined))
        problem('a TRANSFER lane, and only it, names the hub it sends to', [i, 'toHubId'])
    })
    for (const kind of ['LARGE', 'QUARANTINE'] as const) {
      if (lanes.filter((l) => l.kind === kind).length !== 1)
        problem(`a plan has exactly one ${kind} lane`, [])
    }
  }),
)
