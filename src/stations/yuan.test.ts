import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fenToYuan } from '../money'
import { readYuan } from './yuan'

describe('readYuan', () => {
  it.each([
    ['2.5', 250],
    ['2.50', 250],
    ['2', 200],
    ['0.01', 1],
    ['2.3', 230],
    ['￥12', 1_200],
  ])('reads %j as %i fen', (typed, fen) => {
    expect(readYuan(typed)).toEqual({ fen })
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
    expect(readYuan(typed)).toEqual({ error })
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
        expect(readYuan(fenToYuan(fen))).toEqual({ fen })
      }),
    )
  })
})
