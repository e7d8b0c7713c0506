/**
 * The range of every amount of money a person or a program may enter, in fen, written once: the
 * zod schemas (shared by each form and its GraphQL resolver), the page copy that names a limit
 * and the README's table read them from here. Rules that depend on stored data (a refund at most
 * the return's order value, a declaration at most the alliance's maximum, a claim at most the
 * claim cap) are checked by the domain and by database triggers on top of these static bounds.
 */
import * as z from './zod'

/** An inclusive range of integer fen. */
export interface FenRange {
  minFen: number
  maxFen: number
}

/** ¥1,000,000: the most one returned order (and so one refund or one claim) is worth. */
const orderValueMaxFen = 100_000_000

export const moneyRanges = {
  /** A return's order value at registration; 0 for goods given free. */
  returnOrderValueFen: { minFen: 0, maxFen: orderValueMaxFen },
  /** A refund on resolution; never zero, and at most the return's order value (data-dependent). */
  refundFen: { minFen: 1, maxFen: orderValueMaxFen },
  /**
   * A month's declared order value; at most the alliance's `maxDeclarationFen` in force that
   * month (data-dependent). This ceiling bounds what any alliance maximum may be: ¥10 billion.
   */
  declarationFen: { minFen: 0, maxFen: 1_000_000_000_000 },
  /** A claimed loss; at most the claim cap in force and the return's order value (data). */
  claimFen: { minFen: 1, maxFen: orderValueMaxFen },
  /** A claim decision's approved amount; at most the claim and its cap (data-dependent). */
  approvedFen: { minFen: 0, maxFen: orderValueMaxFen },
  /** One cost entry (typed or from a recurring template): ¥10,000,000 at most. */
  costFen: { minFen: 1, maxFen: 1_000_000_000 },
  /** An adjustment's size either way (a credit is negative); never zero. */
  adjustmentFen: { minFen: -orderValueMaxFen, maxFen: orderValueMaxFen },
  /** A station's commission per parcel, ordinary or large item: ¥10,000 at most. */
  commissionFen: { minFen: 0, maxFen: 1_000_000 },
} as const satisfies Record<string, FenRange>

export type MoneyField = keyof typeof moneyRanges

/**
 * The alliance maximum for one month's declaration when its settings name none: ¥100,000,000,
 * far above what a small member sells in a month (a 30,000,000-yuan month is accepted).
 */
export const defaultMaxDeclarationFen = 10_000_000_000

/** On pages, an adjustment this large either way (¥10,000) is confirmed before it is written. */
export const adjustmentConfirmAboveFen = 1_000_000

/**
 * A zod schema for integer fen within `range`; `coerce` for inputs that may arrive as strings.
 * Messages name the limit in fen, as the API speaks fen.
 * @example fenSchema(moneyRanges.costFen, 'the amount').parse(500) // 500
 */
export function fenSchema(range: FenRange, what: string, options: { coerce?: boolean } = {}) {
  const number = options.coerce ? z.coerce.number : z.number
  return number({ error: `enter ${what} in fen` }).check(
    z.int({ error: 'enter whole fen' }),
    z.gte(range.minFen, {
      error:
        range.minFen === 0
          ? 'cannot be negative'
          : range.minFen === 1
            ? 'must be more than zero'
            : `at least ${range.minFen} fen`,
    }),
    z.lte(range.maxFen, { error: `at most ${range.maxFen} fen` }),
  )
}
