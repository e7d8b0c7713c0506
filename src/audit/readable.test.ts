import { describe, expect, it } from 'vitest'
import { translator } from '../i18n'
import { readableEntry, type RecordedEntry } from './readable'

const en = { t: translator('en'), locale: 'en' as const }
const zh = { t: translator('zh-CN'), locale: 'zh-CN' as const }
const entry = (e: Partial<RecordedEntry>): RecordedEntry => ({
  action: 'cost.void',
  entityType: 'cost',
  before: null,
  after: null,
  ...e,
})

describe('readableEntry', () => {
  it('names the action in words in both languages', () => {
    expect(readableEntry(entry({ action: 'booking.confirm' }), en).actionLabel).toBe(
      'Booking confirmed',
    )
    expect(readableEntry(entry({ action: 'booking.confirm' }), zh).actionLabel).toBe('确认预约')
  })

  it('shows money in yuan and marks only the fields that changed', () => {
    const { changes } = readableEntry(
      entry({
        before: '{"month":"2026-11","amountFen":120000,"voided":false}',
        after: '{"month":"2026-11","amountFen":135000,"voided":true,"reason":"typo"}',
      }),
      en,
    )
    expect(changes).toEqual([
      {
        field: 'month',
        label: 'Month',
        before: 'November 2026',
        after: 'November 2026',
        changed: false,
      },
      {
        field: 'amountFen',
        label: 'Amount',
        before: 'CN¥1,200.00',
        after: 'CN¥1,350.00',
        changed: true,
      },
      { field: 'voided', label: 'Voided', before: 'No', after: 'Yes', changed: true },
      { field: 'reason', label: 'Reason', before: null, after: 'typo', changed: true },
    ])
  })

  it('reads instants on the Shanghai clock', () => {
    const after = '{"paidAt":"2026-11-30T16:30:00.000Z","totalFen":5}'
    const [paid] = readableEntry(entry({ action: 'statement.paid', after }), en).changes
    expect(paid!.after).toBe('Dec 1, 2026, 00:30')
    const [paidZh] = readableEntry(entry({ action: 'statement.paid', after }), zh).changes
    expect(paidZh!.after).toBe('2026年12月1日 00:30')
  })

  it.each([
    ['booking', 'CONFIRMED', 'Confirmed'],
    ['return', 'AT_HUB', 'Arrived at the returns hub'],
    ['membershipApplication', 'ADMITTED', 'Admitted'],
    ['settlement', 'NOT_A_STATUS', 'NOT_A_STATUS'],
  ])('reads the status of a %s in its own copy', (entityType, status, text) => {
    const after = JSON.stringify({ status })
    expect(readableEntry(entry({ entityType, after }), en).changes[0]!.after).toBe(text)
  })

  it('reads lists of records field by field', () => {
    const after = '{"payments":[{"claimId":"clm_1","payFen":2500}]}'
    expect(readableEntry(entry({ after }), en).changes[0]!.after).toBe(
      'Claim clm_1 · Paid CN¥25.00',
    )
  })

  it('keeps unknown actions, fields and values raw instead of throwing', () => {
    const read = readableEntry(
      entry({
        action: 'thing.happen',
        before: 'not json',
        after: '{"oddField":{"a":1},"amountFen":"x"}',
      }),
      en,
    )
    expect(read.actionLabel).toBe('thing.happen')
    expect(read.changes).toEqual([
      { field: 'value', label: 'value', before: 'not json', after: null, changed: true },
      { field: 'oddField', label: 'oddField', before: null, after: '{"a":1}', changed: true },
      { field: 'amountFen', label: 'Amount', before: null, after: 'x', changed: true },
    ])
  })

  it('shows a recorded null as none', () => {
    const read = readableEntry(entry({ before: '{"paidAt":null}', after: '{"paidAt":null}' }), zh)
    expect(read.changes[0]).toMatchObject({ before: '无', after: '无', changed: false })
  })
})
