/**
 * A refund typed in yuan on the desk becomes integer fen by moving the decimal point in the
 * string, never by multiplying a float (0.29 * 100 is 28.999…). Accepts up to two decimals, a
 * leading ¥/￥, a trailing 元, thousands commas and full-width digits; anything else is null.
 * @example yuanToFen('258.00') // 25800
 * @example yuanToFen('０.２９') // 29
 * @example yuanToFen('1.005') // null
 */
export function yuanToFen(input: string): number | null {
  const s = input.normalize('NFKC').replace(/\s+/g, '').replace(/^¥/, '').replace(/元$/, '')
  const plain = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s) ? s.replace(/,/g, '') : s
  const match = /^(\d*)(?:\.(\d{0,2}))?$/.exec(plain)
  if (!match) return null
  const [, whole = '', fraction = ''] = match
  if (whole === '' && fraction === '') return null
  const digits = `${whole}${fraction.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '')
  // Beyond 15 digits a Number is no longer exact; no order is worth that much anyway.
  return digits.length > 15 ? null : Number(digits)
}

/**
 * Integer fen written as yuan for a form field, exactly.
 * @example fenToYuan(25800) // '258.00'
 */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`)
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}
