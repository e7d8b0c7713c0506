/**
 * What people type on the settlement pages, read exactly: yuan become integer fen and percentages
 * become basis points by moving the decimal point in the string, never by multiplying a float
 * (999.99 * 100 is 99998.99999999999).
 */
import { parseYuan, type YuanError } from '../money'
import { moneyRanges } from '../money-ranges'

export type AmountError = YuanError | 'ZERO' | 'TOO_LARGE'

/**
 * An amount in yuan as typed, read by `parseYuan` (with `signed`, a minus makes it negative, for
 * adjustments that credit a merchant). Zero is refused, and so is anything larger either way than
 * `maxFen` (by default a cost's maximum, `moneyRanges.costFen`).
 * @example readAmount('999.99') // { fen: 99999 }
 * @example readAmount('-¥50', { signed: true }) // { fen: -5000 }
 * @example readAmount('1.234') // { error: 'DECIMALS' }
 */
export function readAmount(
  typed: string,
  options: { signed?: boolean; maxFen?: number } = {},
): { fen: number } | { error: AmountError } {
  const read = parseYuan(typed, { signed: options.signed })
  if ('error' in read) return read
  if (Math.abs(read.fen) > (options.maxFen ?? moneyRanges.costFen.maxFen)) {
    return { error: 'TOO_LARGE' }
  }
  return read.fen === 0 ? { error: 'ZERO' } : read
}

export type PercentError = 'EMPTY' | 'FORMAT' | 'RANGE'

/**
 * A percentage from 0 to 100 with up to 2 decimals, as basis points.
 * @example percentToBp('20') // { bp: 2000 }
 * @example percentToBp('12.5%') // { bp: 1250 }
 */
export function percentToBp(typed: string): { bp: number } | { error: PercentError } {
  const s = typed.normalize('NFKC').replace(/\s+/g, '').replace(/%$/, '')
  if (s === '') return { error: 'EMPTY' }
  const match = /^(\d{1,3})?(?:\.(\d{0,2}))?$/.exec(s)
  if (!match || (match[1] === undefined && !match[2])) return { error: 'FORMAT' }
  const bp = Number(match[1] ?? '0') * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return bp > 10_000 ? { error: 'RANGE' } : { bp }
}

/**
 * Basis points as the percentage a form shows, without trailing zeros.
 * @example bpToPercent(2050) // '20.5'
 */
export function bpToPercent(bp: number): string {
  const whole = Math.floor(bp / 100)
  const fraction = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : String(whole)
}
