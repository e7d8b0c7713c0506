import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fenToYuan } from '../money'
import { moneyRanges } from '../money-ranges'
import { bpToPercent, parseYuan, percentToBp } from './amounts'

describe('parseYuan', () => {
  it('reads yuan as exact fen', () => {
    expect(parseYuan('999.99')).toEqual({ fen: 99_999 })
    expect(parseYuan('0.29')).toEqual({ fen: 29 })
    expect(parseYuan('0.1')).toEqual({ fen: 10 })
    expect(parseYuan('.5')).toEqual({ fen: 50 })
    expect(parseYuan('38000')).toEqual({ fen: 3_800_000 })
    expect(parseYuan(' ¥1,234.50 ')).toEqual({ fen: 123_450 })
    expect(parseYuan('￥１２.３')).toEqual({ fen: 1230 })
    expect(parseYuan('12元')).toEqual({ fen: 1200 })
  })

  it('refuses what is not an amount, with the reason', () => {
    expect(parseYuan('')).toEqual({ error: 'EMPTY' })
    expect(parseYuan('  ')).toEqual({ error: 'EMPTY' })
    expect(parseYuan('abc')).toEqual({ error: 'FORMAT' })
    expect(parseYuan('1.2.3')).toEqual({ error: 'FORMAT' })
    expect(parseYuan('12,34')).toEqual({ error: 'FORMAT' })
    expect(parseYuan('1.234')).toEqual({ error: 'DECIMALS' })
    expect(parseYuan('0.00')).toEqual({ error: 'ZERO' })
    expect(parseYuan('1000000001')).toEqual({ error: 'TOO_LARGE' })
    expect(parseYuan('10000000.01')).toEqual({ error: 'TOO_LARGE' })
    expect(parseYuan('99999999999999999999')).toEqual({ error: 'TOO_LARGE' })
  })

  it('takes a minus only when signed amounts are allowed', () => {
    expect(parseYuan('-50')).toEqual({ error: 'FORMAT' })
    expect(parseYuan('-50', { signed: true })).toEqual({ fen: -5000 })
    expect(parseYuan('-¥50.5', { signed: true })).toEqual({ fen: -5050 })
    expect(parseYuan('¥-0.01', { signed: true })).toEqual({ fen: -1 })
    expect(parseYuan('－12', { signed: true })).toEqual({ fen: -1200 })
    expect(parseYuan('--1', { signed: true })).toEqual({ error: 'FORMAT' })
    expect(parseYuan('+12', { signed: true })).toEqual({ fen: 1200 })
  })

  it('refuses more than the field allows either way, and accepts its maximum', () => {
    expect(parseYuan('10000000')).toEqual({ fen: 1_000_000_000 })
    expect(parseYuan('1000000', { signed: true, maxFen: 100_000_000 })).toEqual({
      fen: 100_000_000,
    })
    expect(parseYuan('-1000000.01', { signed: true, maxFen: 100_000_000 })).toEqual({
      error: 'TOO_LARGE',
    })
  })

  it('round-trips every amount through fenToYuan', () => {
    const { maxFen } = moneyRanges.costFen
    fc.assert(
      fc.property(fc.integer({ min: -maxFen, max: maxFen }), (fen) => {
        fc.pre(fen !== 0)
        expect(parseYuan(fenToYuan(fen), { signed: true })).toEqual({ fen })
      }),
    )
  })
})

describe('fenToYuan', () => {
  it('writes two decimals exactly', () => {
    expect(fenToYuan(99_999)).toBe('999.99')
    expect(fenToYuan(5)).toBe('0.05')
    expect(fenToYuan(-5000)).toBe('-50.00')
    expect(fenToYuan(0)).toBe('0.00')
  })
})

describe('percentToBp', () => {
  it('reads percentages as basis points', () => {
    expect(percentToBp('20')).toEqual({ bp: 2000 })
    expect(percentToBp('12.5%')).toEqual({ bp: 1250 })
    expect(percentToBp('0.01')).toEqual({ bp: 1 })
    expect(percentToBp('100')).toEqual({ bp: 10_000 })
    expect(percentToBp('0')).toEqual({ bp: 0 })
  })

  it('refuses the rest', () => {
    expect(percentToBp('')).toEqual({ error: 'EMPTY' })
    expect(percentToBp('100.01')).toEqual({ error: 'RANGE' })
    expect(percentToBp('250')).toEqual({ error: 'RANGE' })
    expect(percentToBp('12.345')).toEqual({ error: 'FORMAT' })
    expect(percentToBp('-1')).toEqual({ error: 'FORMAT' })
    expect(percentToBp('x')).toEqual({ error: 'FORMAT' })
  })

  it('round-trips through bpToPercent', () => {
    for (const bp of [0, 1, 10, 1250, 2000, 2050, 9999, 10_000]) {
      expect(percentToBp(bpToPercent(bp))).toEqual({ bp })
    }
    expect(bpToPercent(2050)).toBe('20.5')
    expect(bpToPercent(2000)).toBe('20')
  })
})
