/**
 * Which page posts of money actions first show a confirmation (views/components/confirm-step):
 * irreversible ones always, large ones from a threshold. GraphQL mutations stay one step, as a
 * program confirms by calling.
 */

/** The form field a confirmation step posts back. */
export const confirmField = 'confirm'

/**
 * True while the post still needs its confirmation: not yet confirmed, and either always
 * confirmed (no threshold) or at least `atFen` either way.
 * @example needsConfirmation({ amount: '50' }) // true
 * @example needsConfirmation({ confirm: '1' }) // false
 * @example needsConfirmation({}, { amountFen: -500, atFen: 1_000_000 }) // false
 */
export function needsConfirmation(
  form: Record<string, unknown>,
  threshold?: { amountFen: number; atFen: number },
): boolean {
  if (form[confirmField] === '1') return false
  return threshold === undefined || Math.abs(threshold.amountFen) >= threshold.atFen
}
