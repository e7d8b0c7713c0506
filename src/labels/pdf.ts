/**
 * The labels as a PDF (written by ./pdf-writer). Hub names are Chinese and the standard PDF fonts have no CJK
 * glyphs, while embedding a CJK font costs megabytes: the text uses the non-embedded
 * `STSong-Light` CID font with the `UniGB-UCS2-H` encoding, which every PDF reader provides (the
 * Adobe Chinese Simplified font pack; pdf.js and Acrobat ship it). QR code and barcode are
 * vector rectangles, so the file stays a few kilobytes a page and prints sharp.
 */
import { encode } from 'uqr'
import { code128Bars } from './code128'
import { labelLayouts, mmToPt, paginate, type LabelLayout } from './layouts'
import {
  PdfFile,
  pdfDate,
  pdfHex,
  pdfLiteral,
  pdfName,
  pdfNumber,
  pdfRef,
  pdfText,
  utf16Hex,
} from './pdf-writer'

/** What one label says, already in the reader's language. */
export interface PdfLabel {
  /** The grouped code as printed (`ABCD-EFGH-JKMN`). */
  codeText: string
  /** The code the barcode carries. */
  barcode: string
  /** The tracking URL in the QR code. */
  qrText: string
  /** The lines under the code (heading, destination, category …). */
  lines: string[]
  /** The brand line at the top. */
  brand: string
}

/** The Type0 font over STSong-Light, written once per document; returns its object id. */
function addChineseFont(file: PdfFile): number {
  const descriptor = file.add({
    Type: pdfName('FontDescriptor'),
    FontName: pdfName('STSong-Light'),
    Flags: 6,
    FontBBox: [-25, -254, 1000, 880],
    ItalicAngle: 0,
    Ascent: 880,
    Descent: -120,
    CapHeight: 880,
    StemV: 93,
  })
  const cidFont = file.add({
    Type: pdfName('Font'),
    Subtype: pdfName('CIDFontType0'),
    BaseFont: pdfName('STSong-Light'),
    CIDSystemInfo: {
      Registry: pdfLiteral('Adobe'),
      Ordering: pdfLiteral('GB1'),
      Supplement: 2,
    },
    FontDescriptor: pdfRef(descriptor),
    DW: 1000,
    // Latin (proportional CIDs 1–95 and half-width 814–907) is half as wide as a Han character.
    W: [1, 95, 500, 814, 907, 500],
  })
  return file.add({
    Type: pdfName('Font'),
    Subtype: pdfName('Type0'),
    BaseFont: pdfName('STSong-Light'),
    Encoding: pdfName('UniGB-UCS2-H'),
    DescendantFonts: [pdfRef(cidFont)],
  })
}

/** A string as UCS-2 big-endian hex, what `UniGB-UCS2-H` reads (characters beyond the BMP dropped). */
const ucs2 = (text: string) =>
  pdfHex(utf16Hex([...text].filter((ch) => ch.codePointAt(0)! <= 0xffff).join('')))

/** The width of `text` in the font at `size` points: Latin half an em, everything else one. */
const textWidth = (text: string, size: number) =>
  [...text].reduce((w, ch) => w + (ch.codePointAt(0)! < 0x80 ? 0.5 : 1), 0) * size

/** Shortens `text` with an ellipsis to fit `max` points. */
function fit(text: string, size: number, max: number): string {
  if (textWidth(text, size) <= max) return text
  let out = [...text]
  while (out.length > 1 && textWidth(out.join('') + '…', size) > max) out = out.slice(0, -1)
  return out.join('') + '…'
}

const FONT = 'F1'

/** Content-stream operators, one a line, operands first (`x y w h re`). */
type Ops = string[]

const op = (operator: string, ...operands: number[]) =>
  [...operands.map(pdfNumber), operator].join(' ')

function text(x: number, y: number, size: number, s: string): Ops {
  return [
    'BT',
    `${pdfName(FONT).text} ${pdfNumber(size)} Tf`,
    op('Td', x, y),
    `${ucs2(s).text} Tj`,
    'ET',
  ]
}

