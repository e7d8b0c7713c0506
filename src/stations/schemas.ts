import * as z from 'zod'
import { stationServices } from '../../db/schema'
import { fenSchema, moneyRanges } from '../money-ranges'

const hours = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, {
    error: 'use opening hours like 09:00-21:00',
  })
const fen = fenSchema(moneyRanges.commissionFen, 'an amount', { coerce: true })

const phone = z
  .string()
  .trim()
  .max(30, { error: 'at most 30 characters' })
  .regex(/^[0-9+\-\s()]*$/, { error: 'use digits, spaces, +, - and brackets, like 021-62101307' })
/** ISO weekdays the station stays shut, each once, in order. */
const closedDays = z
  .array(z.coerce.number().int().min(1).max(7))
  .max(7)
  .transform((days) => [...new Set(days)].sort((a, b) => a - b))

/**
 * What a station operator may change about its own station. Phone and closed days left out
 * stay as they are (GraphQL callers that predate them keep working).
 */
export const stationDetailsSchema = z.object({
  openingHours: hours,
  services: z.array(z.enum(stationServices)).max(stationServices.length),
  phone: phone.optional(),
  closedDays: closedDays.optional(),
})

/** A station as a coordinator creates or edits it. */
export const stationSchema = stationDetailsSchema.extend({
  name: z.string().trim().min(1, { error: 'enter a name' }).max(60),
  storeName: z.string().trim().min(1, { error: 'enter the store name' }).max(60),
  address: z.string().trim().min(1, { error: 'enter the address' }).max(200),
  city: z.string().trim().min(1, { error: 'enter the city' }).max(40),
  province: z.string().trim().min(1, { error: 'enter the province' }).max(40),
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
  commissionFen: fen,
  largeItemCommissionFen: fen,
  postcode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, { error: 'a postcode has six digits' })
    .optional(),
  /** The pinyin that lets "pudong" find 浦东 (see the `romanised` column). */
  romanised: z
    .string()
    .trim()
    .toLowerCase()
    .max(300, { error: 'at most 300 characters' })
    .regex(/^[a-z |]*$/, { error: 'toneless pinyin in Latin letters, syllables spaced' })
    .optional(),
})
export type StationInput = z.infer<typeof stationSchema>

export const nearestSchema = z.object({
  lat: z
    .number()
    .min(-90, { error: 'latitude is -90 to 90' })
    .max(90, { error: 'latitude is -90 to 90' }),
  lng: z
    .number()
    .min(-180, { error: 'longitude is -180 to 180' })
    .max(180, { error: 'longitude is -180 to 180' }),
  limit: z.number().int().min(1).max(50).default(5),
})

const latitude = z
  .number()
  .min(-90, { error: 'latitude is -90 to 90' })
  .max(90, { error: 'latitude is -90 to 90' })
const longitude = z
  .number()
  .min(-180, { error: 'longitude is -180 to 180' })
  .max(180, { error: 'longitude is -180 to 180' })

/** `searchStations`' arguments: a point needs both halves, services are known names. */
export const searchSchema = z
  .object({
    query: z.string().trim().max(60).nullish(),
    lat: latitude.nullish(),
    lng: longitude.nullish(),
    openNow: z.boolean().nullish(),
    services: z.array(z.enum(stationServices)).max(stationServices.length).nullish(),
    first: z.number().int().min(1).max(100).default(20),
  })
  .refine((a) => (a.lat == null) === (a.lng == null), {
    error: 'give both lat and lng, or neither',
    path: ['lng'],
  })

/** A map's visible area: south below north, west of east (no box across the antimeridian). */
export const areaSchema = z
  .object({ south: latitude, west: longitude, north: latitude, east: longitude })
  .refine((a) => a.south <= a.north, { error: 'south must not be above north', path: ['north'] })
  .refine((a) => a.west <= a.east, { error: 'west must not be east of east', path: ['east'] })
