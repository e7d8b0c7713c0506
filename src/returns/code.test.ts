import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CODE_LENGTH, CROCKFORD, formatCode, generateReturnCode, normalizeCode } from './code'

describe('return codes', () => {
  it('are 12 Crockford base32 characters', () => {
    for (let i = 0; i < 1000; i++) {
      const code = generateReturnCode()
      expect(code).toHaveLength(CODE_LENGTH)
      expect([...code].every((ch) => CROCKFORD.includes(ch))).toBe(true)
    }
  })

  it('never repeat and show no sequence across 20,000 codes', () => {
    const codes = Array.from({ length: 20_000 }, generateReturnCode)
    expect(new Set(codes).size).toBe(codes.length)
    const sorted = [...codes].sort()
    expect(sorted).not.toEqual(codes) // not issued in order
    // Every position uses the whole alphabet roughly evenly (a counter or timestamp would not).
    for (let pos = 0; pos < CODE_LENGTH; pos++) {
      const counts = new Map<string, number>()
      for (const c of codes) counts.set(c[pos]!, (counts.get(c[pos]!) ?? 0) + 1)
      expect(counts.size).toBe(32)
      for (const n of counts.values()) expect(n).toBeGreaterThan(20_000 / 32 / 2)
    }
  })

  it('read back whatever way people type them', () => {
    fc.assert(
      fc.property(fc.constant(null).map(generateReturnCode), (code) => {
        expect(normalizeCode(code)).toBe(code)
        expect(normalizeCode(formatCode(code).toLowerCase())).toBe(code)
        expect(normalizeCode(` ${code.slice(0, 6)} ${code.slice(6)} `)).toBe(code)
      }),
    )
  })

  it.each([
    ['look-alike letters', 'ABCD-EFGH-JKOI', 'ABCDEFGHJK01'],
    ['lower case l', 'abcdefghjkml', 'ABCDEFGHJKM1'],
  ])('maps %s', (_, typed, expected) => {
    expect(normalizeCode(typed)).toBe(expected)
  })

  it.each(['', 'SHORT', 'ABCDEFGHJKMNP', 'ABCDEFGHJKM!', 'ABCDEFGHJKMU'])('rejects %j', (typed) => {
    expect(normalizeCode(typed)).toBeNull()
  })
})
