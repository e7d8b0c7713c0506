/**
 * A strict reader for the PDFs Nestwork writes (src/labels/pdf-writer.ts), for tests: it finds
 * every object through the cross-reference table and fails unless each offset points exactly at
 * its `n 0 obj` line, so a reader that trusts the table (most do) opens the file as written. It
 * understands only what the writer emits: no object streams, no incremental updates.
 */

export type PdfObject =
  | number
  | boolean
  | null
  | { name: string }
  | { ref: number }
  | { string: Uint8Array }
  | PdfObject[]
  | { dict: Map<string, PdfObject>; stream?: Uint8Array }

export interface ParsedPdf {
  /** Object id → its value (a stream's dict carries its raw bytes). */
  objects: Map<number, PdfObject>
  trailer: Map<string, PdfObject>
  /** Follows a reference (or returns the value itself). */
  resolve(value: PdfObject | undefined): PdfObject | undefined
  /** A dictionary entry, references followed. */
  get(dict: PdfObject | undefined, key: string): PdfObject | undefined
}

const latin1 = new TextDecoder('latin1')
const isSpace = (c: number) =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0
const isDelimiter = (c: number) => '()<>[]{}/%'.includes(String.fromCharCode(c))

class Lexer {
  constructor(
    readonly bytes: Uint8Array,
    public at = 0,
  ) {}

  skipSpace() {
    while (this.at < this.bytes.length) {
      const c = this.bytes[this.at]!
      if (c === 0x25) {
        while (this.at < this.bytes.length && this.bytes[this.at] !== 0x0a) this.at++
      } else if (isSpace(c)) this.at++
      else break
    }
  }

  /** A bare word (number, keyword) at the position. */
  word(): string {
    this.skipSpace()
    const start = this.at
    while (this.at < this.bytes.length) {
      const c = this.bytes[this.at]!
      if (isSpace(c) || isDelimiter(c)) break
      this.at++
    }
    return latin1.decode(this.bytes.subarray(start, this.at))
  }

  expect(text: string) {
    this.skipSpace()
    const got = latin1.decode(this.bytes.subarray(this.at, this.at + text.length))
    if (got !== text) throw new Error(`Expected "${text}" at byte ${this.at}, found "${got}"`)
    this.at += text.length
  }

  value(): PdfObject {
    this.skipSpace()
    const c = this.bytes[this.at]
    if (c === undefined) throw new Error('Unexpected end of file')
    if (c === 0x2f) {
      this.at++
      const raw = this.word()
      return {
        name: raw.replace(/#([0-9a-f]{2})/gi, (_, h: string) =>
          String.fromCharCode(parseInt(h, 16)),
        ),
      }
    }
    if (c === 0x5b) {
      this.at++
      const items: PdfObject[] = []
      for (;;) {
        this.skipSpace()
        if (this.bytes[this.at] === 0x5d) {
          this.at++
          return items
        }
        items.push(this.value())
      }
    }
    if (c === 0x3c && this.bytes[this.at + 1] === 0x3c) {
      this.at += 2
      const dict = new Map<string, PdfObject>()
      for (;;) {
        this.skipSpace()
        if (this.bytes[this.at] === 0x3e && this.bytes[this.at + 1] === 0x3e) {
          this.at += 2
          return { dict }
        }
        const key = this.value()
        if (typeof key !== 'object' || key === null || !('name' in key)) {
          throw new Error(`Dictionary key is not a name at byte ${this.at}`)
        }
        dict.set(key.name, this.value())
      }
    }
    if (c === 0x3c) {
      const end = this.bytes.indexOf(0x3e, this.at)
      const hex = latin1.decode(this.bytes.subarray(this.at + 1, end)).replace(/\s/g, '')
      if (!/^[0-9a-f]*$/i.test(hex) || hex.length % 2)
        throw new Error(`Bad hex string at ${this.at}`)
      this.at = end + 1
      return { string: Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)) }
    }
    if (c === 0x28) return { string: this.literal() }
    const word = this.word()
    if (word === 'true' || word === 'false') return word === 'true'
    if (word === 'null') return null
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word))
      throw new Error(`Unexpected "${word}" at ${this.at}`)
    // `n g R` is a reference: look ahead without consuming anything else.
    const save = this.at
    const gen = this.word()
    if (/^\d+$/.test(word) && /^\d+$/.test(gen) && this.word() === 'R') return { ref: Number(word) }
    this.at = save
    return Number(word)
  }

  literal(): Uint8Array {
    this.at++
    const out: number[] = []
    let depth = 1
    for (;;) {
      const c = this.bytes[this.at++]
      if (c === undefined) throw new Error('Unterminated literal string')
      if (c === 0x5c) {
        const next = this.bytes[this.at++]!
        out.push(next)
        continue
      }
      if (c === 0x28) depth++
      if (c === 0x29 && --depth === 0) return Uint8Array.from(out)
      out.push(c)
    }
  }
}

