import { describe, expect, it } from 'vitest'
import {
  pageContent,
  pageSize,
  parsePdf,
  pdfPages,
  textString,
} from '../../test/helpers/pdf-reader'
import { mmToPt } from './layouts'
import { labelsPdf, type PdfLabel } from './pdf'

const label = (n: number): PdfLabel => ({
  codeText: `ABCD-EFGH-JK${n.toString().padStart(2, '0')}`,
  barcode: `ABCDEFGHJK${n.toString().padStart(2, '0')}`,
  qrText: `https://nestwork.example/track/ABCDEFGHJK${n}`,
  lines: ['寄往 上海售后中心', '类别：推车'],
  brand: 'Nestwork · 退货标签',
})
const hex = (s: string) =>
  [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('')

describe('labels PDF', () => {
  it('writes A4 sheets of eight with exact cross-references, the CJK font and the metadata', async () => {
    const created = new Date('2026-03-04T05:06:07Z')
    const bytes = await labelsPdf(
      Array.from({ length: 9 }, (_, i) => label(i)),
      'a4',
      '标签 9 张',
      created,
    )
    const pdf = parsePdf(bytes)
    const pages = pdfPages(pdf)
    expect(pages).toHaveLength(2)
    expect(pageSize(pdf, pages[0]!).map((n) => n.toFixed(1))).toEqual(['595.3', '841.9'])

    const info = pdf.trailer.get('Info')
    expect(textString(pdf.get(info, 'Title'))).toBe('标签 9 张')
    expect(textString(pdf.get(info, 'Producer'))).toBe('Nestwork')
    expect(textString(pdf.get(info, 'CreationDate'))).toBe('D:20260304050607Z')

    const font = pdf.get(pdf.get(pdf.get(pages[0], 'Resources'), 'Font'), 'F1')
    expect(pdf.get(font, 'BaseFont')).toEqual({ name: 'STSong-Light' })
    expect(pdf.get(font, 'Encoding')).toEqual({ name: 'UniGB-UCS2-H' })
    const [cid] = pdf.get(font, 'DescendantFonts') as [unknown]
    expect(pdf.get(cid as never, 'Subtype')).toEqual({ name: 'CIDFontType0' })

    const first = await pageContent(pdf, pages[0]!)
    const second = await pageContent(pdf, pages[1]!)
    for (let i = 0; i < 8; i++) expect(first).toContain(`<${hex(label(i).codeText)}> Tj`)
    expect(second).toContain(`<${hex(label(8).codeText)}> Tj`)
    expect(second).not.toContain(hex(label(7).codeText))
    expect(first).toContain(hex('上海售后中心'))
    // QR modules and bars are filled rectangles inside the page.
    const rects = [...first.matchAll(/^(\S+) (\S+) (\S+) (\S+) re$/gm)].map((m) =>
      m.slice(1).map(Number),
    )
    expect(rects.length).toBeGreaterThan(8 * 50)
    for (const [x, y, w, h] of rects) {
      expect(x! >= 0 && y! >= 0 && w! > 0 && h! > 0 && x! + w! <= 595.3 && y! + h! <= 841.9).toBe(
        true,
      )
    }
  })

  it('writes one 100 × 150 mm page per thermal label', async () => {
    const pdf = parsePdf(await labelsPdf([label(1), label(2), label(3)], 'thermal', 'x'))
    const pages = pdfPages(pdf)
    expect(pages).toHaveLength(3)
    const [w, h] = pageSize(pdf, pages[2]!)
    expect(w).toBeCloseTo(mmToPt(100), 3)
    expect(h).toBeCloseTo(mmToPt(150), 3)
    expect(await pageContent(pdf, pages[2]!)).toContain(hex(label(3).codeText))
  })
})
