import { describe, expect, it } from 'vitest'
import { openState, parseHours, shanghaiClock } from './opening-hours'

// Wall-clock time in Shanghai (UTC+8, no summer time) as an instant.
const shanghai = (local: string) => new Date(`${local}+08:00`)

describe('opening hours in Asia/Shanghai', () => {
  it('reads the Shanghai wall clock, not the server’s', () => {
    // 2026-11-29 is a Sunday; 16:30 UTC is already Monday 00:30 in Shanghai.
    expect(shanghaiClock(new Date('2026-11-29T16:30:00Z'))).toEqual({ weekday: 1, minutes: 30 })
    expect(shanghaiClock(shanghai('2026-11-29T23:59'))).toEqual({ weekday: 7, minutes: 1439 })
  })

  it('is open from the opening minute up to, not including, the closing one', () => {
    expect(openState('09:00-21:00', [], shanghai('2026-11-25T08:59')).openNow).toBe(false)
    expect(openState('09:00-21:00', [], shanghai('2026-11-25T09:00'))).toEqual({
      openNow: true,
      closesAt: '21:00',
    })
    expect(openState('09:00-21:00', [], shanghai('2026-11-25T20:59')).openNow).toBe(true)
    expect(openState('09:00-21:00', [], shanghai('2026-11-25T21:00'))).toEqual({
      openNow: false,
      closesAt: null,
    })
  })

  it('closes at midnight when the hours end at 24:00', () => {
    expect(openState('10:00-24:00', [], shanghai('2026-11-25T23:59'))).toEqual({
      openNow: true,
      closesAt: '24:00',
    })
    expect(openState('10:00-24:00', [], shanghai('2026-11-26T00:00')).openNow).toBe(false)
  })

  it('keeps hours past midnight with the day they began', () => {
    // Sunday 20:00 – Monday 02:00, shut on Mondays: open Monday 01:00, not Monday 20:00.
    const sundayOnly = [1]
    expect(openState('20:00-02:00', sundayOnly, shanghai('2026-11-29T23:30')).openNow).toBe(true)
    expect(openState('20:00-02:00', sundayOnly, shanghai('2026-11-30T01:00'))).toEqual({
      openNow: true,
      closesAt: '02:00',
    })
    expect(openState('20:00-02:00', sundayOnly, shanghai('2026-11-30T02:00')).openNow).toBe(false)
    expect(openState('20:00-02:00', sundayOnly, shanghai('2026-11-30T20:00')).openNow).toBe(false)
    // Tuesday 01:00 belongs to Monday's hours, and Monday is shut.
    expect(openState('20:00-02:00', sundayOnly, shanghai('2026-12-01T01:00')).openNow).toBe(false)
  })

  it('is closed all day on a closed weekday, by the Shanghai date', () => {
    // Monday 2026-11-30 in Shanghai starts at 16:00 UTC on Sunday.
    expect(openState('09:00-21:00', [1], shanghai('2026-11-30T12:00')).openNow).toBe(false)
    expect(openState('09:00-21:00', [1], new Date('2026-11-29T12:00:00Z')).openNow).toBe(true)
    expect(openState('09:00-21:00', [1], shanghai('2026-12-01T09:00')).openNow).toBe(true)
  })

  it('treats unreadable or empty hours as closed', () => {
    expect(parseHours('9-21')).toBeNull()
    expect(openState('whenever', [], shanghai('2026-11-25T12:00')).openNow).toBe(false)
    expect(openState('09:00-09:00', [], shanghai('2026-11-25T12:00')).openNow).toBe(false)
  })
})
