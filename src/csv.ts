/**
 * The one CSV writer: UTF-8 with a byte-order mark (so Excel reads Chinese text), CRLF line
 * ends, fields quoted only when they must be (RFC 4180), and free text made safe for
 * spreadsheets (OWASP "CSV injection"). Statements and the returns export both write with it.
 */

export const bom = '\uFEFF'

export type CsvField = string | number | null | undefined

/**
 * One field: quoted when it holds a comma, a quote, a line break or edge spaces, with quotes
 * doubled.
 * @example csvField('a "b", c') // '"a ""b"", c"'
 */
export function csvField(value: CsvField): string {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One row, without its line end. */
export const csvRow = (fields: readonly CsvField[]) => fields.map(csvField).join(',')

/** One row with its CRLF, for writing a document a page at a time. */
export const csvLine = (fields: readonly CsvField[]) => `${csvRow(fields)}\r\n`

/** Rows as a whole CSV document: BOM, CRLF after every row. */
export const csvDocument = (rows: readonly (readonly CsvField[])[]) =>
  `${bom}${rows.map(csvLine).join('')}`

/**
 * Free text a spreadsheet could take for a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a
 * leading apostrophe, so opening the file never runs anything.
 * @example spreadsheetSafe('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}
