import type { SettlementLine } from '../../src/settlement/service'
import { Money } from '../components/money'
import { usePage } from '../context'
import type { CostRow } from './costs-section'
import { lineKindOrder, type Names } from './format'
import { basisWords } from './messages'

export interface AdjustmentNote {
  reason: string
  originalMonth: string | null
}

export interface ItemsTableProps {
  lines: readonly SettlementLine[]
  names: Names
  costs: ReadonlyMap<string, CostRow>
  /** The reasons of the ADJUSTMENT lines among `lines`, in their order. */
  adjustments: readonly AdjustmentNote[]
  caption?: string
  /** Show the kind of each line (when the table is not already grouped by kind). */
  showKind?: boolean
  total?: number
}

/**
 * The lines of one merchant: what each is for, its basis in words (fallbacks said explicitly),
 * the whole cost it is a part of, and the merchant's share.
 */
export function ItemsTable(props: ItemsTableProps) {
  const { t, locale } = usePage()
  const { names, costs } = props
  // Adjustment reasons go with the ADJUSTMENT lines in their stored order; then the largest
  // items of each kind come first.
  let adjustment = 0
  const rows = props.lines
    .map((line, i) => ({
      line,
      i,
      adj: line.kind === 'ADJUSTMENT' ? props.adjustments[adjustment++] : undefined,
    }))
    .sort(
      (a, b) =>
        lineKindOrder.indexOf(a.line.kind) - lineKindOrder.indexOf(b.line.kind) ||
        b.line.amountFen - a.line.amountFen ||
        a.i - b.i,
    )
  return (
    <table class="items">
      {props.caption && <caption>{props.caption}</caption>}
      <thead>
        <tr>
          {props.showKind && (
            <th scope="col" class="items__kind">
              {t('settlement.items.kind')}
            </th>
          )}
          <th scope="col" class="items__what">
            {t('settlement.items.what')}
          </th>
          <th scope="col">{t('settlement.items.basis')}</th>
          <th scope="col" class="num items__money">
            {t('settlement.items.cost')}
          </th>
          <th scope="col" class="num items__money">
            {t('settlement.items.share')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ line, adj }) => {
          const cost = line.costId ? costs.get(line.costId) : undefined
          const basis = basisWords({ t, locale }, line, names, adj)
          const what = cost
            ? cost.note ||
              `${cost.hubId ? names.hub(cost.hubId) : t('settlement.cost.network')} · ${t(`settlement.costKind.${cost.kind}`)}`
            : line.stationId
              ? names.station(line.stationId)
              : t(`settlement.kind.${line.kind}`)
          return (
            <tr>
              {props.showKind && <td>{t(`settlement.kindShort.${line.kind}`)}</td>}
              <td>{what}</td>
              <td>
                {basis.text}
                {basis.fallback && (
                  <p class="basis__fallback">
                    <strong>{t('settlement.items.fallback')}</strong> {basis.fallback}
                  </p>
                )}
              </td>
              <td class="num muted">{cost ? <Money fen={cost.amountFen} /> : '—'}</td>
              <td class="num">
                <Money fen={line.amountFen} />
              </td>
            </tr>
          )
        })}
      </tbody>
      {props.total !== undefined && (
        <tfoot>
          <tr>
            <th scope="row" colspan={props.showKind ? 4 : 3}>
              {t('settlement.items.total')}
            </th>
            <td class="num">
              <strong>
                <Money fen={props.total} />
              </strong>
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  )
}
