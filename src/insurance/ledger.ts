/**
 * The pool's double-entry postings. Each builder returns entries that sum to zero; the database
 * refuses any transaction that does not (migration 0010). Accounts:
 * `pool:cash` (money held), `pool:fund` (the members' pool), `premiums_receivable:<merchant>`,
 * `claims_payable:<merchant>`. Debits positive, credits negative.
 */
export interface Entry {
  account: string
  amountFen: number
}

export const accounts = {
  cash: 'pool:cash',
  fund: 'pool:fund',
  receivable: (merchantId: string) => `premiums_receivable:${merchantId}`,
  payable: (merchantId: string) => `claims_payable:${merchantId}`,
}

/** A premium charged on the month's statement: the merchant owes it to the pool. */
export const premiumCharged = (merchantId: string, fen: number): Entry[] => [
  { account: accounts.receivable(merchantId), amountFen: fen },
  { account: accounts.fund, amountFen: -fen },
]

/** The statement was paid: the premium is now cash in the pool. */
export const premiumCollected = (merchantId: string, fen: number): Entry[] => [
  { account: accounts.cash, amountFen: fen },
  { account: accounts.receivable(merchantId), amountFen: -fen },
]

/** An approved claim: the pool now owes the merchant. */
export const claimApproved = (merchantId: string, fen: number): Entry[] => [
  { account: accounts.fund, amountFen: fen },
  { account: accounts.payable(merchantId), amountFen: -fen },
]

/** A payout run: each claim's share leaves the pool's cash. */
export function claimsPaid(payments: { merchantId: string; fen: number }[]): Entry[] {
  const paid = payments.filter((p) => p.fen > 0)
  const total = paid.reduce((a, p) => a + p.fen, 0)
  return [
    ...paid.map((p) => ({ account: accounts.payable(p.merchantId), amountFen: p.fen })),
    ...(total > 0 ? [{ account: accounts.cash, amountFen: -total }] : []),
  ]
}
