/** Pure inspection and resolution rules. */
import { resolutionKinds, type Category, type Grade, type ResolutionKind } from '../../db/schema'
import { daysBetween, isIsoDate } from '../calendar/local-date'
import { InvalidInput } from '../errors'
import { checklists, type Condition } from './checklists'

export type Answers = Record<string, boolean | string>

/**
 * Reads raw answers (`{ item, value }` as strings) against the category's checklist: every
 * required item answered, each of the right kind, no unknown items.
 */
export function parseAnswers(category: Category, raw: { item: string; value: string }[]): Answers {
  const { items } = checklists[category]
  const answers: Answers = {}
  for (const { item, value } of raw) {
    const def = items.find((i) => i.key === item)
    if (!def) throw new InvalidInput('checklist', `${item} is not on the ${category} checklist`)
    if (def.kind === 'boolean') {
      if (value !== 'true' && value !== 'false') {
        throw new InvalidInput('checklist', `${item} must be true or false`)
      }
      answers[item] = value === 'true'
    } else if (def.kind === 'date') {
      if (!isIsoDate(value))
        throw new InvalidInput('checklist', `${item} must be a date YYYY-MM-DD`)
      answers[item] = value
    } else {
      if (value.length > 500) throw new InvalidInput('checklist', `${item}: at most 500 characters`)
      answers[item] = value
    }
  }
  for (const def of items) {
    if (def.required && !(def.key in answers)) {
      throw new InvalidInput('checklist', `${def.key} must be answered for ${category}`)
    }
  }
  return answers
}

function holds(condition: Condition, answers: Answers, inspectedOn: string): boolean {
  const value = answers[condition.item]
  if (value === undefined) return false
  if ('is' in condition) return value === condition.is
  if (typeof value !== 'string') return false
  const days = daysBetween(inspectedOn, value)
  const from = condition.daysAfterInspectionAtLeast ?? -Infinity
  return days >= from && days < condition.daysAfterInspectionBelow
}

/**
 * The grades the answers allow: every rule whose condition holds narrows the set.
 * @example allowedGrades('FOOD', { sealIntact: true, expiryDate: '2026-11-01', storageDamage: false }, '2026-11-25') // ['EXPIRED']
 */
export function allowedGrades(category: Category, answers: Answers, inspectedOn: string) {
  let allowed: Grade[] = [
    'RESELLABLE',
    'DAMAGED',
    'PARTS_MISSING',
    'NEAR_EXPIRY',
    'EXPIRED',
    'SAFETY_RISK',
  ]
  const reasons: string[] = []
  for (const rule of checklists[category].rules) {
    if (!holds(rule.when, answers, inspectedOn)) continue
    allowed = allowed.filter((g) => rule.allowed.includes(g))
    reasons.push(rule.reason)
  }
  return { allowed, reasons }
}

/** Refuses a grade the checklist answers rule out, naming why. */
export function assertGradeFits(
  category: Category,
  answers: Answers,
  grade: Grade,
  inspectedOn: string,
): void {
  const { allowed, reasons } = allowedGrades(category, answers, inspectedOn)
  if (!allowed.includes(grade)) {
    throw new InvalidInput(
      'grade',
      `${grade} does not fit the checklist (${reasons.join(', ')}); allowed: ${allowed.join(', ') || 'none'}`,
    )
  }
}

/**
 * What a merchant may decide for a graded return: restock only what is resellable; expired or
 * unsafe goods must be disposed of; a refund is at most the order value.
 */
export function assertResolutionAllowed(
  grade: Grade,
  resolution: ResolutionKind,
  refundFen: number | undefined,
  orderValueFen: number,
): void {
  if ((grade === 'EXPIRED' || grade === 'SAFETY_RISK') && resolution !== 'DISPOSE') {
    throw new InvalidInput('resolution', `${grade} goods must be disposed of`)
  }
  if (resolution === 'RESTOCK' && grade !== 'RESELLABLE') {
    throw new InvalidInput('resolution', `only resellable goods can be restocked, this is ${grade}`)
  }
  if (resolution === 'REFUND') {
    if (refundFen === undefined) throw new InvalidInput('refundFen', 'enter the refund amount')
    if (refundFen < 1) throw new InvalidInput('refundFen', 'a refund is more than zero')
    if (refundFen > orderValueFen) {
      throw new InvalidInput('refundFen', `at most the order value, ${orderValueFen} fen`)
    }
  } else if (refundFen !== undefined) {
    throw new InvalidInput('refundFen', 'only a REFUND has an amount')
  }
}

/**
 * The decisions a grade leaves open, by the same rule `assertResolutionAllowed` enforces (a
 * REFUND is counted as open: its amount is checked when it is entered).
 * @example allowedResolutions('DAMAGED') // ['REFUND', 'EXCHANGE', 'DISPOSE']
 */
export function allowedResolutions(grade: Grade): ResolutionKind[] {
  return resolutionKinds.filter((kind) => {
    try {
      assertResolutionAllowed(grade, kind, kind === 'REFUND' ? 1 : undefined, 1)
      return true
    } catch {
      return false
    }
  })
}
