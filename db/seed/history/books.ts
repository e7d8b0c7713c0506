/**
 * The alliance's money over the months: recurring and recorded costs (one recorded twice and
 * voided, one entered wrong and reversed), each insured member's order-value declaration at
 * month end, the close on the 1st at the total the preview showed, payments over the following
 * weeks (the last month's only partly, one payment undone and made again), and two adjustments
 * to closed months carried into the next open one.
 */
import { eq } from 'drizzle-orm'
import { monthBounds, nextMonth } from '../../../src/calendar/local-date'
import { declareOrderValue } from '../../../src/insurance/service'
import {
  addAdjustment,
  closeSettlement,
  markStatementPaid,
  recordCost,
  reverseCost,
  settlementPreview,
  unmarkStatementPaid,
  voidCost,
  type SettlementView,
} from '../../../src/settlement/service'
import { statements } from '../../schema'
import { demoAlliance, demoHubs } from '../demo-data'
import { postRecurringCostsRepeatably } from './recurring'
import { at, minutes, monthStart, type World } from './world'

export class Books {
  constructor(private readonly w: World) {}

  schedule() {
    const { w } = this
    const r = w.random
    const all = [...w.months, w.current]
    for (const month of all) {
      w.timeline.at(monthStart(month) + minutes(5), (now) =>
        postRecurringCostsRepeatably(w.db, demoAlliance.id, month, now, r),
      )
      this.cost(month, 12, {
        kind: 'SHARED',
        amountFen: r.int(2_400, 5_200) * 100,
        note: '包装与标签耗材',
      })
      for (const hub of demoHubs) {
        this.cost(month, 27, {
          kind: 'TRANSPORT',
          hubId: hub.id,
          amountFen: r.int(12_000, 28_000) * 100,
          note: `${hub.nameZh} 干线运输`,
        })
      }
    }
    this.corrections()
    w.months.forEach((month, i) => {
      this.declarations(month)
      this.close(month, i === w.months.length - 1)
    })
  }

  /** Records a cost on a day of the month, in the afternoon. */
  private cost(
    month: string,
    day: number,
    input: { kind: 'SHARED' | 'TRANSPORT'; amountFen: number; note: string; hubId?: string },
    then?: (costId: string, now: Date) => void,
  ) {
    const { w } = this
    const when = at(`${month}-${String(day).padStart(2, '0')}`, 14, w.random.int(0, 180))
    w.timeline.at(when, async (now) => {
      const cost = await recordCost(
        w.db,
        w.cast.coordinator,
        { month, ...input, hubId: input.hubId },
        now,
      )
      then?.(cost.id, now)
    })
  }

  /** A transport invoice entered twice and the copy voided; a mistyped cost reversed. */
  private corrections() {
    const { w } = this
    const coordinator = w.cast.coordinator
    const [, second, , fourth] = w.months
    const hub = demoHubs[0]!
    this.cost(
      second!,
      27,
      { kind: 'TRANSPORT', hubId: hub.id, amountFen: 1_860_000, note: `${hub.nameZh} 干线运输` },
      (id, now) =>
        w.timeline.at(now.getTime() + minutes(50), (t) =>
          voidCost(w.db, coordinator, { id, reason: '重复录入同一张运输发票' }, t).then(() => {}),
        ),
    )
    this.cost(fourth!, 12, { kind: 'SHARED', amountFen: 880_000, note: '系统维护' }, (id, now) =>
      w.timeline.at(now.getTime() + minutes(90), async (t) => {
        await reverseCost(w.db, coordinator, { id, reason: '金额多录一位，冲销后重录' }, t)
        await recordCost(
          w.db,
          coordinator,
          { month: fourth!, kind: 'SHARED', amountFen: 88_000, note: '系统维护', hubId: undefined },
          new Date(t.getTime() + minutes(3)),
        )
      }),
    )
  }

