/**
 * Reads an amount of yuan as people type it into a form and gives integer fen, by moving the
 * decimal point in the string: never `parseFloat(x) * 100`, which turns 0.29 into 28.999….
 * Accepts up to 2 decimals, a leading ¥/￥ or trailing 元, thousands commas (1,234.50),
 * full-width digits from a Chinese keyboard and surrounding spaces. Anything else is null.
 * Amounts too large to be exact come back as Number.MAX_SAFE_INTEGER so a range check refuses
 * them as too large rather than as malformed.
 * @example yuanToFen('258.00') // 25800
 * @example yuanToFen('0.1') // 10
 * @example yuanToFen('12.345') // null
 */
export function yuanToFen(input: string): number | null {
  const s = input.normalize('NFKC').replace(/\s+/g, '').replace(/^¥/, '').replace(/元$/, '')
  const plain = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s) ? s.replace(/,/g, '') : s
  const match = /^(\d*)(?:\.(\d{0,2}))?$/.exec(plain)
  if (!match) return null
  const [, whole = '', fraction = ''] = match
  if (whole === '' && fraction === '') return null
  const digits = `${whole}${fraction.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '')
  return digits.length > 15 ? Number.MAX_SAFE_INTEGER : Number(digits)
}
