/**
 * A merchant's statement as CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese
 * notes), CRLF line ends, one row per line of the statement and a final TOTAL row, written with
 * the shared writer of src/csv.ts.
 */
import { csvDocument, spreadsheetSafe } from '../csv'
import type { Translate } from '../i18n'
import { fenToYuan } from '../money'
import type { SettlementLine } from './service'

export { bom, csvDocument, csvField, csvRow, spreadsheetSafe } from '../csv'

/** The columns, in order; the header row names each in the reader's language. */
export const statementCsvColumns = [
  'kind',
  'cost',
  'note',
  'rule',
  'mine',
  'total',
  'hub',
  'share_fen',
  'share_yuan',
] as const

/**
 * The header row in the reader's language (`settlement.csv.<column>`).
 * @example statementCsvHeader(translator('en'))[0] // 'Kind'
 */
export const statementCsvHeader = (t: Translate) =>
  statementCsvColumns.map((column) => t(`settlement.csv.${column}`))

/** What the CSV says beside the figures of each line. */
export interface StatementCsvContext {
  /** The note of each cost, by id. */
  costNote: (costId: string) => string
  hubName: (hubId: string) => string
  stationName: (stationId: string) => string
  /** The reasons of the statement's adjustments, in the order of its ADJUSTMENT lines. */
  adjustmentReasons: readonly string[]
  /** The reader's language, for the header. */
  t: Translate
}

/** The rule a line was split by, naming the fallback when one applied. */
export function ruleLabel(basis: SettlementLine['basis']): string {
  return basis.fallback ? `${basis.fallback} (no ${basis.rule})` : basis.rule
}

/**
 * The statement as CSV text (see the header): `cost` is the id of the cost split, `note` its
 * note (the station for a commission, the reason for an adjustment), `mine`/`total` the usage
 * the share was computed from, `share_fen` the exact amount and `share_yuan` the same in yuan.
 */
export function statementCsv(
  statement: { lines: readonly SettlementLine[]; totalFen: number },
  context: StatementCsvContext,
): string {
  let adjustment = 0
  const rows = statement.lines.map((line) => {
    const note =
      line.kind === 'COMMISSION' && line.stationId
        ? context.stationName(line.stationId)
        : line.kind === 'ADJUSTMENT'
          ? (context.adjustmentReasons[adjustment++] ?? '')
          : line.costId
            ? context.costNote(line.costId)
            : ''
    return [
      line.kind,
      line.costId ?? '',
      spreadsheetSafe(note),
      ruleLabel(line.basis),
      line.basis.mine,
      line.basis.total,
      line.basis.hubId ? context.hubName(line.basis.hubId) : '',
      line.amountFen,
      fenToYuan(line.amountFen),
    ]
  })
  const total = ['TOTAL', '', '', '', '', '', '', statement.totalFen, fenToYuan(statement.totalFen)]
  return csvDocument([statementCsvHeader(context.t), ...rows, total])
}
