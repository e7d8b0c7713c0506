import { sql } from 'drizzle-orm'
import { check, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { alliances } from './alliance'
import { createdAt } from './columns'

export const categories = ['FOOD', 'SUPPLIES', 'CLOTHING', 'TOYS'] as const
export type Category = (typeof categories)[number]

export const merchants = sqliteTable(
  'merchants',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    category: text('category', { enum: categories }).notNull(),
    joinedOn: text('joined_on').notNull(),
    ...createdAt,
  },
  (t) => [
    index('merchants_alliance').on(t.allianceId),
    check('merchants_category', sql`${t.category} in ('FOOD','SUPPLIES','CLOTHING','TOYS')`),
  ],
)

export const hubs = sqliteTable(
  'hubs',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    name: text('name').notNull(),
    nameZh: text('name_zh').notNull(),
    city: text('city').notNull(),
    cityZh: text('city_zh').notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    dailyCapacityUnits: integer('daily_capacity_units').notNull(),
    ...createdAt,
  },
  (t) => [
    index('hubs_alliance').on(t.allianceId),
    check('hubs_capacity', sql`${t.dailyCapacityUnits} >= 0`),
  ],
)

export const stationServices = [
  'TOY_SANITISING',
  'BABY_GOODS_CLEANING',
  'LARGE_ITEMS',
  'PARCEL_LOCKER',
] as const
export type StationService = (typeof stationServices)[number]

export const stations = sqliteTable(
  'stations',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    name: text('name').notNull(),
    storeName: text('store_name').notNull(),
    address: text('address').notNull(),
    city: text('city').notNull(),
    province: text('province').notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    openingHours: text('opening_hours').notNull(),
    services: text('services', { mode: 'json' }).$type<StationService[]>().notNull(),
    /** ISO weekdays (1 Monday … 7 Sunday) the station stays shut, in Asia/Shanghai. */
    closedDays: text('closed_days', { mode: 'json' }).$type<number[]>().notNull().default([]),
    phone: text('phone').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    /**
     * Toneless pinyin of the name, store, district and street, city and province, lower case,
     * syllables spaced, fields split by "|" ("ba bai ban zhan|…|pu dong xin qu zhang yang lu|…"),
     * so "pudong" or "Pudong" finds 浦东 without a pinyin library at run time.
     */
    romanised: text('romanised').notNull().default(''),
    commissionFen: integer('commission_fen').notNull(),
    largeItemCommissionFen: integer('large_item_commission_fen').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...createdAt,
  },
  (t) => [
    index('stations_alliance').on(t.allianceId),
    // The map's visible-area query: active stations within a latitude band, then longitude.
    index('stations_area').on(t.active, t.lat, t.lng),
    check('stations_commission', sql`${t.commissionFen} >= 0`),
    check('stations_large_commission', sql`${t.largeItemCommissionFen} >= 0`),
    check('stations_lat', sql`${t.lat} between -90 and 90`),
    check('stations_lng', sql`${t.lng} between -180 and 180`),
  ],
)
