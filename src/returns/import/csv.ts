/**
 * Spreadsheet exports as merchants upload them: bytes in UTF-8 (with or without a BOM) or
 * GB18030, which Chinese spreadsheet software writes by default; fields separated by commas or
 * tabs; quoted fields may hold separators, line breaks and doubled quotes (RFC 4180).
 */

/**
 * The text of an uploaded file: UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else
 * GB18030 — every byte string decodes as one of the two, and valid GB18030 text is almost never
 * valid UTF-8 too.
 * @example decodeCsv(new Uint8Array([0xb6, 0xa9, 0xb5, 0xa5])) // '订单'
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/** The separator of a file: a tab when its first line has more tabs than commas. */
export function detectDelimiter(text: string): ',' | '\t' {
  const line = text.slice(0, text.search(/\r?\n|$/))
  const count = (ch: string) => line.split(ch).length - 1
  return count('\t') > count(',') ? '\t' : ','
}

/**
 * Rows of fields; a BOM left in the text is dropped, a trailing line break ends the last row
 * rather than starting an empty one, and blank lines are skipped.
 * @example parseCsv('a,"b,""c"""\n1,2') // [['a', 'b,"c"'], ['1', '2']]
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const endRow = () => {
    row.push(field)
    if (row.length > 1 || row[0] !== '') rows.push(row)
    row = []
    field = ''
  }
  while (i < text.length) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else field += ch
      i++
      continue
    }
    if (ch === '"' && field === '') quoted = true
    else if (ch === delimiter) {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      endRow()
      if (ch === '\r' && text[i + 1] === '\n') i++
    } else field += ch
    i++
  }
  if (field !== '' || row.length > 0) endRow()
  return rows
}

/** One field as a CSV cell: quoted when it holds a separator, a quote or a line break. */
export function csvField(value: string, delimiter = ','): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || value === ''
    ? `"${value.replace(/"/g, '""')}"`
    : value
}

/** Rows as CSV text, one line each (the inverse of `parseCsv`). */
export function toCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  return rows.map((r) => r.map((f) => csvField(f, delimiter)).join(delimiter)).join('\r\n')
}
