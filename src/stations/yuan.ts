/**
 * Commission amounts on the station forms: typed in yuan, read into integer fen by the shared
 * string-arithmetic parser, with a reason when refused; and fen shown back exactly for editing.
 */
import { yuanToFen } from '../returns/yuan'

export type YuanError = 'EMPTY' | 'FORMAT' | 'DECIMALS'

/**
 * @example readYuan('2.5') // { fen: 250 }
 * @example readYuan('1.234') // { error: 'DECIMALS' }
 */
export function readYuan(typed: string): { fen: number } | { error: YuanError } {
  if (typed.trim() === '') return { error: 'EMPTY' }
  const fen = yuanToFen(typed)
  if (fen !== null) return { fen }
  const tooPrecise = /^[¥]?[\d,]*\.\d{3,}元?$/.test(typed.normalize('NFKC').replace(/\s+/g, ''))
  return { error: tooPrecise ? 'DECIMALS' : 'FORMAT' }
}

/**
 * Integer fen as the yuan a form shows for editing, exactly.
 * @example fenToYuan(250) // '2.50'
 */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`)
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}
