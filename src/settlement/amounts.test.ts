import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fenToYuan } from '../money'
import { moneyRanges } from '../money-ranges'
import { bpToPercent, readAmount, percentToBp } from './amounts'

describe('readAmount', () => {
  it('reads yuan as exact fen', () => {
    expect(readAmount('999.99')).toEqual({ fen: 99_999 })
    expect(readAmount('0.29')).toEqual({ fen: 29 })
    expect(readAmount('0.1')).toEqual({ fen: 10 })
    expect(readAmount('.5')).toEqual({ fen: 50 })
    expect(readAmount('38000')).toEqual({ fen: 3_800_000 })
    expect(readAmount(' ¥1,234.50 ')).toEqual({ fen: 123_450 })
    expect(readAmount('￥１２.３')).toEqual({ fen: 1230 })
    expect(readAmount('12元')).toEqual({ fen: 1200 })
  })

  it('refuses what is not an amount, with the reason', () => {
    expect(readAmount('')).toEqual({ error: 'EMPTY' })
    expect(readAmount('  ')).toEqual({ error: 'EMPTY' })
    expect(readAmount('abc')).toEqual({ error: 'FORMAT' })
    expect(readAmount('1.2.3')).toEqual({ error: 'FORMAT' })
    expect(readAmount('12,34')).toEqual({ error: 'FORMAT' })
    expect(readAmount('1.234')).toEqual({ error: 'DECIMALS' })
    expect(readAmount('0.00')).toEqual({ error: 'ZERO' })
    expect(readAmount('1000000001')).toEqual({ error: 'TOO_LARGE' })
    expect(readAmount('10000000.01')).toEqual({ error: 'TOO_LARGE' })
    expect(readAmount('99999999999999999999')).toEqual({ error: 'TOO_LARGE' })
  })

  it('takes a minus only when signed amounts are allowed', () => {
    expect(readAmount('-50')).toEqual({ error: 'FORMAT' })
    expect(readAmount('-50', { signed: true })).toEqual({ fen: -5000 })
    expect(readAmount('-¥50.5', { signed: true })).toEqual({ fen: -5050 })
    expect(readAmount('¥-0.01', { signed: true })).toEqual({ fen: -1 })
    expect(readAmount('－12', { signed: true })).toEqual({ fen: -1200 })
    expect(readAmount('--1', { signed: true })).toEqual({ error: 'FORMAT' })
    expect(readAmount('+12', { signed: true })).toEqual({ fen: 1200 })
  })

  it('refuses more than the field allows either way, and accepts its maximum', () => {
    expect(readAmount('10000000')).toEqual({ fen: 1_000_000_000 })
    expect(readAmount('1000000', { signed: true, maxFen: 100_000_000 })).toEqual({
      fen: 100_000_000,
    })
    expect(readAmount('-1000000.01', { signed: true, maxFen: 100_000_000 })).toEqual({
      error: 'TOO_LARGE',
    })
  })

  it('round-trips every amount through fenToYuan', () => {
    const { maxFen } = moneyRanges.costFen
    fc.assert(
      fc.property(fc.integer({ min: -maxFen, max: maxFen }), (fen) => {
        fc.pre(fen !== 0)
        expect(readAmount(fenToYuan(fen), { signed: true })).toEqual({ fen })
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
