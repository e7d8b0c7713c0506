import { describe, expect, it } from 'vitest'
import { needsConfirmation } from './confirm'

describe('needsConfirmation', () => {
  it.each([
    { form: {}, threshold: undefined, needs: true },
    { form: { confirm: '1' }, threshold: undefined, needs: false },
    { form: { confirm: 'yes' }, threshold: undefined, needs: true },
    { form: {}, threshold: { amountFen: 999_999, atFen: 1_000_000 }, needs: false },
    { form: {}, threshold: { amountFen: 1_000_000, atFen: 1_000_000 }, needs: true },
    { form: {}, threshold: { amountFen: -1_000_000, atFen: 1_000_000 }, needs: true },
    {
      form: { confirm: '1' },
      threshold: { amountFen: -5_000_000, atFen: 1_000_000 },
      needs: false,
    },
  ])('asks for $form with $threshold: $needs', ({ form, threshold, needs }) => {
    expect(needsConfirmation(form, threshold)).toBe(needs)
  })
})
