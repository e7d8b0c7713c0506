/**
 * A minimal PDF file writer: numbered objects, (deflated) streams, the cross-reference table and
 * the trailer, nothing else. The labels need no parsing, fonts, images or incremental updates, so
 * a general PDF library would only add weight to the Worker. Everything written is ASCII except
 * the header's binary marker and the compressed stream bytes, so byte offsets are exact.
 */

/** A value written as is (a name, a reference, a string already encoded). */
class PdfToken {
  constructor(readonly text: string) {}
}

export type PdfValue = number | boolean | PdfToken | readonly PdfValue[] | PdfDict

export interface PdfDict {
  readonly [key: string]: PdfValue
}

/** Name characters PDF allows unescaped: printable ASCII except delimiters and `#`. */
const plainName = /^[!-~]+$/
const nameDelimiter = /[#()<>[\]{}/%]/g

/** `/Type`: a PDF name (ASCII; delimiters escaped as `#xx`). */
export function pdfName(name: string): PdfToken {
  if (!plainName.test(name)) throw new Error(`Not a printable ASCII PDF name: ${name}`)
  return new PdfToken(
    '/' + name.replace(nameDelimiter, (ch) => '#' + ch.charCodeAt(0).toString(16).padStart(2, '0')),
  )
}

/** `12 0 R`: a reference to object `id`. */
export const pdfRef = (id: number) => new PdfToken(`${id} 0 R`)

/** `(Adobe)`: a literal string of printable ASCII, parentheses and backslashes escaped. */
export function pdfLiteral(text: string): PdfToken {
  if (!/^[ -~]*$/.test(text)) throw new Error('PDF literal strings here are printable ASCII only')
  return new PdfToken(`(${text.replace(/[()\\]/g, (ch) => '\\' + ch)})`)
}

/** `<4E6F>`: bytes given as hex digits. */
export function pdfHex(hex: string): PdfToken {
  if (!/^[0-9a-fA-F]*$/.test(hex)) throw new Error('Not hex digits')
  return new PdfToken(`<${hex}>`)
}

/** UTF-16 code units as big-endian hex, what PDF text strings and UCS-2 fonts read. */
export const utf16Hex = (text: string) =>
  Array.from({ length: text.length }, (_, i) =>
    text.charCodeAt(i).toString(16).padStart(4, '0'),
  ).join('')

/** A text string for document metadata (title …): UTF-16BE with its byte-order mark. */
export const pdfText = (text: string) => pdfHex('feff' + utf16Hex(text))

/** `D:20260102030405Z`: a date in UTC. */
export const pdfDate = (date: Date) =>
  pdfLiteral('D:' + date.toISOString().slice(0, 19).replace(/[-:T]/g, '') + 'Z')

/**
 * A number as PDF writes it: no exponent (PDF has none), at most four decimals, which is far
 * finer than a printer's dot at any size a label uses.
 */
export function pdfNumber(n: number): string {
  // toFixed switches to exponents from 1e21; no page measure comes near.
  if (!(Math.abs(n) < 1e15)) throw new Error(`Not a PDF number: ${n}`)
  const fixed = n.toFixed(4).replace(/\.?0+$/, '')
  return fixed === '-0' || fixed === '' ? '0' : fixed
}

/** The PDF syntax of a value. */
export function serialize(value: PdfValue): string {
  if (typeof value === 'number') return pdfNumber(value)
  if (typeof value === 'boolean') return String(value)
  if (value instanceof PdfToken) return value.text
  if (Array.isArray(value)) return `[${value.map(serialize).join(' ')}]`
  const dict = value as PdfDict
  const entries = Object.entries(dict).map(([k, v]) => `${pdfName(k).text} ${serialize(v)}`)
  return `<< ${entries.join(' ')} >>`
}

/** Bytes through the Web-standard `deflate` (zlib) stream, PDF's `FlateDecode`. */
export async function deflate(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

const ascii = new TextEncoder()

/**
 * A PDF under construction. Object ids are handed out first (`reserve`), so objects can refer
 * to each other in any order; `bytes` writes them with the cross-reference table.
 */
export class PdfFile {
  private readonly bodies: (Uint8Array | undefined)[] = []

  /** A fresh object id (1, 2, …), to be given a body with `set` or `setStream`. */
  reserve(): number {
    this.bodies.push(undefined)
    return this.bodies.length
  }

  /** Writes `value` as object `id`. */
  set(id: number, value: PdfValue): number {
    this.bodies[id - 1] = ascii.encode(serialize(value))
    return id
  }

  /** A new object holding `value`; returns its id. */
  add(value: PdfValue): number {
    return this.set(this.reserve(), value)
  }

  /** A new stream object of `data`, deflated unless `compress` is false; returns its id. */
  async addStream(
    data: Uint8Array<ArrayBuffer>,
    dict: PdfDict = {},
    compress = true,
  ): Promise<number> {
    const body = compress ? await deflate(data) : data
    const head = serialize({
      ...dict,
      ...(compress ? { Filter: pdfName('FlateDecode') } : {}),
      Length: body.length,
    })
    const parts = [ascii.encode(`${head}\nstream\n`), body, ascii.encode('\nendstream')]
    this.bodies[this.reserve() - 1] = concat(parts)
    return this.bodies.length
  }

  /** The file: header, objects, cross-reference table, trailer with `root` and `info`. */
  bytes(root: number, info?: number): Uint8Array<ArrayBuffer> {
    // The second line's bytes above 127 tell transfer tools the file is binary.
    const parts: Uint8Array[] = [
      ascii.encode('%PDF-1.7\n'),
      Uint8Array.of(37, 226, 227, 207, 211, 10),
    ]
    let offset = parts[0]!.length + parts[1]!.length
    const offsets: number[] = []
    this.bodies.forEach((body, i) => {
      if (!body) throw new Error(`PDF object ${i + 1} was reserved but never written`)
      offsets.push(offset)
      const chunk = concat([ascii.encode(`${i + 1} 0 obj\n`), body, ascii.encode('\nendobj\n')])
      parts.push(chunk)
      offset += chunk.length
    })
    // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space + LF.
    const xref = [
      'xref',
      `0 ${offsets.length + 1}`,
      '0000000000 65535 f ',
      ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
      '',
    ].join('\n')
    const trailer = serialize({
      Size: offsets.length + 1,
      Root: pdfRef(root),
      ...(info === undefined ? {} : { Info: pdfRef(info) }),
    })
    parts.push(ascii.encode(`${xref}trailer\n${trailer}\nstartxref\n${offset}\n%%EOF\n`))
    return concat(parts)
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
