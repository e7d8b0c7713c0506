import { describe, expect, it } from 'vitest'
import { NEAR_EXPIRY_DAYS, checklists } from './checklists'
import { en, zhCN } from './messages'

// Checklists are data: every item and every rule reason needs a sentence in both languages, or
// the inspection screen would show the bare key.
describe('inspection copy', () => {
  const items = Object.values(checklists).flatMap((c) => c.items.map((i) => i.key))
  const reasons = Object.values(checklists).flatMap((c) => c.rules.map((r) => r.reason))

  it.each(items)('names the checklist item %s in both languages', (key) => {
    expect(en).toHaveProperty([`inspection.item.${key}`])
    expect(zhCN[`inspection.item.${key}` as keyof typeof en]).toMatch(/[\u4e00-\u9fff]/)
  })

  it.each(reasons)('says the grade rule reason %s in both languages', (reason) => {
    expect(en).toHaveProperty([`inspection.reason.${reason}`])
    expect(zhCN[`inspection.reason.${reason}` as keyof typeof en]).toMatch(/[\u4e00-\u9fff]/)
  })

  it('keeps the near-expiry window as a parameter, not a number in the copy', () => {
    expect(NEAR_EXPIRY_DAYS).toBe(90)
    expect(en['inspection.reason.nearExpiry']).toContain('{days}')
    expect(zhCN['inspection.reason.nearExpiry']).toContain('{days}')
  })
})
