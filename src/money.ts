import type { Locale } from '../db/schema'
import { numbersWith } from './i18n/intl'

const yuan = numbersWith({ style: 'currency', currency: 'CNY' })

/**
 * Formats integer fen as CNY for people; the only place fen become yuan.
 * @example formatFen(123456, 'zh-CN') // '¥1,234.56'
 */
export function formatFen(fen: number, locale: Locale): string {
  if (!Number.isSafeInteger(fen)) throw new TypeError(`fen must be an integer, got ${fen}`)
  return yuan(locale).format(fen / 100)
}

/**
 * Splits `totalFen` in proportion to `weights` so the parts always sum to the total: each part
 * gets the floor of its share, then the remaining fen go one each to the largest remainders,
 * ties to the earlier weight (stable, so the same inputs always give the same split).
 * @example apportion(100, [1, 1, 1]) // [34, 33, 33]
 */
export function apportion(totalFen: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalFen)) throw new TypeError('totalFen must be an integer')
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new TypeError('weights must be non-negative integers')
  }
  const weightSum = weights.reduce((a, b) => a + b, 0)
  if (weights.length === 0 || weightSum === 0) {
    if (totalFen === 0) return weights.map(() => 0)
    throw new RangeError('cannot apportion a non-zero total over zero weights')
  }
  const sign = totalFen < 0 ? -1 : 1
  const total = BigInt(Math.abs(totalFen))
  const sum = BigInt(weightSum)
  const parts = weights.map((w) => (total * BigInt(w)) / sum)
  const remainders = weights.map((w, i) => ({ i, r: (total * BigInt(w)) % sum }))
  let left = Number(total - parts.reduce((a, b) => a + b, 0n))
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  for (const { i } of remainders) {
    if (left === 0) break
    parts[i] = parts[i]! + 1n
    left--
  }
  return parts.map((p) => sign * Number(p))
}

export type YuanError = 'EMPTY' | 'FORMAT' | 'DECIMALS'

/**
 * Reads an amount of yuan as people type it into a form and gives integer fen, by moving the
 * decimal point in the string: never `parseFloat(x) * 100`, which turns 0.29 into 28.999….
 * Accepts up to 2 decimals, a leading ¥/￥ or trailing 元, thousands commas (1,234.50),
 * full-width digits from a Chinese keyboard and surrounding spaces; with `signed`, a minus before
 * or after the ¥ (an adjustment that credits a merchant). Anything else is refused with the
 * reason. Amounts too large to be exact come back as Number.MAX_SAFE_INTEGER so a range check
 * (`moneyRanges`) refuses them as too large rather than as malformed. The one reader of yuan:
 * every form reads money through it.
 * @example parseYuan('258.00') // { fen: 25800 }
 * @example parseYuan('-¥50', { signed: true }) // { fen: -5000 }
 * @example parseYuan('12.345') // { error: 'DECIMALS' }
 */
export function parseYuan(
  typed: string,
  options: { signed?: boolean } = {},
): { fen: number } | { error: YuanError } {
  let s = typed
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\u2212/g, '-')
  if (s === '') return { error: 'EMPTY' }
  const signed = /^([-+]?)¥?([-+]?)(.*?)元?$/.exec(s)!
  if (signed[1] && signed[2]) return { error: 'FORMAT' }
  const negative = (signed[1] || signed[2]) === '-'
  if (negative && !options.signed) return { error: 'FORMAT' }
  s = signed[3]!
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, '')
  const match = /^(\d*)(?:\.(\d*))?$/.exec(s)
  if (!match) return { error: 'FORMAT' }
  const [, whole = '', fraction = ''] = match
  if (whole === '' && fraction === '') return { error: 'FORMAT' }
  if (fraction.length > 2) return { error: 'DECIMALS' }
  const digits = `${whole}${fraction.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '')
  const fen = digits.length > 15 ? Number.MAX_SAFE_INTEGER : Number(digits)
  return { fen: negative && fen !== 0 ? -fen : fen }
}

/**
 * `parseYuan` for a form that says only "not an amount": integer fen, or null.
 * @example yuanToFen('0.1') // 10
 * @example yuanToFen('12.345') // null
 */
export function yuanToFen(input: string): number | null {
  const read = parseYuan(input)
  return 'fen' in read ? read.fen : null
}

/**
 * Integer fen written as plain yuan with two decimals, for form fields and CSV (pages show money
 * with `formatFen`).
 * @example fenToYuan(25800) // '258.00'
 * @example fenToYuan(-5000) // '-50.00'
 */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount in fen: ${fen}`)
  const abs = Math.abs(fen)
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
