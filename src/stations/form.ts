/**
 * The station forms as posted: raw values kept for re-rendering, commissions typed in yuan and
 * turned into fen exactly, then the shared schemas (the same ones GraphQL uses) decide. Errors
 * come back per field as codes the page translates.
 */
import type { Context } from 'hono'
import { validator } from 'hono/validator'
import * as z from '../zod'
import { formText } from '../http/fragments'
import type { AppEnv } from '../http/types'
import type { Station } from '../network/service'
import { stationDetailsSchema, stationSchema, type StationInput } from './schemas'
import { fenToYuan, parseYuan, type YuanError } from '../money'

export const stationTextFields = [
  'name',
  'storeName',
  'address',
  'city',
  'province',
  'lat',
  'lng',
  'openingHours',
  'commission',
  'largeCommission',
  'phone',
  'postcode',
  'romanised',
] as const
type TextField = (typeof stationTextFields)[number]

export type StationFormValues = Record<TextField, string> & {
  services: string[]
  closedDays: string[]
}
export type StationField = TextField | 'services' | 'closedDays'

/** Why a field was refused: a field's own message, or a money problem. */
export type FieldProblem =
  { kind: 'FIELD' } | { kind: YuanError } | { kind: 'TOO_LARGE'; maxFen: number }
export type FieldProblems = Partial<Record<StationField, FieldProblem>>

type Body = Record<string, string | File | (string | File)[]>

const one = (value: Body[string] | undefined): string =>
  typeof value === 'string'
    ? value
    : Array.isArray(value) && typeof value[0] === 'string'
      ? value[0]
      : ''

/** A checkbox group's values: the name may come once, many times or not at all. */
function many(body: Body, name: string): string[] {
  const raw = body[name] ?? body[`${name}[]`]
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
    (s): s is string => typeof s === 'string',
  )
}

/** The form's fields as typed. */
export function stationFormValues(body: Body): StationFormValues {
  const values = Object.fromEntries(stationTextFields.map((f) => [f, one(body[f])])) as Record<
    TextField,
    string
  >
  return { ...values, services: many(body, 'services'), closedDays: many(body, 'closedDays') }
}

/** A station as the edit form shows it. */
export function stationValues(station: Station): StationFormValues {
  return {
    name: station.name,
    storeName: station.storeName,
    address: station.address,
    city: station.city,
    province: station.province,
    lat: String(station.lat),
    lng: String(station.lng),
    openingHours: station.openingHours,
    services: station.services,
    commission: fenToYuan(station.commissionFen),
    largeCommission: fenToYuan(station.largeItemCommissionFen),
    phone: station.phone,
    postcode: station.postcode,
    romanised: station.romanised,
    closedDays: station.closedDays.map(String),
  }
}

const schemaField: Record<string, StationField> = {
  commissionFen: 'commission',
  largeItemCommissionFen: 'largeCommission',
}

/** Issues of a zod parse as one problem per form field, the first for each. */
function problemsOf(
  issues: readonly { path: PropertyKey[]; code: string; maximum?: unknown }[],
  into: FieldProblems,
): FieldProblems {
  for (const issue of issues) {
    const key = String(issue.path[0])
    const field = (schemaField[key] ?? key) as StationField
    if (into[field]) continue
    into[field] =
      key in schemaField
        ? issue.code === 'too_big'
          ? { kind: 'TOO_LARGE', maxFen: Number(issue.maximum) }
          : { kind: 'FORMAT' }
        : { kind: 'FIELD' }
  }
  return into
}

/**
 * Checks a coordinator's station form.
 * @example parseStationForm({ ...values, commission: '2.5' }).input?.commissionFen // 250
 */
export function parseStationForm(
  values: StationFormValues,
): { input: StationInput; problems?: undefined } | { input?: undefined; problems: FieldProblems } {
  const problems: FieldProblems = {}
  const fen = (field: 'commission' | 'largeCommission') => {
    const result = parseYuan(values[field])
    if ('error' in result) {
      problems[field] = { kind: result.error }
      return undefined
    }
    return result.fen
  }
  // A blank coordinate must not quietly become 0 through the schema's number coercion.
  const coordinate = (v: string) => (v.trim() === '' ? undefined : v.trim())
  const parsed = stationSchema.safeParse({
    ...values,
    lat: coordinate(values.lat),
    lng: coordinate(values.lng),
    commissionFen: fen('commission'),
    largeItemCommissionFen: fen('largeCommission'),
  })
  if (parsed.success && Object.keys(problems).length === 0) return { input: parsed.data }
  return { problems: parsed.success ? problems : problemsOf(parsed.error.issues, problems) }
}

/** Checks a station operator's opening hours and services. */
export function parseStationDetailsForm(
  values: Pick<StationFormValues, 'openingHours' | 'services' | 'phone' | 'closedDays'>,
) {
  const parsed = stationDetailsSchema.safeParse(values)
  if (parsed.success) return { input: parsed.data }
  return { problems: problemsOf(parsed.error.issues, {}) }
}

type Parse<T> = (
  values: StationFormValues,
) => { input: T; problems?: undefined } | { input?: undefined; problems: FieldProblems }

/**
 * Reads a station form as posted and checks it with `parse`; the route then has the input and
 * the values as typed in `c.req.valid('form')`. Not the shared form(): that keeps one value per
 * field, and the services are checkboxes sharing one name. A refused form is 400, answered by
 * `onInvalid` with the values as typed and a problem per field.
 */
export const stationForm = <T>(
  parse: Parse<T>,
  onInvalid: (
    c: Context<AppEnv>,
    values: StationFormValues,
    problems: FieldProblems,
  ) => Response | Promise<Response>,
) =>
  validator('form', async (body, c: Context<AppEnv>) => {
    const values = stationFormValues(body)
    const parsed = parse(values)
    if (!parsed.problems) return { input: parsed.input, values }
    c.status(400)
    return onInvalid(c, values, parsed.problems)
  })

/** The list's switch: a station on or off, and the filters to go back to. */
export const activeForm = z.object({
  active: z.pipe(
    z.optional(z.unknown()),
    z.transform((v) => v === 'true'),
  ),
  status: z.pipe(z.optional(z.unknown()), z.transform(formText)),
  province: z.pipe(z.optional(z.unknown()), z.transform(formText)),
})