  /** Every insured member declares the month's order value on its last evening. */
  private declarations(month: string) {
    const { w } = this
    const r = w.random
    const { to } = monthBounds(month)
    const festive = month.endsWith('-06') || month.endsWith('-11') ? 1.5 : 1
    for (const m of w.merchants.filter((p) => p.insured && p.activeFrom <= to)) {
      const orderValueFen =
        Math.round((m.orderValueFen * festive * r.between(0.85, 1.15)) / 100) * 100
      w.timeline.at(at(to, 18, r.int(0, 330)), (now) =>
        declareOrderValue(w.db, w.cast.merchant(m.id), { month, orderValueFen }, now).then(
          () => {},
        ),
      )
    }
  }

  /** The close on the 1st at the previewed total, then the payments of its statements. */
  private close(month: string, latest: boolean) {
    const { w } = this
    const next = nextMonth(month)
    const closeAt = this.beforeNow(at(`${next}-01`, 10, w.random.int(0, 40)), monthStart(next))
    w.timeline.at(closeAt, async (now) => {
      const coordinator = w.cast.coordinator
      const preview = await settlementPreview(w.db, coordinator, month, now)
      const closed = await closeSettlement(
        w.db,
        coordinator,
        { month, idempotencyKey: `demo-close-${month}` },
        now,
        { expectedTotalFen: preview.totalFen },
      )
      await this.payments(closed, next, latest)
      this.adjustment(month)
    })
  }

  /** Merchants pay within three weeks (for the latest month, some not yet); stations on the 10th. */
  private async payments(closed: SettlementView, next: string, latest: boolean) {
    const { w } = this
    const r = w.random
    const coordinator = w.cast.coordinator
    const rows = await w.db.select().from(statements).where(eq(statements.settlementId, closed.id!))
    rows.sort((a, b) => a.id.localeCompare(b.id))
    const day = (d: number) => `${next}-${String(d).padStart(2, '0')}`
    const pay = (id: string, when: number) =>
      w.timeline.at(when, (now) => markStatementPaid(w.db, coordinator, id, now).then(() => {}))
    const merchantRows = rows.filter((s) => s.merchantId)
    merchantRows.forEach((s, i) => {
      if (latest && !r.chance(0.6)) return
      const when = at(day(r.int(3, 20)), r.int(9, 17), r.int(0, 59))
      if (closed.month === w.months[1] && i === 0) {
        // Marked paid by mistake, undone the next day, then paid for real.
        pay(s.id, at(day(4), 10))
        w.timeline.at(at(day(5), 11), (now) =>
          unmarkStatementPaid(
            w.db,
            coordinator,
            { id: s.id, reason: '误标记：款项尚未到账' },
            now,
          ).then(() => {}),
        )
        pay(s.id, at(day(9), 15))
        return
      }
      pay(s.id, when)
    })
    rows.filter((s) => s.stationId).forEach((s, i) => pay(s.id, at(day(10), 14, i)))
  }

  /** Two corrections of closed months, recorded a few days after their close. */
  private adjustment(month: string) {
    const { w } = this
    const index = w.months.indexOf(month)
    const corrections: Record<number, { merchantId: string; amountFen: number; reason: string }> = {
      2: { merchantId: 'mer_02', amountFen: -38_000, reason: '运费重复计收，退回' },
      4: { merchantId: 'mer_09', amountFen: 12_000, reason: '补收漏记的大件操作费' },
    }
    const correction = corrections[index]
    if (!correction) return
    w.timeline.at(at(`${nextMonth(month)}-06`, 15), (now) =>
      addAdjustment(w.db, w.cast.coordinator, { month, ...correction }, now).then(() => {}),
    )
  }

  /** `wanted`, or just before the app's now when that is earlier (a month just ended). */
  beforeNow(wanted: number, earliest: number) {
    return Math.max(earliest + 1_000, Math.min(wanted, this.w.now.getTime() - minutes(20)))
  }
}
