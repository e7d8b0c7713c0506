import * as z from '../zod'
import { isIsoDate, isIsoMonth } from './local-date'

/** A calendar date as `YYYY-MM-DD`, for every form and GraphQL argument that takes one. */
export const isoDate = z
  .string()
  .check(z.refine(isIsoDate, { error: 'use a real date as YYYY-MM-DD' }))
/** A month as `YYYY-MM`. */
export const isoMonth = z.string().check(z.refine(isIsoMonth, { error: 'use a month as YYYY-MM' }))
