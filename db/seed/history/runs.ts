/**
 * The hubs' side of the flow: every afternoon each hub sends a pickup run to every station
 * holding two parcels or more bound for it (or one that has waited two days); the run arrives the next morning from the hub's own city, a day
 * later from farther away, and is scanned in parcel by parcel and closed. Now and then a parcel
 * misses its scan and turns up on a later run (unexpected there), or one is scanned at the wrong
 * hub (refused, listed as mis-routed).
 */
import { addDays, localDate } from '../../../src/calendar/local-date'
import { closePickupRun, createPickupRun, receiveParcel } from '../../../src/returns/pickup-runs'
import { demoHubs } from '../demo-data'
import { at, days, hours, minutes, type World } from './world'

/** A parcel checked in at a station, as the run that collects it needs to know it. */
export interface Parcel {
  id: string
  code: string
  hubId: string
  stationId: string
  checkedInAt: number
  /** Told once it is scanned in at its hub. */
  arrived(at: Date): void
}

export class Runs {
  /** Parcels at stations, not yet on a run: hub → station → parcels. */
  private waiting = new Map<string, Map<string, Parcel[]>>()
  /** Parcels that missed their run's scan, found on the hub's next one. */
  private late = new Map<string, Parcel[]>()
  private misroutes = 0

  constructor(private readonly w: World) {}

  /** A parcel has just been checked in. */
  checkedIn(parcel: Parcel) {
    const byStation = this.waiting.get(parcel.hubId) ?? new Map<string, Parcel[]>()
    this.waiting.set(parcel.hubId, byStation)
    byStation.set(parcel.stationId, [...(byStation.get(parcel.stationId) ?? []), parcel])
  }

  /**
   * One afternoon pickup per hub for every day from `from` to `to`, and a last one three hours
   * before now that takes whatever waits, so some parcels are always on the road.
   */
  scheduleDays(from: string, to: string) {
    const { w } = this
    for (let d = from; d <= to; d = addDays(d, 1)) {
      for (const hub of demoHubs) {
        w.timeline.at(at(d, 16, w.random.int(0, 40)), (now) => this.pickUp(hub.id, now, false))
      }
    }
    for (const hub of demoHubs) {
      w.timeline.at(w.now.getTime() - hours(3), (now) => this.pickUp(hub.id, now, true))
    }
  }

  private async pickUp(hubId: string, now: Date, everything: boolean) {
    const { w } = this
    const byStation = this.waiting.get(hubId)
    if (!byStation) return
    const operator = w.cast.hub(hubId)
    let t = now.getTime()
    for (const [stationId, parcels] of [...byStation].sort(([a], [b]) => a.localeCompare(b))) {
      // A van goes out for two parcels or more, or for one that has waited two days.
      const oldest = parcels[0]?.checkedInAt ?? Infinity
      if (parcels.length === 0) continue
      if (!everything && parcels.length < 2 && now.getTime() - oldest < days(2)) continue
      byStation.set(stationId, [])
      const run = await createPickupRun(w.db, operator, { stationId }, new Date((t += 7_000)))
      const station = w.stations.find((s) => s.id === stationId)!
      const arrival = addDays(localDate(now), station.local ? 1 : 2)
      const first = at(arrival, 9, w.random.int(0, 90))
      w.timeline.at(first, (start) => this.receive(run.id, hubId, parcels, start))
    }
  }

  private async receive(runId: string, hubId: string, parcels: Parcel[], start: Date) {
    const { w } = this
    const operator = w.cast.hub(hubId)
    let t = start.getTime()
    const next = () => new Date((t += w.random.int(20, 240) * 1000))
    // Parcels that missed an earlier run's scan are found on this one first.
    for (const parcel of this.late.get(hubId) ?? []) {
      await receiveParcel(w.db, operator, { runId, code: parcel.code }, next())
      parcel.arrived(new Date(t))
    }
    this.late.set(hubId, [])
    for (const parcel of parcels) {
      if (w.random.chance(0.015)) {
        this.late.get(hubId)!.push(parcel)
        continue
      }
      await receiveParcel(w.db, operator, { runId, code: parcel.code }, next())
      parcel.arrived(new Date(t))
    }
    await this.maybeMisroute(runId, hubId, next())
    const closeAt = t + minutes(w.random.int(10, 50))
    w.timeline.at(closeAt, (now) => closePickupRun(w.db, operator, runId, now).then(() => {}))
  }

  /**
   * About once a month a parcel bound for another hub is scanned here: not received, put on this
   * hub's transfer lane and recorded on this run as mis-routed; its own hub's run still takes it.
   */
  private async maybeMisroute(runId: string, hubId: string, now: Date) {
    const { w } = this
    if (this.misroutes >= w.months.length + 1 || !w.random.chance(0.012)) return
    const elsewhere = [...this.waiting]
      .filter(([hub]) => hub !== hubId)
      .flatMap(([, byStation]) => [...byStation.values()].flat())
    if (elsewhere.length === 0) return
    const stray = w.random.pick(elsewhere)
    const scan = await receiveParcel(w.db, w.cast.hub(hubId), { runId, code: stray.code }, now)
    if (scan.received) throw new Error(`a parcel of ${stray.hubId} was received at ${hubId}`)
    this.misroutes++
  }
}

/** Gap of working time after `from`: inside 09:00–21:00 local, pushed to the next morning. */
export function duringWork(fromMs: number, gapMs: number, w: World): number {
  const t = fromMs + gapMs
  const date = localDate(new Date(t))
  if (t < at(date, 9)) return at(date, 9) + minutes(w.random.int(0, 60))
  if (t > at(date, 21)) return at(addDays(date, 1), 9) + minutes(w.random.int(0, 90))
  return t
}
