import * as z from '../zod'
import { stationServices } from '../../db/schema'
import { fenSchema, moneyRanges } from '../money-ranges'

const hours = z.string().check(
  z.trim(),
  z.regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, {
    error: 'use opening hours like 09:00-21:00',
  }),
)
const fen = fenSchema(moneyRanges.commissionFen, 'an amount', { coerce: true })

const phone = z.string().check(
  z.trim(),
  z.maxLength(30, { error: 'at most 30 characters' }),
  z.regex(/^[0-9+\-\s()]*$/, {
    error: 'use digits, spaces, +, - and brackets, like 021-62101307',
  }),
)
/** ISO weekdays the station stays shut, each once, in order. */
const closedDays = z.pipe(
  z.array(z.coerce.number().check(z.int(), z.gte(1), z.lte(7))).check(z.maxLength(7)),
  z.transform((days) => [...new Set(days)].sort((a, b) => a - b)),
)

/**
 * What a station operator may change about its own station. Phone and closed days left out
 * stay as they are (GraphQL callers that predate them keep working).
 */
export const stationDetailsSchema = z.object({
  openingHours: hours,
  services: z.array(z.enum(stationServices)).check(z.maxLength(stationServices.length)),
  phone: z.optional(phone),
  closedDays: z.optional(closedDays),
})

/** A station as a coordinator creates or edits it. */
export const stationSchema = z.extend(stationDetailsSchema, {
  name: z.string().check(z.trim(), z.minLength(1, { error: 'enter a name' }), z.maxLength(60)),
  storeName: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'enter the store name' }), z.maxLength(60)),
  address: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'enter the address' }), z.maxLength(200)),
  city: z.string().check(z.trim(), z.minLength(1, { error: 'enter the city' }), z.maxLength(40)),
  province: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'enter the province' }), z.maxLength(40)),
  lat: z.coerce.number().check(z.gte(-90), z.lte(90)),
  lng: z.coerce.number().check(z.gte(-180), z.lte(180)),
  commissionFen: fen,
  largeItemCommissionFen: fen,
  postcode: z.optional(
    z.string().check(z.trim(), z.regex(/^(\d{6})?$/, { error: 'a postcode has six digits' })),
  ),
  /** The pinyin that lets "pudong" find 浦东 (see the `romanised` column). */
  romanised: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.toLowerCase(),
        z.maxLength(300, { error: 'at most 300 characters' }),
        z.regex(/^[a-z |]*$/, { error: 'toneless pinyin in Latin letters, syllables spaced' }),
      ),
  ),
})
export type StationInput = z.infer<typeof stationSchema>

export const nearestSchema = z.object({
  lat: z
    .number()
    .check(
      z.gte(-90, { error: 'latitude is -90 to 90' }),
      z.lte(90, { error: 'latitude is -90 to 90' }),
    ),
  lng: z
    .number()
    .check(
      z.gte(-180, { error: 'longitude is -180 to 180' }),
      z.lte(180, { error: 'longitude is -180 to 180' }),
    ),
  limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(50)), 5),
})

const latitude = z
  .number()
  .check(
    z.gte(-90, { error: 'latitude is -90 to 90' }),
    z.lte(90, { error: 'latitude is -90 to 90' }),
  )
const longitude = z
  .number()
  .check(
    z.gte(-180, { error: 'longitude is -180 to 180' }),
    z.lte(180, { error: 'longitude is -180 to 180' }),
  )

/** `searchStations`' arguments: a point needs both halves, services are known names. */
export const searchSchema = z
  .object({
    query: z.nullish(z.string().check(z.trim(), z.maxLength(60))),
    lat: z.nullish(latitude),
    lng: z.nullish(longitude),
    openNow: z.nullish(z.boolean()),
    services: z.nullish(
      z.array(z.enum(stationServices)).check(z.maxLength(stationServices.length)),
    ),
    first: z._default(z.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  })
  .check(
    z.refine((a) => (a.lat == null) === (a.lng == null), {
      error: 'give both lat and lng, or neither',
      path: ['lng'],
    }),
  )

/** A map's visible area: south below north, west of east (no box across the antimeridian). */
export const areaSchema = z
  .object({ south: latitude, west: longitude, north: latitude, east: longitude })
  .check(
    z.refine((a) => a.south <= a.north, {
      error: 'south must not be above north',
      path: ['north'],
    }),
    z.refine((a) => a.west <= a.east, { error: 'west must not be east of east', path: ['east'] }),
  )
