/**
 * Commission amounts on the station forms: typed in yuan, read into integer fen by the shared
 * string-arithmetic parser, with a reason when refused.
 */
import { yuanToFen } from '../money'

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
