import { describe, expect, it } from 'vitest'
import { bom, csvDocument, csvField, spreadsheetSafe } from './csv'

describe('the CSV writer', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
    'prefixes %j with an apostrophe so a spreadsheet never runs it',
    (text) => {
      expect(spreadsheetSafe(text)).toBe(`'${text}`)
    },
  )

  it('leaves ordinary text, inner signs and negative-looking codes of other shapes alone', () => {
    for (const text of ['TB-1', '奶粉 800g', 'a=b', '']) expect(spreadsheetSafe(text)).toBe(text)
  })

  it('quotes only what must be quoted and starts the document with a BOM', () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"')
    expect(csvField('line\nbreak')).toBe('"line\nbreak"')
    expect(csvField(12.5)).toBe('12.5')
    expect(csvDocument([['x', null]])).toBe(`${bom}x,\r\n`)
  })
})