/** Dark modules of a QR code as rectangles in a `side`-point square at (x, y) (bottom left). */
function qrOps(value: string, x: number, y: number, side: number): Ops {
  const { data, size } = encode(value, { ecc: 'M', border: 2 })
  const m = side / size
  const ops: Ops = []
  data.forEach((row, r) => {
    // Runs of dark modules in a row become one rectangle each.
    let c = 0
    while (c < size) {
      if (!row[c]) {
        c++
        continue
      }
      const start = c
      while (c < size && row[c]) c++
      ops.push(op('re', x + start * m, y + side - (r + 1) * m, (c - start) * m, m))
    }
  })
  ops.push('f')
  return ops
}

/** The Code 128 bars, quiet zones included, filling `width` × `height` at (x, y). */
function barcodeOps(value: string, x: number, y: number, width: number, height: number): Ops {
  const { bars, width: modules } = code128Bars(value)
  const m = width / modules
  return [...bars.map(([bx, bw]) => op('re', x + bx * m, y, bw * m, height)), 'f']
}

/** One label in the box at (x, y) (bottom left) of `w` × `h` points. */
function labelOps(label: PdfLabel, x: number, y: number, w: number, h: number): Ops {
  const pad = Math.min(w, h) * 0.06
  const inner = w - 2 * pad
  const small = h > 300 ? 11 : 8
  const codeSize = Math.min(h > 300 ? 24 : 16, inner / (label.codeText.length * 0.5))
  // Black fill for text and bars alike.
  const ops: Ops = [op('g', 0)]
  let top = y + h - pad
  ops.push(...text(x + pad, top - small, small, fit(label.brand, small, inner)))
  top -= small * 1.6
  ops.push(
    ...text(
      x + (w - textWidth(label.codeText, codeSize)) / 2,
      top - codeSize,
      codeSize,
      label.codeText,
    ),
  )
  top -= codeSize * 1.4
  const barHeight = h * 0.16
  const bottom = y + pad
  const barTop = bottom + barHeight
  const qrSide = Math.min(top - barTop - pad, inner * 0.45)
  ops.push(...qrOps(label.qrText, x + pad, top - qrSide, qrSide))
  const textX = x + pad + qrSide + pad
  const textMax = x + w - pad - textX
  let lineY = top - small
  for (const [k, line] of label.lines.entries()) {
    const size = k === 0 ? small * 1.25 : small
    if (lineY - size < barTop) break
    ops.push(...text(textX, lineY - size * 0.2, size, fit(line, size, textMax)))
    lineY -= size * 1.5
  }
  ops.push(...barcodeOps(label.barcode, x + pad, bottom, inner, barHeight))
  return ops
}

/**
 * The PDF of `labels` in `layout`, one page per sheet (A4) or label (thermal). `createdAt` is
 * the document's creation date in its metadata.
 */
export async function labelsPdf(
  labels: readonly PdfLabel[],
  layout: LabelLayout,
  title: string,
  createdAt: Date = new Date(),
): Promise<Uint8Array<ArrayBuffer>> {
  const file = new PdfFile()
  const pagesId = file.reserve()
  const catalog = file.add({ Type: pdfName('Catalog'), Pages: pdfRef(pagesId) })
  const info = file.add({
    Title: pdfText(title),
    Producer: pdfText('Nestwork'),
    Creator: pdfText('Nestwork'),
    CreationDate: pdfDate(createdAt),
    ModDate: pdfDate(createdAt),
  })
  const font = addChineseFont(file)
  const { pageMm, columns, rows } = labelLayouts[layout]
  const [pw, ph] = [mmToPt(pageMm[0]), mmToPt(pageMm[1])]
  const [cw, ch] = [pw / columns, ph / rows]
  const pages: number[] = []
  const ascii = new TextEncoder()
  for (const sheet of paginate(labels, layout)) {
    const ops = sheet.flatMap((label, i) => {
      const col = i % columns
      const row = Math.floor(i / columns)
      return labelOps(label, col * cw, ph - (row + 1) * ch, cw, ch)
    })
    const contents = await file.addStream(ascii.encode(ops.join('\n')))
    pages.push(
      file.add({
        Type: pdfName('Page'),
        Parent: pdfRef(pagesId),
        MediaBox: [0, 0, pw, ph],
        Resources: { Font: { [FONT]: pdfRef(font) } },
        Contents: pdfRef(contents),
      }),
    )
  }
  file.set(pagesId, { Type: pdfName('Pages'), Kids: pages.map(pdfRef), Count: pages.length })
  return file.bytes(catalog, info)
}
