import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fenToYuan, yuanToFen } from './refund-amount'

describe('yuanToFen', () => {
  it.each([
    ['258.00', 25_800],
    ['258', 25_800],
    ['258.5', 25_850],
    ['0.29', 29],
    ['.5', 50],
    ['¥1,234.56', 123_456],
    ['￥12', 1_200],
    ['12元', 1_200],
    ['２５８．００', 25_800],
    [' 7.10 ', 710],
    ['0', 0],
  ])('reads %s as %i fen', (typed, fen) => {
    expect(yuanToFen(typed)).toBe(fen)
  })

  it.each(['', '.', '1.005', '-1', '1e3', 'abc', '12,34', '1.2.3', '9999999999999999'])(
    'refuses %j',
    (typed) => {
      expect(yuanToFen(typed)).toBeNull()
    },
  )

  it('round-trips every amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen)
      }),
    )
  })
})
