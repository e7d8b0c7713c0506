import { describe, expect, it } from 'vitest'
import { translator } from '../i18n'
import { outcomeKinds } from './customer-view'
import { outcomeText } from './outcome-text'

const langs = [
  { t: translator('en'), locale: 'en' as const },
  { t: translator('zh-CN'), locale: 'zh-CN' as const },
]

describe('outcomeText', () => {
  it('says the refund with its amount, in each language', () => {
    const [en, zh] = langs.map((lang) => outcomeText(lang, { kind: 'REFUND', refundFen: 12_900 }))
    expect(en).toContain('¥129.00')
    expect(zh).toContain('129.00')
  })

  it.each(outcomeKinds)('leaves no placeholder in the %s sentence', (kind) => {
    for (const lang of langs) {
      const text = outcomeText(lang, { kind, refundFen: kind === 'REFUND' ? 500 : null })
      expect(text).not.toMatch(/[{}]/)
      expect(text.length).toBeGreaterThan(4)
    }
  })
})
