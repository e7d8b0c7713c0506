/**
 * What the hub finds and what the merchant decides, per category: checklist answers that lead to
 * the grade (by the rules of src/inspection/checklists.ts) and a resolution that grade allows.
 */
import { addDays } from '../../../src/calendar/local-date'
import type { Category, Grade, ResolutionKind } from '../../schema'
import type { Random } from './random'

export interface Finding {
  grade: Grade
  checklist: { item: string; value: string }[]
  notes: string
}

const answers = (pairs: Record<string, string | boolean>) =>
  Object.entries(pairs).map(([item, value]) => ({ item, value: String(value) }))

/** The checklist as the inspector fills it in on `inspectedOn`, and the grade it supports. */
export function inspectionFinding(category: Category, inspectedOn: string, r: Random): Finding {
  const x = r.next()
  switch (category) {
    case 'FOOD': {
      const ok = { sealIntact: true, storageDamage: false }
      if (x < 0.45)
        return finding('RESELLABLE', { ...ok, expiryDate: addDays(inspectedOn, r.int(120, 420)) })
      if (x < 0.65)
        return finding(
          'NEAR_EXPIRY',
          { ...ok, expiryDate: addDays(inspectedOn, r.int(10, 85)) },
          '临期，不可二次销售',
        )
      if (x < 0.9)
        return finding(
          'DAMAGED',
          {
            sealIntact: false,
            storageDamage: r.chance(0.4),
            expiryDate: addDays(inspectedOn, 200),
          },
          '封口破损',
        )
      return finding(
        'EXPIRED',
        { ...ok, expiryDate: addDays(inspectedOn, -r.int(1, 40)) },
        '已过保质期',
      )
    }
    case 'SUPPLIES':
      if (x < 0.55) return finding('RESELLABLE', { packagingIntact: true, quantityComplete: true })
      if (x < 0.85)
        return finding('DAMAGED', { packagingIntact: false, quantityComplete: true }, '外包装破损')
      return finding(
        'PARTS_MISSING',
        { packagingIntact: true, quantityComplete: false },
        '数量不符',
      )
    case 'CLOTHING': {
      const exchange = r.chance(0.5)
      if (x < 0.62)
        return finding('RESELLABLE', {
          wornOrWashed: false,
          tagsAttached: true,
          sizeExchangeRequested: exchange,
        })
      return finding(
        'DAMAGED',
        { wornOrWashed: true, tagsAttached: r.chance(0.5), sizeExchangeRequested: exchange },
        '有穿着洗涤痕迹',
      )
    }
    case 'TOYS': {
      const none = { smallPartsHazard: false, batteryIssue: false, missingParts: false }
      if (x < 0.5) return finding('RESELLABLE', none)
      if (x < 0.8)
        return finding(
          'PARTS_MISSING',
          { ...none, missingParts: true, listedContents: '缺少2个配件' },
          '配件不全',
        )
      return finding(
        'SAFETY_RISK',
        r.chance(0.5) ? { ...none, smallPartsHazard: true } : { ...none, batteryIssue: true },
        '存在安全隐患，按规定销毁',
      )
    }
  }
}

function finding(grade: Grade, pairs: Record<string, string | boolean>, notes = ''): Finding {
  return { grade, checklist: answers(pairs), notes }
}

/** A decision the grade allows (src/inspection/rules.ts), and the refund if it is one. */
export function resolutionFor(
  grade: Grade,
  category: Category,
  orderValueFen: number,
  r: Random,
): { resolution: ResolutionKind; refundFen?: number } {
  const refund = (share: number) => ({
    resolution: 'REFUND' as const,
    refundFen: Math.min(
      orderValueFen,
      Math.max(100, Math.round((orderValueFen * share) / 100) * 100),
    ),
  })
  switch (grade) {
    case 'EXPIRED':
    case 'SAFETY_RISK':
      return { resolution: 'DISPOSE' }
    case 'RESELLABLE':
      if (category === 'CLOTHING' && r.chance(0.5)) return { resolution: 'EXCHANGE' }
      return r.chance(0.55) ? { resolution: 'RESTOCK' } : refund(1)
    case 'NEAR_EXPIRY':
      return r.chance(0.7) ? refund(r.pick([0.5, 0.8, 1])) : { resolution: 'DISPOSE' }
    case 'DAMAGED':
    case 'PARTS_MISSING':
      if (r.chance(0.25)) return { resolution: 'EXCHANGE' }
      return refund(r.pick([0.6, 0.8, 1]))
  }
}
