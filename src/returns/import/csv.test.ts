import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeCsv, detectDelimiter, parseCsv, toCsv } from './csv'

// 订单号,金额\nTB-1,258.00 in GB18030, as a Chinese spreadsheet exports it.
const gb18030 = new Uint8Array([
  0xb6, 0xa9, 0xb5, 0xa5, 0xba, 0xc5, 0x2c, 0xbd, 0xf0, 0xb6, 0xee, 0x0a, 0x54, 0x42, 0x2d, 0x31,
  0x2c, 0x32, 0x35, 0x38, 0x2e, 0x30, 0x30,
])

describe('decodeCsv', () => {
  it('reads UTF-8', () => {
    expect(decodeCsv(new TextEncoder().encode('订单号,金额'))).toBe('订单号,金额')
  })

  it('drops a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('订单号')])
    expect(decodeCsv(bytes)).toBe('订单号')
  })

  it('reads GB18030 bytes that are not valid UTF-8', () => {
    expect(decodeCsv(gb18030)).toBe('订单号,金额\nTB-1,258.00')
  })
})

describe('parseCsv', () => {
  it('reads quoted fields with separators, line breaks and doubled quotes', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\r\n1,2,3,4\r\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ])
  })

  it('reads tab separated files', () => {
    expect(detectDelimiter('订单号\t金额\nTB-1\t1,00')).toBe('\t')
    expect(parseCsv('订单号\t金额\nTB-1\t1,00')).toEqual([
      ['订单号', '金额'],
      ['TB-1', '1,00'],
    ])
  })

  it('skips blank lines and keeps empty fields', () => {
    expect(parseCsv('a,,c\n\n,b,\n')).toEqual([
      ['a', '', 'c'],
      ['', 'b', ''],
    ])
  })

  it('drops a byte order mark left in the text', () => {
    expect(parseCsv('\ufeffa,b')).toEqual([['a', 'b']])
  })

  it('reads back any rows it wrote, with commas or tabs', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', '订', ',', '\t', '"', '\n', '\r', ' ', 'x'),
    })
    const rows = fc
      .integer({ min: 1, max: 5 })
      .chain((width) =>
        fc.array(fc.array(field, { minLength: width, maxLength: width }), {
          minLength: 1,
          maxLength: 8,
        }),
      )
      // A row of one empty field is a blank line, which the reader skips.
      .filter((rs) => rs.every((r) => r.length > 1 || r[0] !== ''))
    fc.assert(
      fc.property(rows, fc.constantFrom(',', '\t'), (rs, delimiter) => {
        expect(parseCsv(toCsv(rs, delimiter), delimiter)).toEqual(rs)
      }),
      { numRuns: 500 },
    )
  })
})
