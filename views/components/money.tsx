import { formatFen } from '../../src/money'
import { usePage } from '../context'
import { page } from './template'

/** Integer fen shown as CNY in the page's language (a template: tables show one per row). */
export function Money({ fen }: { fen: number }) {
  const { locale } = usePage()
  return page`<span class="money">${formatFen(fen, locale)}</span>`
}
