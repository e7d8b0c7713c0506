import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fenToYuan, parseYuan, yuanToFen } from './money'

describe('yuanToFen', () => {
  it.each([
    ['258.00', 25_800],
    ['258', 25_800],
    ['0.1', 10],
    ['0.29', 29],
    ['1.00', 100],
    ['.5', 50],
    ['12.', 1_200],
    ['0', 0],
    ['007.70', 770],
    [' 19.99 ', 1_999],
    ['¥1,234.56', 123_456],
    ['￥88', 8_800],
    ['88元', 8_800],
    ['２５８．００', 25_800],
    ['1000000', 100_000_000],
  ])('reads %j as %i fen', (typed, fen) => {
    expect(yuanToFen(typed)).toBe(fen)
  })

  it.each(['', ' ', '.', 'abc', '12.345', '-5', '1e3', '12,34', '1,2345.00', '¥', '1.2.3', '0x10'])(
    'refuses %j',
    (typed) => {
      expect(yuanToFen(typed)).toBeNull()
    },
  )

  it('answers an out-of-range value for amounts too long to be exact', () => {
    expect(yuanToFen('123456789012345678.90')).toBe(Number.MAX_SAFE_INTEGER)
  })

  it('agrees with integer arithmetic for every amount with up to 2 decimals', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(99), (yuan, cents) => {
        const typed = `${yuan}.${String(cents).padStart(2, '0')}`
        expect(yuanToFen(typed)).toBe(yuan * 100 + cents)
        // One decimal means tenths: 0.1 is 10 fen, never 1.
        expect(yuanToFen(`${yuan}.${cents % 10}`)).toBe(yuan * 100 + (cents % 10) * 10)
      }),
    )
  })

  it('round-trips every amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen)
      }),
    )
  })
})

describe('parseYuan', () => {
  it.each([
    ['2.5', 250],
    ['2.50', 250],
    ['2', 200],
    ['0.01', 1],
    ['2.3', 230],
    ['￥12', 1_200],
  ])('reads %j as %i fen', (typed, fen) => {
    expect(parseYuan(typed)).toEqual({ fen })
  })

  it.each([
    ['', 'EMPTY'],
    ['  ', 'EMPTY'],
    ['-1', 'FORMAT'],
    ['two', 'FORMAT'],
    ['1.2.3', 'FORMAT'],
    ['1.234', 'DECIMALS'],
    ['¥0.125元', 'DECIMALS'],
  ])('refuses %j as %s', (typed, error) => {
    expect(parseYuan(typed)).toEqual({ error })
  })
})

describe('fenToYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [250, '2.50'],
    [123_456, '1234.56'],
  ])('shows %i fen as %s', (fen, shown) => {
    expect(fenToYuan(fen)).toBe(shown)
  })

  it('round-trips every amount shown for editing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (fen) => {
        expect(parseYuan(fenToYuan(fen))).toEqual({ fen })
      }),
    )
  })
})
