import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePdf, streamBytes, textString } from '../../test/helpers/pdf-reader'
import { PdfFile, pdfLiteral, pdfName, pdfNumber, pdfRef, pdfText, serialize } from './pdf-writer'

const latin1 = new TextDecoder('latin1')

describe('PDF writer', () => {
  it('writes numbers without exponents, to four decimals at most', () => {
    expect(pdfNumber(1e-7)).toBe('0')
    expect(pdfNumber(-0.00001)).toBe('0')
    expect(pdfNumber(595.2755905511812)).toBe('595.2756')
    expect(pdfNumber(100)).toBe('100')
    expect(pdfNumber(-12.5)).toBe('-12.5')
    expect(() => pdfNumber(Number.NaN)).toThrow()
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (n) => {
        const s = pdfNumber(n)
        expect(s).toMatch(/^-?\d+(\.\d{1,4})?$/)
        expect(Math.abs(Number(s) - n)).toBeLessThanOrEqual(0.00005 + 1e-9)
      }),
    )
  })

  it('escapes names and literal strings and writes dictionaries in PDF syntax', () => {
    expect(pdfName('A#b/c').text).toBe('/A#23b#2fc')
    expect(pdfLiteral('a(b)\\c').text).toBe('(a\\(b\\)\\\\c)')
    expect(() => pdfLiteral('标签')).toThrow()
    expect(serialize({ Type: pdfName('Page'), Kids: [pdfRef(3), 1.5], Open: true })).toBe(
      '<< /Type /Page /Kids [3 0 R 1.5] /Open true >>',
    )
  })

  it('points every cross-reference entry exactly at its object, whatever the objects hold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => ({ text: s })),
            fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ bytes })),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        fc.boolean(),
        async (items, compress) => {
          const file = new PdfFile()
          const root = file.add({ Type: pdfName('Catalog') })
          const ids: number[] = []
          for (const item of items) {
            ids.push(
              'text' in item
                ? file.add({ T: pdfText(item.text) })
                : await file.addStream(new Uint8Array(item.bytes), {}, compress),
            )
          }
          const bytes = file.bytes(root)
          // parsePdf throws unless each offset lands on its "n 0 obj" line.
          const pdf = parsePdf(bytes)
          expect([...pdf.objects.keys()].sort((a, b) => a - b)).toEqual([root, ...ids])
          for (const [k, item] of items.entries()) {
            const value = pdf.objects.get(ids[k]!)
            if ('text' in item) expect(textString(pdf.get(value, 'T'))).toBe(item.text)
            else expect(await streamBytes(pdf, value)).toEqual(new Uint8Array(item.bytes))
          }
          // startxref names the byte where "xref" begins.
          const tail = latin1.decode(bytes.subarray(-40))
          const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(tail)![1])
          expect(latin1.decode(bytes.subarray(start, start + 5))).toBe('xref\n')
        },
      ),
      { numRuns: 40 },
    )
  })

  it('refuses to write a file with an object reserved but never written', () => {
    const file = new PdfFile()
    file.reserve()
    const root = file.add({ Type: pdfName('Catalog') })
    expect(() => file.bytes(root)).toThrow(/never written/)
  })
})
