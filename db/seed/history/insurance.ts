/**
 * The insurance pool over the months: members enrol when the history starts (or when they join),
 * a few damaged or incomplete returns become claims, the coordinator reviews and decides them
 * within days, and a payout run on the 16th pays what the premiums collected allow.
 */
import { settingsOn } from '../../../src/alliance/settings'
import { localDate } from '../../../src/calendar/local-date'
import { startClaimReview } from '../../../src/insurance/queue'
import {
  decideClaim,
  enrolInsurance,
  fileClaim,
  runClaimPayout,
} from '../../../src/insurance/service'
import { demoAlliance } from '../demo-data'
import { claimStories } from './catalogue'
import type { ReturnPlan } from './demand'
import { at, days, hours, minutes, type World } from './world'

/** At most this many claims a month, so the queue stays a queue. */
const claimsPerMonth = 3

interface Damaged {
  plan: ReturnPlan
  returnId: string
  lossDate: string
  resolvedAt: number
}

export class Insurance {
  private filed = new Map<string, number>()
  private claimed = new Set<string>()
  /** Damaged returns of insured members, newest last: what the latest claim is about. */
  private damaged: Damaged[] = []

  constructor(private readonly w: World) {}

  schedule() {
    const { w } = this
    for (const m of w.merchants.filter((p) => p.insured)) {
      w.timeline.at(at(m.activeFrom, 8, w.random.int(0, 50)), (now) =>
        enrolInsurance(w.db, w.cast.merchant(m.id), undefined, now).then(() => {}),
      )
    }
    for (const month of [...w.months.slice(1), w.current]) {
      w.timeline.at(at(`${month}-16`, 11, w.random.int(0, 30)), (now) =>
        runClaimPayout(
          w.db,
          w.cast.coordinator,
          { month, idempotencyKey: `demo-payout-${month}` },
          now,
        ).then(() => {}),
      )
    }
    // Whatever the chance gave, the latest damaged return was claimed yesterday: the claim is
    // in review, its decision still to come.
    w.timeline.at(w.now.getTime() - hours(26), async (now) => {
      const latest = this.damaged.filter((d) => !this.claimed.has(d.returnId)).at(-1)
      if (latest) await this.file(latest, now, false)
    })
  }

  /** Perhaps files a claim for a damaged return of an insured merchant, a day or two later. */
  maybeClaim(plan: ReturnPlan, returnId: string, lossDate: string, resolvedAt: number) {
    const { w } = this
    const r = w.random
    if (!plan.merchant.insured) return
    const damaged = { plan, returnId, lossDate, resolvedAt }
    this.damaged.push(damaged)
    const month = localDate(new Date(resolvedAt)).slice(0, 7)
    const count = this.filed.get(month) ?? 0
    if (count >= claimsPerMonth || !r.chance(0.12)) return
    this.filed.set(month, count + 1)
    this.claimed.add(returnId)
    w.timeline.at(resolvedAt + hours(r.between(3, 40)), (now) => this.file(damaged, now, true))
  }

  private async file(d: Damaged, now: Date, decide: boolean) {
    const { w } = this
    const r = w.random
    this.claimed.add(d.returnId)
    const { claimCapFen } = await settingsOn(w.db, demoAlliance.id, d.lossDate)
    const amountFen = Math.min(d.plan.orderValueFen, claimCapFen)
    const claim = await fileClaim(
      w.db,
      w.cast.merchant(d.plan.merchant.id),
      { returnId: d.returnId, amountFen, lossDate: d.lossDate, description: r.pick(claimStories) },
      now,
    )
    const coordinator = w.cast.coordinator
    const review = now.getTime() + (decide ? days(r.between(0.5, 2)) : hours(12))
    w.timeline.at(review, () => startClaimReview(w.db, coordinator, claim.id).then(() => {}))
    if (decide) {
      const x = r.next()
      const decision =
        x < 0.6
          ? ({ decision: 'APPROVED', reason: '经核实属运输途中损坏，按申请金额赔付' } as const)
          : x < 0.85
            ? ({
                decision: 'PARTIALLY_APPROVED',
                approvedFen: Math.round(amountFen * 0.6),
                reason: '商品残值可回收，按六成赔付',
              } as const)
            : ({ decision: 'REJECTED', reason: '交寄前已存在损坏，不属保障范围' } as const)
      w.timeline.at(review + days(r.between(1, 4)) + minutes(r.int(0, 300)), (t) =>
        decideClaim(w.db, coordinator, { claimId: claim.id, ...decision }, t).then(() => {}),
      )
    }
  }
}
