import { describe, expect, it } from 'vitest'
import { translator } from '../i18n'
import {
  csvField,
  spreadsheetSafe,
  statementCsv,
  statementCsvColumns,
  statementCsvHeader,
} from './csv'
import type { SettlementLine } from './service'
import { parseCsv } from '../../test/helpers/csv'

const line = (over: Partial<SettlementLine>): SettlementLine => ({
  merchantId: 'mer_01',
  kind: 'HUB_UNITS',
  costId: 'cst_rent',
  stationId: null,
  amountFen: 2_026_667,
  basis: { rule: 'UNITS', mine: 2, total: 3, hubId: 'hub_1' },
  ...over,
})

const lines: SettlementLine[] = [
  line({}),
  line({
    kind: 'HUB_BOOKED',
    amountFen: 1,
    basis: { rule: 'BOOKED', mine: 0, total: 0, hubId: 'hub_2', fallback: 'UNITS' },
  }),
  line({
    kind: 'TRANSPORT',
    costId: 'cst_truck',
    amountFen: 33_333,
    basis: { rule: 'CARRIED', mine: 1, total: 3, hubId: null },
  }),
  line({
    kind: 'SHARED',
    costId: 'cst_odd',
    amountFen: 60_000,
    basis: { rule: 'EQUAL', mine: 1, total: 20 },
  }),
  line({
    kind: 'COMMISSION',
    costId: null,
    stationId: 'sta_01',
    amountFen: 440,
    basis: { rule: 'PER_PARCEL', mine: 2, total: 2 },
  }),
  line({
    kind: 'ADJUSTMENT',
    costId: null,
    amountFen: -5000,
    basis: { rule: 'ADJUSTMENT', mine: 1, total: 1 },
  }),
]
const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0)

const notes: Record<string, string> = {
  cst_rent: '上海售后中心 场地租金',
  cst_truck: 'Truck, "big" one\nsecond line',
  cst_odd: '=SUM(A1:A9)',
}
const context = {
  costNote: (id: string) => notes[id] ?? '',
  hubName: (id: string) => ({ hub_1: '上海售后中心', hub_2: 'Hangzhou, Xiaoshan' })[id] ?? id,
  stationName: (id: string) => `${id} 徐汇驿站`,
  adjustmentReasons: ['重复收费退回, "double"'],
  t: translator('en'),
}

describe('statement CSV', () => {
  it('starts with a BOM and the header, and ends with a TOTAL row', () => {
    const csv = statementCsv({ lines, totalFen }, context)
    expect(
      csv.startsWith(
        '\uFEFFKind,Cost,Note,Split by,Your usage,Total usage,Hub,Share (fen),Share (yuan)\r\n',
      ),
    ).toBe(true)
    expect(csv.endsWith(`TOTAL,,,,,,,${totalFen},${(totalFen / 100).toFixed(2)}\r\n`)).toBe(true)
  })

  it('names its columns in the reader’s language', () => {
    const csv = statementCsv({ lines, totalFen }, { ...context, t: translator('zh-CN') })
    const [header] = parseCsv(csv.slice(1))
    expect(header).toEqual(statementCsvHeader(translator('zh-CN')))
    expect(header).toHaveLength(statementCsvColumns.length)
    expect(header![0]).toBe('类别')
    expect(header!.join('')).not.toMatch(/[A-Za-z]/)
  })

  it('parses back to the same items and total', () => {
    const rows = parseCsv(statementCsv({ lines, totalFen }, context).slice(1))
    expect(rows[0]).toEqual(statementCsvHeader(translator('en')))
    const body = rows.slice(1, -1)
    expect(body).toHaveLength(lines.length)
    expect(body.map((r) => ({ kind: r[0], cost: r[1], fen: Number(r[7]) }))).toEqual(
      lines.map((l) => ({ kind: l.kind, cost: l.costId ?? '', fen: l.amountFen })),
    )
    for (const r of body) expect(Math.round(Number(r[8]) * 100)).toBe(Number(r[7]))
    const total = rows.at(-1)!
    expect(total[0]).toBe('TOTAL')
    expect(Number(total[7])).toBe(totalFen)
    expect(body.reduce((sum, r) => sum + Number(r[7]), 0)).toBe(totalFen)
  })

  it('keeps notes with commas, quotes, line breaks and Chinese intact', () => {
    const rows = parseCsv(statementCsv({ lines, totalFen }, context).slice(1))
    expect(rows[1]![2]).toBe('上海售后中心 场地租金')
    expect(rows[2]![3]).toBe('UNITS (no BOOKED)')
    expect(rows[2]![6]).toBe('Hangzhou, Xiaoshan')
    expect(rows[3]![2]).toBe('Truck, "big" one\nsecond line')
    expect(rows[3]![6]).toBe('')
    expect(rows[5]![2]).toBe('sta_01 徐汇驿站')
    expect(rows[6]![2]).toBe('重复收费退回, "double"')
    expect(rows[6]!.slice(7)).toEqual(['-5000', '-50.00'])
  })

  it('never hands a spreadsheet a formula', () => {
    const rows = parseCsv(statementCsv({ lines, totalFen }, context).slice(1))
    expect(rows[4]![2]).toBe("'=SUM(A1:A9)")
    expect(spreadsheetSafe('-5')).toBe("'-5")
    expect(spreadsheetSafe('五')).toBe('五')
  })

  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField(' edge')).toBe('" edge"')
    expect(csvField(-12)).toBe('-12')
    expect(csvField(null)).toBe('')
  })
})
