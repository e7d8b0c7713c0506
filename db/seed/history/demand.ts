/**
 * How many returns the demo's customers send, and when: a month's total split exactly by
 * category (food 35 %, supplies 28 %, clothing 22 %, toys 15 %), then among the category's
 * members by size, then over the month's days (weekends busier, and the waves after the 618 and
 * Double 11 shopping festivals).
 */
import { addDays, dateRange, monthBounds, weekdayIndex } from '../../../src/calendar/local-date'
import { apportion } from '../../../src/money'
import { categories, type Category } from '../../schema'
import { items, largeItems, reasons, type Item } from './catalogue'
import { at, minutes, type MerchantProfile, type StationProfile, type World } from './world'

export const categoryShares: Record<Category, number> = {
  FOOD: 35,
  SUPPLIES: 28,
  CLOTHING: 22,
  TOYS: 15,
}

/** Returns in the first finished month; each later month has a little more. */
const firstMonthReturns = 92
const growth = 1.05

export interface ReturnPlan {
  merchant: MerchantProfile
  category: Category
  item: Item
  orderValueFen: number
  reason: string
  station: StationProfile
  contact?: string
  registerAt: number
  /** When the customer hands it in, if not left to chance (the last hours before now). */
  checkInAt?: number
  /** The merchant has not answered yet at now. */
  unanswered?: boolean
  /** The step still to come at now: the hub has not inspected it, or the merchant not decided. */
  waitsFor?: 'inspection' | 'decision'
}

/** The festival return waves: a week from the day after 618 and after Double 11. */
function festivalWave(date: string): boolean {
  const md = date.slice(5)
  return (md >= '06-19' && md <= '06-25') || (md >= '11-12' && md <= '11-18')
}

const dayWeight = (date: string) =>
  (festivalWave(date) ? 2.6 : 1) * (weekdayIndex(date) >= 5 ? 1.3 : 1)

/** Every return of the history and of the current month so far, in no particular order. */
export function planReturns(w: World): ReturnPlan[] {
  const r = w.random
  const plans: ReturnPlan[] = []
  const all = [...w.months, w.current]
  all.forEach((month, i) => {
    const { from, to } = monthBounds(month)
    const last = month === w.current ? w.today : to
    const days = dateRange(from, last)
    const festive = days.some(festivalWave) ? 1.3 : 1
    const full = dateRange(from, to).length
    const total = Math.round(firstMonthReturns * growth ** i * festive * (days.length / full))
    const perCategory = apportion(
      total,
      categories.map((c) => categoryShares[c]),
    )
    categories.forEach((category, ci) => {
      const members = w.merchants.filter((m) => m.category === category && m.activeFrom <= last)
      const activeDays = (m: MerchantProfile) => days.filter((d) => d >= m.activeFrom)
      const counts = apportion(
        perCategory[ci]!,
        members.map((m) => Math.round(m.weight * 100) * activeDays(m).length),
      )
      members.forEach((merchant, mi) => {
        const open = activeDays(merchant)
        for (let n = 0; n < counts[mi]!; n++) {
          const date = r.weighted(open, dayWeight)
          plans.push(planOne(w, merchant, category, at(date, 8) + minutes(r.int(0, 14 * 60))))
        }
      })
    })
  })
  addFrequentReturners(w, plans)
  plans.push(...lastHours(w))
  return plans
}

/**
 * Whatever the hour of the app's now, a few parcels were handed in at stations within the last
 * two hours (today's parcels on the console) and a few returns wait for their first answer.
 */
function lastHours(w: World): ReturnPlan[] {
  const r = w.random
  const now = w.now.getTime()
  const active = w.merchants.filter((m) => m.activeFrom < w.today)
  // Handed in this morning, on the road by now (the last pickup, three hours ago), and just now.
  const handedIn = (['sta_48', 'sta_40', 'sta_01', 'sta_02', 'sta_13', 'sta_27'] as const).map(
    (id, i) => {
      const merchant = r.pick(active)
      const plan = planOne(w, merchant, merchant.category, now - minutes(r.int(20, 30) * 60))
      const checkInAt = i < 2 ? now - minutes(r.int(240, 300)) : now - minutes(r.int(10, 100))
      return { ...plan, station: w.stations.find((s) => s.id === id)!, checkInAt }
    },
  )
  const waiting = [0, 1, 2].map(() => {
    const merchant = r.pick(active)
    return {
      ...planOne(w, merchant, merchant.category, now - minutes(r.int(15, 80))),
      unanswered: true,
    }
  })
  const atHub = (['inspection', 'inspection', 'decision', 'decision', 'decision'] as const).map(
    (waitsFor, i) => {
      const merchant = r.pick(active)
      const plan = planOne(w, merchant, merchant.category, now - minutes(r.int(7, 8) * 24 * 60))
      return { ...plan, station: w.stations[i * 11]!, waitsFor }
    },
  )
  return [...handedIn, ...waiting, ...atHub]
}

function planOne(
  w: World,
  merchant: MerchantProfile,
  category: Category,
  registerAt: number,
): ReturnPlan {
  const r = w.random
  const large = largeItems[merchant.id]
  const item = large && r.chance(0.7) ? large : r.pick(items[category])
  const yuan = r.int(item.yuan[0], item.yuan[1])
  return {
    merchant,
    category,
    item,
    orderValueFen: yuan * 100,
    reason: r.pick(reasons[category]),
    // Prams and cots are handed in where the store takes large items.
    station: r.weighted(item.large ? largeItemStations(w) : w.stations, (s) => s.footfall),
    contact: r.chance(0.6) ? phone(w) : undefined,
    registerAt,
  }
}

const largeItemStations = (w: World) => w.stations.filter((s) => s.services.includes('LARGE_ITEMS'))

const phone = (w: World) => `13${String(w.random.int(0, 999_999_999)).padStart(9, '0')}`

/**
 * A few customers return often, at several members that share return-credit hashes, within the
 * signal's 90 days: their newer returns show an elevated or high band.
 */
function addFrequentReturners(w: World, plans: ReturnPlan[]) {
  const r = w.random
  const recent = at(addDays(w.today, -75), 0)
  const candidates = plans
    .filter((p) => p.merchant.sharesReturnCredit && p.registerAt >= recent)
    .sort((a, b) => a.registerAt - b.registerAt)
  for (let person = 0; person < 8 && candidates.length > 6; person++) {
    const contact = phone(w)
    const times = r.int(3, 6)
    for (let k = 0; k < times; k++) {
      const chosen = candidates.splice(r.int(0, candidates.length - 1), 1)[0]!
      chosen.contact = contact
    }
  }
}
