import { formatFen } from '../../src/money'
import { usePage } from '../context'

/** Integer fen shown as CNY in the page's language. */
export function Money({ fen }: { fen: number }) {
  const { locale } = usePage()
  return <span class="money">{formatFen(fen, locale)}</span>
}
