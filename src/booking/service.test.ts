import { describe, expect, it } from 'vitest'
import { bookingWindow } from './service'

const now = new Date('2026-11-25T02:00:00Z') // 10:00 in Shanghai

describe('bookingWindow', () => {
  it.each([
    ['2026-11-24', 'PAST'],
    ['2026-11-25', 'CUTOFF'],
    ['2026-11-26', 'OPEN'],
    ['2026-11-27', 'OPEN'],
    ['2027-01-24', 'OPEN'],
    ['2027-01-25', 'TOO_FAR'],
  ])('at 10:00 on 2026-11-25, %s is %s', (date, window) => {
    expect(bookingWindow(date, now)).toBe(window)
  })

  it('closes tomorrow at 18:00 Shanghai time today', () => {
    expect(bookingWindow('2026-11-26', new Date('2026-11-25T09:59:59Z'))).toBe('OPEN')
    expect(bookingWindow('2026-11-26', new Date('2026-11-25T10:00:00Z'))).toBe('CUTOFF')
  })
})
