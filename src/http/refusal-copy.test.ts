import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { DomainError, errorCodes, InvalidInput, NotFound, type ErrorCode } from '../errors'
import { translator, type Lang } from '../i18n'
import { en } from '../i18n/refusals'
import { allRefusalReasons, notFoundEntities } from '../refusal-reasons'
import { issueText, refusalText } from './refusal-copy'

const zh: Lang = { t: translator('zh-CN'), locale: 'zh-CN' }
const english: Lang = { t: translator('en'), locale: 'en' }

/** Sample facts for every placeholder the English copy uses, as a service would send them. */
function factsFor(copy: string): Record<string, unknown> {
  const facts: Record<string, unknown> = {}
  for (const [, name] of copy.matchAll(/\{(\w+)\}/g)) {
    if (name!.endsWith('Fen')) facts[name!] = 123_456
    else if (name === 'month') facts[name] = '2026-11'
    else if (name === 'file') facts[name] = '收据.pdf'
    else facts[name!] = 3
  }
  return facts
}

// Latin letters left on a Chinese page are English copy (file names and units aside).
const englishWords = /[A-Za-z]{2,}/g
const allowedLatin = new Set(['pdf', 'Nestwork'])
// A sample return code (ABCD-EFGH-JKMN) is data, not copy.
const returnCodeShape = /\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\b/g
const latinIn = (text: string) =>
  (text.replace(returnCodeShape, '').match(englishWords) ?? []).filter((w) => !allowedLatin.has(w))

describe('refusalText', () => {
  const cases: [string, DomainError][] = [
    ...allRefusalReasons.map((reason): [string, DomainError] => {
      const copy = en[`refusal.${reason}`]
      return [reason, new DomainError('CONFLICT', 'English only', { reason, ...factsFor(copy) })]
    }),
    ...notFoundEntities.map((entity): [string, DomainError] => [entity, new NotFound(entity)]),
    ...errorCodes
      .filter((code): code is Exclude<ErrorCode, 'INTERNAL'> => code !== 'INTERNAL')
      .map((code): [string, DomainError] => [
        code,
        new DomainError(code, 'English only', { retryAfterSeconds: 30 }),
      ]),
    ['a labelled field', new InvalidInput('month', 'use a month as YYYY-MM')],
    ['an unknown field', new InvalidInput('someInternalName', 'bad')],
  ]

  it.each(cases)('says %s in Chinese, with every fact filled in', (_, error) => {
    const text = refusalText(zh, error)
    expect(text).not.toMatch(/\{\w+\}/)
    expect(latinIn(text)).toEqual([])
    expect(text).not.toContain('English only')
  })

  it.each(cases)('says %s in English, never the domain message', (_, error) => {
    const text = refusalText(english, error)
    expect(text).not.toMatch(/\{\w+\}/)
    expect(text).not.toContain('English only')
  })

  it('formats money, months and counts for the page', () => {
    const error = new DomainError('CONFLICT', '', {
      reason: 'TOTAL_CHANGED',
      totalFen: 123_456,
      expectedTotalFen: 100,
    })
    expect(refusalText(english, error)).toContain('¥1,234.56')
    expect(refusalText(english, error)).toContain('¥1.00')
    const closed = new DomainError('CONFLICT', '', { reason: 'MONTH_CLOSED', month: '2026-11' })
    expect(refusalText(zh, closed)).toContain('2026年11月')
  })

  it('lets the route add what only it knows', () => {
    const error = new DomainError('CONFLICT', '', { reason: 'MONTH_CLOSED', month: '2026-11' })
    expect(refusalText(english, error, { month: 'this month' })).toMatch(/^this month has/)
  })

  it('names the field people see on the form, and the problem', () => {
    const error = new InvalidInput('month', 'x', { problem: 'form.format' })
    expect(refusalText(zh, error)).toBe('请检查“月份”：格式不正确。')
    expect(refusalText(english, error)).toBe('Check “month”: this is not in the expected format.')
  })
})

describe('issueText', () => {
  const schema = z.object({
    name: z.string().min(1).max(5),
    note: z.string().min(3),
    units: z.coerce.number().int().min(1).max(10),
    kind: z.enum(['A', 'B']),
  })
  const problems = (value: Record<string, unknown>, lang: Lang) =>
    Object.fromEntries(
      schema
        .safeParse(value)
        .error!.issues.map((i) => [i.path[0], issueText(lang, i, value[String(i.path[0])])]),
    )

  it('turns each kind of problem into a phrase from the catalogue, not the schema', () => {
    expect(problems({ name: '', note: 'ab', units: '0', kind: 'C' }, zh)).toEqual({
      name: '请填写此项。',
      note: '至少需要 3 个字符。',
      units: '不能小于 1。',
      kind: '请从选项中选择一项。',
    })
    expect(problems({ name: 'toolong', note: 'abc', units: '11', kind: 'A' }, english)).toEqual({
      name: 'use at most 5 characters.',
      units: 'use at most 10.',
    })
  })

  it('says a missing field is required', () => {
    expect(problems({ note: 'abc', units: 1, kind: 'A' }, english)).toEqual({
      name: 'fill this in.',
    })
  })
})
