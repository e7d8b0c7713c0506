import { describe, expect, it } from 'vitest'
import type { Category, Grade, ResolutionKind } from '../../db/schema'
import { allowedGrades, assertGradeFits, assertResolutionAllowed, parseAnswers } from './rules'

const on = '2026-11-25'
const answers = (category: Category, raw: Record<string, string>) =>
  parseAnswers(
    category,
    Object.entries(raw).map(([item, value]) => ({ item, value })),
  )
const food = (expiryDate: string, seal = 'true', storage = 'false') =>
  answers('FOOD', { sealIntact: seal, expiryDate, storageDamage: storage })

describe('checklists', () => {
  it.each<[string, Category, Record<string, string>, Grade[]]>([
    [
      'sealed food far from expiry',
      'FOOD',
      { sealIntact: 'true', expiryDate: '2027-06-01', storageDamage: 'false' },
      ['RESELLABLE', 'DAMAGED', 'PARTS_MISSING', 'NEAR_EXPIRY', 'EXPIRED', 'SAFETY_RISK'],
    ],
    [
      'expired food',
      'FOOD',
      { sealIntact: 'true', expiryDate: '2026-11-24', storageDamage: 'false' },
      ['EXPIRED'],
    ],
    [
      'food expiring in 89 days',
      'FOOD',
      { sealIntact: 'true', expiryDate: '2027-02-22', storageDamage: 'false' },
      ['NEAR_EXPIRY', 'DAMAGED', 'SAFETY_RISK'],
    ],
    [
      'food with a broken seal',
      'FOOD',
      { sealIntact: 'false', expiryDate: '2027-06-01', storageDamage: 'false' },
      ['DAMAGED', 'SAFETY_RISK', 'EXPIRED'],
    ],
    [
      'supplies short of quantity',
      'SUPPLIES',
      { packagingIntact: 'true', quantityComplete: 'false' },
      ['PARTS_MISSING', 'DAMAGED'],
    ],
    [
      'worn clothing',
      'CLOTHING',
      { wornOrWashed: 'true', tagsAttached: 'true', sizeExchangeRequested: 'true' },
      ['DAMAGED'],
    ],
    [
      'a toy with a loose small part',
      'TOYS',
      { smallPartsHazard: 'true', batteryIssue: 'false', missingParts: 'false' },
      ['SAFETY_RISK'],
    ],
    [
      'a toy missing parts',
      'TOYS',
      {
        smallPartsHazard: 'false',
        batteryIssue: 'false',
        missingParts: 'true',
        listedContents: '积木 120 块',
      },
      ['PARTS_MISSING', 'SAFETY_RISK'],
    ],
  ])('allows only fitting grades for %s', (_, category, raw, expected) => {
    expect(allowedGrades(category, answers(category, raw), on).allowed.sort()).toEqual(
      expected.sort(),
    )
  })

  it('treats day 90 before expiry as no longer near expiry', () => {
    expect(allowedGrades('FOOD', food('2027-02-23'), on).allowed).toContain('RESELLABLE')
  })

  it.each([
    ['an unknown item', 'FOOD', [{ item: 'colour', value: 'red' }], /not on the FOOD checklist/],
    [
      'a missing required item',
      'SUPPLIES',
      [{ item: 'packagingIntact', value: 'true' }],
      /quantityComplete must be answered/,
    ],
    [
      'a yes/no answered with text',
      'CLOTHING',
      [{ item: 'wornOrWashed', value: 'maybe' }],
      /true or false/,
    ],
    ['an impossible expiry date', 'FOOD', [{ item: 'expiryDate', value: '2026-02-30' }], /date/],
  ] as const)('refuses %s', (_, category, raw, message) => {
    expect(() => parseAnswers(category, [...raw])).toThrow(message)
  })

  it('refuses a grade the answers rule out, naming the field', () => {
    expect(() => assertGradeFits('FOOD', food('2026-11-01'), 'RESELLABLE', on)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'grade' }),
    )
  })
})

describe('resolutions', () => {
  it.each<[Grade, ResolutionKind, number | undefined, RegExp | null]>([
    ['RESELLABLE', 'RESTOCK', undefined, null],
    ['DAMAGED', 'RESTOCK', undefined, /only resellable/],
    ['EXPIRED', 'RESTOCK', undefined, /disposed/],
    ['EXPIRED', 'REFUND', 1000, /disposed/],
    ['EXPIRED', 'DISPOSE', undefined, null],
    ['SAFETY_RISK', 'EXCHANGE', undefined, /disposed/],
    ['DAMAGED', 'REFUND', 25_800, null],
    ['DAMAGED', 'REFUND', 25_801, /at most the order value/],
    ['DAMAGED', 'REFUND', undefined, /refund amount/],
    ['PARTS_MISSING', 'EXCHANGE', 100, /only a REFUND/],
  ])('%s + %s (refund %s)', (grade, resolution, refund, error) => {
    const check = () => assertResolutionAllowed(grade, resolution, refund, 25_800)
    if (error) expect(check).toThrow(error)
    else expect(check).not.toThrow()
  })
})
