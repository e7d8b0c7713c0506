// Station lookups at the national scale: the public nearest-station query and the map's
// visible-area query, with the national demo (db/seed/national.ts) loaded at 1,000 and 10,000
// stations (beside the 48 demo ones), each against an indexed raw-SQL floor:
//
//   indexed SQL nearest   a box around the point on `stations_area`, nearest 5 by a flat-earth
//                         distance in SQL (widened until it holds 5)
//   nearestStations       the service the GraphQL field calls (src/stations/service.ts)
//   indexed SQL area      the box's active stations on `stations_area`
//   stationsInArea        the service behind the GraphQL field and GET /stations/area
//
// Points and boxes sit near the national demo's cities, as customers and map views would. Every
// nearestStations answer must be the SQL floor's five (by id), every area answer its count.
import { getTableColumns, like } from 'drizzle-orm'
import { stations } from '../db/schema'
import { demoAlliance } from '../db/seed/demo-data'
import { nationalStations } from '../db/seed/national'
import { stationsInArea } from '../src/stations/area'
import { nearestStations } from '../src/stations/service'
import { benchApp, timedLoop, type BenchApp } from './in-process'
import { intFromEnv, quick, type Measurement, type Result } from './scenario'

export const name = 'stations'

const SIZES = [1_000, 10_000]
const NEAREST = 5

/** A reproducible stream in [0, 1). */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

async function load(b: BenchApp, count: number) {
  await b.db.delete(stations).where(like(stations.id, 'sta_n%'))
  const rows = nationalStations(count).map((s) => ({ ...s, allianceId: demoAlliance.id }))
  const size = Math.floor(100 / Object.keys(getTableColumns(stations)).length)
  const inserts = []
  for (let i = 0; i < rows.length; i += size) {
    inserts.push(b.db.insert(stations).values(rows.slice(i, i + size)))
  }
  await b.db.batch(inserts as [(typeof inserts)[0], ...typeof inserts])
  return rows
}

async function sqlNearest(b: BenchApp, p: { lat: number; lng: number }): Promise<string[]> {
  const k = Math.cos((p.lat * Math.PI) / 180)
  for (let half = 0.05; ; half *= 4) {
    const { rows } = await b.client.execute({
      sql: `select id, (lat - ?1) * (lat - ?1) + ((lng - ?2) * ?3) * ((lng - ?2) * ?3) as d2
            from stations indexed by stations_area
            where active = 1 and lat between ?1 - ?4 and ?1 + ?4 and lng between ?2 - ?5 and ?2 + ?5
            order by d2, id limit ${NEAREST}`,
      args: [p.lat, p.lng, k, half, half / Math.max(k, 0.01)],
    })
    // Only a box whose inscribed circle holds all five is sure to hold the true nearest five.
    const inCircle = rows.filter((r) => Math.sqrt(Number(r.d2)) <= half)
    if (inCircle.length >= NEAREST || half > 180) return rows.map((r) => String(r.id))
  }
}

export async function run(): Promise<Result> {
  const ops = intFromEnv('BENCH_STATION_OPS', quick ? 50 : 200)
  console.log(`  ${ops} lookups each way at ${SIZES.join(' and ')} stations (BENCH_STATION_OPS) …`)
  const b = await benchApp()
  const measurements: Measurement[] = []
  const failures: string[] = []
  const ratios: string[] = []
  try {
    for (const size of SIZES) {
      const rows = await load(b, size)
      const next = random(size)
      const near = Array.from({ length: ops }, () => {
        const s = rows[Math.floor(next() * rows.length)]!
        return { lat: s.lat + (next() - 0.5) * 0.1, lng: s.lng + (next() - 0.5) * 0.1 }
      })
      const boxes = near.map((p) => ({
        south: p.lat - 0.1,
        west: p.lng - 0.12,
        north: p.lat + 0.1,
        east: p.lng + 0.12,
      }))
      const expected: string[][] = []
      const counts: number[] = []
      let wrong = 0
      const n = size.toLocaleString('en-US')
      const label = {
        sqlNearest: `indexed SQL nearest @${n}`,
        nearest: `nearestStations @${n}`,
        sqlArea: `indexed SQL area @${n}`,
        area: `stationsInArea @${n}`,
      }
      const bodies: [string, (i: number) => Promise<void>][] = [
        [label.sqlNearest, async (i) => void (expected[i] = await sqlNearest(b, near[i]!))],
        [
          label.nearest,
          async (i) => {
            const got = await nearestStations(b.db, near[i]!, NEAREST)
            // As sets: a flat-earth and a great-circle distance may order a near tie apart.
            const ids = got.map((g) => g.station.id).sort()
            if (ids.join() !== [...expected[i]!].sort().join()) wrong++
          },
        ],
        [
          label.sqlArea,
          async (i) => {
            const box = boxes[i]!
            const { rows: found } = await b.client.execute({
              sql: `select id from stations indexed by stations_area where active = 1
                    and lat between ? and ? and lng between ? and ?`,
              args: [box.south, box.north, box.west, box.east],
            })
            counts[i] = found.length
          },
        ],
        [
          label.area,
          async (i) => {
            if ((await stationsInArea(b.db, boxes[i]!)).length !== counts[i]) wrong++
          },
        ],
      ]
      const rates: Record<string, number> = {}
      for (const [l, body] of bodies) {
        await timedLoop(Math.min(ops, 10), body)
        const seconds = await timedLoop(ops, body)
        measurements.push({ label: l, operations: ops, seconds })
        rates[l] = ops / seconds
      }
      if (wrong > 0) failures.push(`${wrong} answers at ${n} stations differ from the SQL floor`)
      ratios.push(
        `@${n}: nearestStations at ${(rates[label.nearest]! / rates[label.sqlNearest]!).toFixed(2)}× ` +
          `its floor, stationsInArea at ${(rates[label.area]! / rates[label.sqlArea]!).toFixed(2)}×`,
      )
    }
  } finally {
    await b.close()
  }
  return {
    measurements,
    baseline: `indexed SQL nearest @${SIZES[0]!.toLocaleString('en-US')}`,
    failures,
    notes: [
      `Workload: ${ops} lookups each way, in sequence, per size; the national demo replaces the ` +
        `stations table at each size; points within ~5 km of a station, boxes ~22 × 25 km`,
      `Each against its own floor at the same size: ${ratios.join('; ')}`,
      `nearestStations reads every active station and sorts in JS (exact great-circle); the floor ` +
        `asks the index for a box and sorts by a flat-earth distance in SQL`,
    ],
  }
}
