import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { code128Bars, code128Modules, code128Svg, code128Symbols, decodeCode128 } from './code128'

describe('Code 128', () => {
  it('encodes the PJJ123C textbook example in set B with its modulo-103 check symbol', () => {
    // 104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7 = 879 ≡ 55 (mod 103)
    expect(code128Symbols('PJJ123C')).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55])
  })

  it('encodes an even digit string wholly in set C', () => {
    // (105 + 12·1 + 34·2 + 56·3) mod 103 = 44
    expect(code128Symbols('123456')).toEqual([105, 12, 34, 56, 44])
  })

  it('switches to set C for a run of four digits and back to B after it', () => {
    // A, B in set B, Code C, 12, 34, Code B, Z
    const symbols = code128Symbols('AB1234Z')
    expect(symbols.slice(0, -1)).toEqual([104, 33, 34, 99, 12, 34, 100, 58])
  })

  it('keeps the first digit of an odd run in set B so set C gets whole pairs', () => {
    expect(code128Symbols('A12345').slice(0, -1)).toEqual([104, 33, 17, 99, 23, 45])
  })

  it('draws the start B pattern first and the stop pattern last', () => {
    const m = code128Modules('A')
    expect(m.slice(0, 6).join('')).toBe('211214')
    expect(m.slice(-7).join('')).toBe('2331112')
    // Every symbol is 11 modules, the stop 13.
    expect(m.reduce((a, b) => a + b, 0)).toBe(11 * 3 + 13)
  })

  it('refuses an empty text and characters outside printable ASCII', () => {
    expect(() => code128Symbols('')).toThrow(RangeError)
    expect(() => code128Symbols('退货')).toThrow(RangeError)
    expect(() => code128Symbols('a\nb')).toThrow(RangeError)
  })

  it('decodes its own module pattern back to any printable ASCII text', () => {
    const printable = fc
      .array(fc.integer({ min: 32, max: 126 }), { minLength: 1, maxLength: 40 })
      .map((cs) => String.fromCharCode(...cs))
    const digitsAndLetters = fc.stringMatching(/^[0-9A-Z]{1,30}$/)
    fc.assert(
      fc.property(fc.oneof(printable, digitsAndLetters), (text) => {
        expect(decodeCode128(code128Modules(text))).toBe(text)
      }),
    )
  })

  it('notices a corrupted check symbol when decoding', () => {
    const symbols = code128Modules('ABCD')
    const swapped = [...symbols]
    // The first data symbol (A) replaced by B's pattern, the check symbol left as it was.
    const b = code128Modules('B').slice(6, 12)
    swapped.splice(6, 6, ...b)
    expect(() => decodeCode128(swapped)).toThrow('check symbol')
  })

  it('never uses more modules for digits than set B would', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{4,24}$/), (digits) => {
        expect(code128Symbols(digits).length).toBeLessThanOrEqual(digits.length + 2)
      }),
    )
  })

  it('renders bars as one SVG path inside quiet zones', () => {
    const { bars, width } = code128Bars('AB')
    expect(bars[0]![0]).toBe(10)
    const last = bars.at(-1)!
    expect(width - (last[0] + last[1])).toBe(10)
    const svg = code128Svg('AB')
    expect(svg).toContain(`viewBox="0 0 ${width} 40"`)
    expect(svg.match(/M\d+ 0h/g)).toHaveLength(bars.length)
  })
})
