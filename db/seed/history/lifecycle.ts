/**
 * One return from registration to close, each step by the real domain function at its own
 * simulated moment: most first responses within the 2-hour norm and most resolutions within 24
 * hours of arrival, with a tail of breaches that grows as a merchant's care drops.
 */
import { localDate } from '../../../src/calendar/local-date'
import {
  closeReturn,
  inspectReturn,
  rateReturn,
  resolveReturn,
  respondToReturn,
} from '../../../src/inspection/service'
import { checkInParcel } from '../../../src/returns/check-in'
import { cancelReturn, registerReturn } from '../../../src/returns/service'
import type { Grade } from '../../schema'
import { firstResponses, ratingComments } from './catalogue'
import type { ReturnPlan } from './demand'
import type { Insurance } from './insurance'
import { inspectionFinding, resolutionFor } from './outcomes'
import { duringWork, type Runs } from './runs'
import { days, hours, minutes, type World } from './world'

export class Lifecycle {
  private rated = 0

  constructor(
    private readonly w: World,
    private readonly runs: Runs,
    private readonly insurance: Insurance,
  ) {}

  schedule(plan: ReturnPlan) {
    this.w.timeline.at(plan.registerAt, (now) => this.register(plan, now))
  }

  private async register(plan: ReturnPlan, now: Date) {
    const { w } = this
    const r = w.random
    const merchant = w.cast.merchant(plan.merchant.id)
    const registered = await registerReturn(
      w.db,
      merchant,
      {
        orderRef: `TB${localDate(now).replace(/-/g, '')}${String(r.int(0, 99_999)).padStart(5, '0')}`,
        category: plan.category,
        itemDescription: plan.item.description,
        orderValueFen: plan.orderValueFen,
        largeItem: plan.item.large === true,
        reason: plan.reason,
        hubId: plan.station.hubId,
        customerContact: plan.contact,
      },
      now,
      w.contactKey,
    )
    const t = now.getTime()
    const care = plan.merchant.care
    const onTime = r.chance(0.55 + 0.42 * care)
    const respondAt = plan.unanswered
      ? w.now.getTime() + hours(1)
      : t + (onTime ? minutes(r.int(4, 110)) : hours(r.between(2.1, 9)))
    w.timeline.at(respondAt, (at) =>
      respondToReturn(w.db, merchant, registered.id, r.pick(firstResponses), at).then(() => {}),
    )
    if (!plan.checkInAt && r.chance(0.04)) {
      w.timeline.at(respondAt + hours(r.between(1, 12)), (at) =>
        cancelReturn(w.db, merchant, registered.id, at).then(() => {}),
      )
      return
    }
    // A few customers never drop their parcel off: it stays registered.
    if (!plan.checkInAt && r.chance(0.01)) return
    const dropAt = plan.checkInAt ?? duringWork(t, hours(r.between(2, 30)), w)
    w.timeline.at(dropAt, async (at) => {
      const station = w.cast.station(plan.station.id)
      // The few large items planned at a station without the service, the clerk takes anyway.
      const served = plan.station.services.includes('LARGE_ITEMS') || !registered.largeItem
      const overrideReason = served ? undefined : '顾客带着婴儿，不便再去大件站点'
      await checkInParcel(w.db, station, registered.code, at, { overrideReason })
      this.runs.checkedIn({
        id: registered.id,
        code: registered.code,
        hubId: plan.station.hubId,
        stationId: plan.station.id,
        checkedInAt: at.getTime(),
        arrived: (arrivedAt) => this.inspectLater(plan, registered.id, registered.code, arrivedAt),
      })
    })
  }

  private inspectLater(plan: ReturnPlan, id: string, code: string, arrivedAt: Date) {
    const { w } = this
    if (plan.waitsFor === 'inspection') return
    const r = w.random
    const arrived = arrivedAt.getTime()
    const gap = r.chance(0.06) ? hours(r.between(18, 40)) : hours(r.between(0.4, 6))
    w.timeline.at(duringWork(arrived, gap, w), async (now) => {
      const finding = inspectionFinding(plan.category, localDate(now), r)
      await inspectReturn(w.db, w.cast.hub(plan.station.hubId), { returnId: id, ...finding }, now)
      this.resolveLater(plan, id, code, arrived, now.getTime(), finding.grade)
    })
  }

  private resolveLater(
    plan: ReturnPlan,
    id: string,
    code: string,
    arrived: number,
    inspected: number,
    grade: Grade,
  ) {
    const { w } = this
    if (plan.waitsFor === 'decision') return
    const r = w.random
    const onTime = r.chance(0.62 + 0.36 * plan.merchant.care)
    const due = arrived + hours(24)
    const resolveAt = onTime
      ? inspected + r.between(minutes(20), Math.max(minutes(30), due - inspected - minutes(10)))
      : due + hours(r.between(1, 36))
    const merchant = w.cast.merchant(plan.merchant.id)
    w.timeline.at(Math.max(resolveAt, inspected + minutes(15)), async (now) => {
      const decision = resolutionFor(grade, plan.category, plan.orderValueFen, r)
      await resolveReturn(w.db, merchant, { returnId: id, ...decision }, now)
      const t = now.getTime()
      const late = now.getTime() > due
      if (r.chance(0.62)) {
        const stars = this.stars(plan.merchant.care, late)
        const ip = `203.0.113.${(this.rated++ % 250) + 1}`
        w.timeline.at(t + hours(r.between(1, 60)), (at) =>
          rateReturn(w.db, { code, stars, comment: r.pick(ratingComments) }, ip, at).then(() => {}),
        )
      }
      if (r.chance(0.88)) {
        w.timeline.at(t + days(r.between(0.5, 4)), (at) =>
          closeReturn(w.db, merchant, id, at).then(() => {}),
        )
      }
      if (grade === 'DAMAGED' || grade === 'PARTS_MISSING') {
        this.insurance.maybeClaim(plan, id, localDate(new Date(arrived)), t)
      }
    })
  }

  /** 1–5 stars: mostly 4 and 5, fewer for a careless merchant or a late resolution. */
  private stars(care: number, late: boolean) {
    const mean = 3.2 + 1.7 * care - (late ? 0.9 : 0)
    const x = mean + (this.w.random.next() - 0.5) * 2.2
    return Math.min(5, Math.max(1, Math.round(x)))
  }
}