/** Parses `bytes`, checking the header, every cross-reference offset and the trailer. */
export function parsePdf(bytes: Uint8Array): ParsedPdf {
  if (latin1.decode(bytes.subarray(0, 5)) !== '%PDF-') throw new Error('No %PDF- header')
  const tail = latin1.decode(bytes.subarray(Math.max(0, bytes.length - 64)))
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)
  if (!m) throw new Error('No startxref … %%EOF at the end')
  const lexer = new Lexer(bytes, Number(m[1]))
  lexer.expect('xref')
  const first = Number(lexer.word())
  const count = Number(lexer.word())
  if (first !== 0) throw new Error('The cross-reference table must start at object 0')
  lexer.skipSpace()
  const offsets = new Map<number, number>()
  for (let id = 0; id < count; id++) {
    // Each entry is exactly 20 bytes ("nnnnnnnnnn ggggg n" and a two-byte end of line).
    const entry = latin1.decode(bytes.subarray(lexer.at, lexer.at + 20))
    const e = /^(\d{10}) (\d{5}) ([nf])(?: \n| \r|\r\n)$/.exec(entry)
    if (!e) throw new Error(`Malformed cross-reference entry ${id}: ${JSON.stringify(entry)}`)
    if (e[3] === 'n') offsets.set(id, Number(e[1]))
    lexer.at += 20
  }
  lexer.expect('trailer')
  const trailerValue = lexer.value()
  if (typeof trailerValue !== 'object' || trailerValue === null || !('dict' in trailerValue)) {
    throw new Error('The trailer is not a dictionary')
  }
  const trailer = trailerValue.dict
  if (trailer.get('Size') !== count) throw new Error(`Trailer /Size is not ${count}`)

  const objects = new Map<number, PdfObject>()
  for (const [id, offset] of offsets) {
    const at = new Lexer(bytes, offset)
    const head = `${id} 0 obj`
    if (latin1.decode(bytes.subarray(offset, offset + head.length)) !== head) {
      throw new Error(`Object ${id}'s offset ${offset} does not point at "${head}"`)
    }
    at.at += head.length
    const value = at.value()
    at.skipSpace()
    if (latin1.decode(bytes.subarray(at.at, at.at + 6)) === 'stream') {
      if (typeof value !== 'object' || value === null || !('dict' in value)) {
        throw new Error(`Stream ${id} has no dictionary`)
      }
      at.at += 6
      if (bytes[at.at] === 0x0d) at.at++
      if (bytes[at.at++] !== 0x0a) throw new Error(`Stream ${id}: "stream" not followed by EOL`)
      const length = value.dict.get('Length')
      if (typeof length !== 'number') throw new Error(`Stream ${id} has no direct /Length`)
      value.stream = bytes.subarray(at.at, at.at + length)
      at.at += length
      at.expect('endstream')
    }
    at.expect('endobj')
    objects.set(id, value)
  }

  const resolve = (value: PdfObject | undefined) =>
    typeof value === 'object' && value !== null && 'ref' in value ? objects.get(value.ref) : value
  const get = (dict: PdfObject | undefined, key: string) => {
    const d = resolve(dict)
    return typeof d === 'object' && d !== null && 'dict' in d ? resolve(d.dict.get(key)) : undefined
  }
  return { objects, trailer, resolve, get }
}

/** A stream's bytes, inflated if it is `FlateDecode`. */
export async function streamBytes(
  pdf: ParsedPdf,
  value: PdfObject | undefined,
): Promise<Uint8Array> {
  const s = pdf.resolve(value)
  if (typeof s !== 'object' || s === null || !('stream' in s) || !s.stream) {
    throw new Error('Not a stream')
  }
  const filter = pdf.get(s, 'Filter')
  if (filter === undefined) return s.stream
  if (
    typeof filter !== 'object' ||
    filter === null ||
    !('name' in filter) ||
    filter.name !== 'FlateDecode'
  ) {
    throw new Error('Only FlateDecode streams are read here')
  }
  const inflated = new Blob([new Uint8Array(s.stream)])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'))
  return new Uint8Array(await new Response(inflated).arrayBuffer())
}

/** The document's pages in order, from the catalog's page tree. */
export function pdfPages(pdf: ParsedPdf): PdfObject[] {
  const pages: PdfObject[] = []
  const walk = (node: PdfObject | undefined) => {
    const type = pdf.get(node, 'Type')
    if (typeof type === 'object' && type !== null && 'name' in type && type.name === 'Page') {
      pages.push(pdf.resolve(node)!)
      return
    }
    const kids = pdf.get(node, 'Kids')
    if (!Array.isArray(kids)) throw new Error('A page tree node without /Kids')
    kids.forEach(walk)
  }
  walk(pdf.get(pdf.trailer.get('Root'), 'Pages'))
  return pages
}

/** A page's width and height in points, from its /MediaBox. */
export function pageSize(pdf: ParsedPdf, page: PdfObject): [number, number] {
  const box = pdf.get(page, 'MediaBox')
  if (!Array.isArray(box) || box.length !== 4 || !box.every((n) => typeof n === 'number')) {
    throw new Error('A page without a numeric /MediaBox')
  }
  const [x0, y0, x1, y1] = box as number[]
  return [x1! - x0!, y1! - y0!]
}

/** A page's content stream(s), inflated, as Latin-1 text. */
export async function pageContent(pdf: ParsedPdf, page: PdfObject): Promise<string> {
  const contents = pdf.get(page, 'Contents')
  const parts = Array.isArray(contents) ? contents : [contents]
  const texts = await Promise.all(parts.map(async (c) => latin1.decode(await streamBytes(pdf, c))))
  return texts.join('\n')
}

/** A text string (metadata) decoded: UTF-16BE after a byte-order mark, else Latin-1. */
export function textString(value: PdfObject | undefined): string | undefined {
  if (typeof value !== 'object' || value === null || !('string' in value)) return undefined
  const b = value.string
  if (b[0] === 0xfe && b[1] === 0xff) {
    let s = ''
    for (let i = 2; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!)
    return s
  }
  return latin1.decode(b)
}
