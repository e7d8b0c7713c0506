/** Pure insurance arithmetic: premiums, caps and pro-rata payouts, all in integer fen. */
import { apportion } from '../money'

/**
 * The month's premium: order value × rate, rounded half up to the fen.
 * @example premiumFen(1_234_567, 50) // 6173 (6,172.835 rounds up)
 */
export function premiumFen(orderValueFen: number, rateBp: number): number {
  const scaled = BigInt(orderValueFen) * BigInt(rateBp)
  return Number((scaled * 2n + 10_000n) / 20_000n)
}

export interface Payable {
  claimId: string
  outstandingFen: number
}

/**
 * What each approved claim receives from `availableFen`: everything when the pool can pay it
 * all, else shares in proportion to what is outstanding, by largest remainder (ties to the
 * earlier claim), so the payout uses exactly the available fen and no claim gets more than it
 * is owed. The rest stays payable for the next run.
 */
export function payout(availableFen: number, payables: Payable[]): number[] {
  const owed = payables.map((p) => p.outstandingFen)
  const total = owed.reduce((a, b) => a + b, 0)
  if (availableFen <= 0 || total === 0) return owed.map(() => 0)
  if (availableFen >= total) return owed
  return apportion(availableFen, owed)
}
