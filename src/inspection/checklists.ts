/**
 * Inspection checklists and the grade rules that follow from the answers, per category, as
 * data: adding an item or a rule is an edit here, not a new code branch. Sources: the category
 * rules of the industry report (food: expiry and safety; clothing: wear and size exchanges;
 * toys: safety and missing parts).
 */
import type { Category, Grade } from '../../db/schema'

export type ItemKind = 'boolean' | 'date' | 'text'

export interface ChecklistItem {
  key: string
  kind: ItemKind
  required: boolean
}

/** A condition on one answer; dates compare in whole days after the inspection date. */
export type Condition =
  | { item: string; is: boolean }
  | { item: string; daysAfterInspectionBelow: number; daysAfterInspectionAtLeast?: number }

export interface GradeRule {
  when: Condition
  /** The grades still allowed when the condition holds. */
  allowed: readonly Grade[]
  /** Message key naming the reason, for people. */
  reason: string
}

export const NEAR_EXPIRY_DAYS = 90

const notResellable: readonly Grade[] = [
  'DAMAGED',
  'PARTS_MISSING',
  'NEAR_EXPIRY',
  'EXPIRED',
  'SAFETY_RISK',
]

export const checklists: Record<Category, { items: ChecklistItem[]; rules: GradeRule[] }> = {
  FOOD: {
    items: [
      { key: 'sealIntact', kind: 'boolean', required: true },
      { key: 'expiryDate', kind: 'date', required: true },
      { key: 'storageDamage', kind: 'boolean', required: true },
    ],
    rules: [
      {
        when: { item: 'expiryDate', daysAfterInspectionBelow: 0 },
        allowed: ['EXPIRED'],
        reason: 'expired',
      },
      {
        when: {
          item: 'expiryDate',
          daysAfterInspectionAtLeast: 0,
          daysAfterInspectionBelow: NEAR_EXPIRY_DAYS,
        },
        allowed: ['NEAR_EXPIRY', 'DAMAGED', 'SAFETY_RISK'],
        reason: 'nearExpiry',
      },
      {
        when: { item: 'sealIntact', is: false },
        allowed: ['DAMAGED', 'SAFETY_RISK', 'EXPIRED'],
        reason: 'sealBroken',
      },
      {
        when: { item: 'storageDamage', is: true },
        allowed: ['DAMAGED', 'SAFETY_RISK', 'EXPIRED'],
        reason: 'storageDamage',
      },
    ],
  },
  SUPPLIES: {
    items: [
      { key: 'packagingIntact', kind: 'boolean', required: true },
      { key: 'quantityComplete', kind: 'boolean', required: true },
    ],
    rules: [
      { when: { item: 'packagingIntact', is: false }, allowed: notResellable, reason: 'packaging' },
      {
        when: { item: 'quantityComplete', is: false },
        allowed: ['PARTS_MISSING', 'DAMAGED'],
        reason: 'quantity',
      },
    ],
  },
  CLOTHING: {
    items: [
      { key: 'wornOrWashed', kind: 'boolean', required: true },
      { key: 'tagsAttached', kind: 'boolean', required: true },
      { key: 'sizeExchangeRequested', kind: 'boolean', required: true },
    ],
    rules: [
      { when: { item: 'wornOrWashed', is: true }, allowed: ['DAMAGED'], reason: 'worn' },
      { when: { item: 'tagsAttached', is: false }, allowed: notResellable, reason: 'tags' },
    ],
  },
  TOYS: {
    items: [
      { key: 'smallPartsHazard', kind: 'boolean', required: true },
      { key: 'batteryIssue', kind: 'boolean', required: true },
      { key: 'missingParts', kind: 'boolean', required: true },
      { key: 'listedContents', kind: 'text', required: false },
    ],
    rules: [
      {
        when: { item: 'smallPartsHazard', is: true },
        allowed: ['SAFETY_RISK'],
        reason: 'smallParts',
      },
      { when: { item: 'batteryIssue', is: true }, allowed: ['SAFETY_RISK'], reason: 'battery' },
      {
        when: { item: 'missingParts', is: true },
        allowed: ['PARTS_MISSING', 'SAFETY_RISK'],
        reason: 'missingParts',
      },
    ],
  },
}
