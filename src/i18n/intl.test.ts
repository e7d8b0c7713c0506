import { describe, expect, it } from 'vitest'
import { dateTimeFormat, dateTimesWith, numberFormat, numbersWith } from './intl'
import {
  formatCount,
  formatDayTime,
  formatDistance,
  formatInstant,
  formatList,
  formatMonth,
  formatPercent,
} from '../../views/components/format'

describe('shared formatters', () => {
  it.each([
    ['en', 'Nov 25, 2026, 10:00'],
    ['zh-CN', '2026年11月25日 10:00'],
  ] as const)('shows an instant on the Shanghai 24-hour clock in %s', (locale, shown) => {
    expect(formatInstant('2026-11-25T02:00:00.000Z', locale)).toBe(shown)
  })

  it('shows an afternoon instant without AM/PM in English', () => {
    expect(formatInstant('2026-11-25T07:30:00.000Z', 'en')).toBe('Nov 25, 2026, 15:30')
    expect(formatDayTime('2026-11-25T07:30:00.000Z', 'en')).toBe('Nov 25, 15:30')
  })

  it('crosses midnight into the next Shanghai day', () => {
    expect(formatDayTime('2026-11-25T16:30:00.000Z', 'zh-CN')).toBe('11月26日 00:30')
  })

  it.each([
    [formatMonth('2026-11', 'zh-CN'), '2026年11月'],
    [formatCount(12345, 'en'), '12,345'],
    [formatPercent(0.553, 'en'), '55%'],
    [formatPercent(0.125, 'en', 1, true), '12.5%'],
    [formatDistance(849, 'en'), '850 m'],
    [formatList(['a', 'b', 'c'], 'en'), 'a, b, and c'],
    [formatList(['a', 'b'], 'en', 'unit'), 'a b'],
  ])('formats %s', (got, expected) => {
    expect(got).toBe(expected)
  })

  it('builds one formatter per locale and pattern, and reuses it', () => {
    expect(numberFormat('en', { style: 'percent' })).toBe(numberFormat('en', { style: 'percent' }))
    expect(numberFormat('en')).not.toBe(numberFormat('zh-CN'))
    const month = { timeZone: 'UTC', month: 'long' } as const
    expect(dateTimeFormat('en', month)).toBe(dateTimeFormat('en', { ...month }))
  })

  it('gives fixed-option families the shared formatter of each locale', () => {
    const month = { timeZone: 'UTC', month: 'long' } as const
    const months = dateTimesWith(month)
    expect(months('en')).toBe(dateTimeFormat('en', { ...month }))
    expect(months('zh-CN')).not.toBe(months('en'))
    expect(months('zh-CN').format(new Date('2026-11-03T00:00:00Z'))).toBe('十一月')
    expect(numbersWith()('en')).toBe(numberFormat('en'))
  })
})
