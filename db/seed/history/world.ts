/**
 * Everything the parts of the history share: the database, the cast, the clock, the chance, and
 * who the demo's merchants are (how big, how careful, where they book, whether insured).
 */
import {
  localDate,
  localInstant,
  monthInstants,
  shiftMonth,
} from '../../../src/calendar/local-date'
import type { Db } from '../../../src/db'
import { distanceMeters } from '../../../src/returns/geo'
import {
  demoHubs,
  demoMerchants,
  demoStations,
  type DemoMerchant,
  type DemoStation,
} from '../demo-data'
import type { Cast } from './cast'
import type { Random } from './random'
import type { Timeline } from './timeline'

/** Finished months of history before the current one. */
export const historyMonths = 6

export interface MerchantProfile extends DemoMerchant {
  /** Relative size within its category. */
  weight: number
  /** 0.7 (often late) to 1 (always on time): drives clocks and ratings, so scores differ. */
  care: number
  /** The hub it books most at. */
  homeHubId: string
  /** First local date it takes part in the history (joined, or the history's start). */
  activeFrom: string
  insured: boolean
  sharesReturnCredit: boolean
  /** Typical month's order value, fen. */
  orderValueFen: number
}

export interface StationProfile extends DemoStation {
  /** The hub its parcels are usually bound for: the nearest. */
  hubId: string
  /** Whether it sits in that hub's city (next-morning arrival) or farther (a day more). */
  local: boolean
  /** How busy it is relative to others. */
  footfall: number
}

export interface World {
  db: Db
  cast: Cast
  random: Random
  timeline: Timeline
  contactKey: string
  now: Date
  today: string
  /** The finished months, oldest first. */
  months: string[]
  current: string
  merchants: MerchantProfile[]
  stations: StationProfile[]
}

const bigCities = new Set(['上海', '杭州', '南京', '苏州'])

export function describeWorld(
  base: Pick<World, 'db' | 'cast' | 'random' | 'timeline' | 'contactKey' | 'now'>,
): World {
  const r = base.random
  const today = localDate(base.now)
  const current = today.slice(0, 7)
  const months = Array.from({ length: historyMonths }, (_, i) =>
    shiftMonth(current, i - historyMonths),
  )
  const start = `${months[0]}-01`
  const merchants = demoMerchants.map((m, i): MerchantProfile => ({
    ...m,
    weight: r.between(0.6, 1.6),
    care: r.between(0.7, 1),
    homeHubId: demoHubs[i % demoHubs.length]!.id,
    activeFrom: m.joinedOn > start ? m.joinedOn : start,
    // Most members insure; three do not (two toy shops and the car-seat shop).
    insured: i % 7 !== 3,
    sharesReturnCredit: i % 2 === 0,
    orderValueFen: r.int(30, 260) * 1_000_000,
  }))
  const stations = demoStations.map((s): StationProfile => {
    const nearest = [...demoHubs].sort((x, y) => distanceMeters(s, x) - distanceMeters(s, y))[0]!
    return {
      ...s,
      hubId: nearest.id,
      local: s.city === nearest.cityZh,
      footfall: (bigCities.has(s.city) ? 3 : 1) * r.between(0.4, 1.6) ** 2,
    }
  })
  return { ...base, today, current, months, merchants, stations }
}

/** The instant of a local time on a date, as ms. */
export const at = (date: string, hour: number, minute = 0) =>
  localInstant(date, hour, minute).getTime()

/** When a month starts, as ms. */
export const monthStart = (month: string) => Date.parse(monthInstants(month).start)

export const minutes = (n: number) => n * 60_000
export const hours = (n: number) => n * 3_600_000
export const days = (n: number) => n * 86_400_000
