import type { SettlementLine, SettlementView } from '../../src/settlement/service'
import { Money } from '../components/money'
import { usePage } from '../context'
import type { CostRow } from './costs-section'
import { byKind, formatShare, lineKindOrder, statementHref, type Names } from './format'
import { ItemsTable, type AdjustmentNote } from './items-table'
import { OpenMonthNotice, ParcelFigures, ProjectionFigures } from './month-figures'
import { formatCount, formatMonth } from '../components/format'

export interface PreviewSectionProps {
  month: string
  view: SettlementView
  names: Names
  /** Swapped out of band after a cost or a rule changed it. */
  oob?: boolean
}

export function groupByMerchant(lines: readonly SettlementLine[]) {
  const groups = new Map<string, SettlementLine[]>()
  for (const line of lines) {
    const list = groups.get(line.merchantId) ?? []
    list.push(line)
    groups.set(line.merchantId, list)
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))
}

/** Costs + commissions + premiums + adjustments = total, each part from the lines themselves. */
export function reconcile(view: Pick<SettlementView, 'lines' | 'totalFen' | 'costTotalFen'>) {
  const kinds = byKind(view.lines)
  const costs = kinds.HUB_UNITS + kinds.HUB_BOOKED + kinds.TRANSPORT + kinds.SHARED
  const commissions = kinds.COMMISSION
  const premiums = kinds.PREMIUM
  const adjustments = kinds.ADJUSTMENT
  const ok =
    costs === view.costTotalFen && costs + commissions + premiums + adjustments === view.totalFen
  return { costs, commissions, premiums, adjustments, total: view.totalFen, ok }
}

export function Reconciliation({ view }: { view: PreviewSectionProps['view'] }) {
  const { t } = usePage()
  const r = reconcile(view)
  return (
    <div class={r.ok ? 'reconcile reconcile--ok' : 'reconcile reconcile--bad'} id="reconciliation">
      <p class="reconcile__sum">
        <span>
          {t('settlement.reconcile.costs')} <Money fen={r.costs} />
        </span>
        <span aria-hidden="true"> + </span>
        <span>
          {t('settlement.reconcile.commissions')} <Money fen={r.commissions} />
        </span>
        <span aria-hidden="true"> + </span>
        {r.premiums !== 0 && (
          <>
            <span>
              {t('settlement.reconcile.premiums')} <Money fen={r.premiums} />
            </span>
            <span aria-hidden="true"> + </span>
          </>
        )}
        <span>
          {t('settlement.reconcile.adjustments')} <Money fen={r.adjustments} />
        </span>
        <span aria-hidden="true"> = </span>
        <strong>
          {t('settlement.reconcile.total')} <Money fen={r.total} />
        </strong>
      </p>
      <p class="reconcile__verdict" role="status">
        {r.ok ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t('settlement.reconcile.ok')}
          </>
        ) : (
          t('settlement.reconcile.bad')
        )}
      </p>
      {!r.ok && r.costs !== view.costTotalFen && (
        <p class="hint">
          {t('settlement.reconcile.costsRecorded')} <Money fen={view.costTotalFen} />
        </p>
      )}
    </div>
  )
}

export const itemsHref = (month: string, merchant: string) =>
  `/settlement/items?${new URLSearchParams({ month, merchant })}`

function StatementLink(props: { month: string; merchantId: string; name: string }) {
  const { t } = usePage()
  return (
    <p>
      <a href={statementHref(props.month, props.merchantId)}>
        {t('settlement.preview.statement')}
        <span class="visually-hidden"> — {props.name}</span>
      </a>
    </p>
  )
}

/**
 * One merchant's items, loaded when its row is unfolded (a month of 200 merchants would
 * otherwise put thousands of rows on the page): each item with its basis in words.
 */
export function MerchantItems(props: {
  month: string
  merchantId: string
  lines: readonly SettlementLine[]
  names: Names
  costs: ReadonlyMap<string, CostRow>
  adjustments: readonly AdjustmentNote[]
}) {
  const total = props.lines.reduce((sum, l) => sum + l.amountFen, 0)
  return (
    <>
      <ItemsTable
        lines={props.lines}
        names={props.names}
        costs={props.costs}
        adjustments={props.adjustments}
        showKind
        total={total}
      />
      <StatementLink
        month={props.month}
        merchantId={props.merchantId}
        name={props.names.merchant(props.merchantId)}
      />
    </>
  )
}

/**
 * The month as it would close now (or as it closed): the reconciliation, then one row per
 * merchant with its share by kind, each with its items unfolding below it (loaded by htmx; the
 * link to the merchant's statement shows the same without JavaScript).
 */
export function PreviewSection(props: PreviewSectionProps) {
  const { t, locale } = usePage()
  const { view, names } = props
  const groups = groupByMerchant(view.lines)
  const totals = byKind(view.lines)
  const kinds = lineKindOrder.filter((k) => view.lines.some((l) => l.kind === k))
  const columns = kinds.length + 3
  return (
    <section
      class="card"
      id="preview"
      aria-labelledby="preview-title"
      hx-swap-oob={props.oob ? 'true' : undefined}
    >
      <h2 id="preview-title">
        {t(
          view.status === 'CLOSED' ? 'settlement.preview.closedTitle' : 'settlement.preview.title',
          {
            month: formatMonth(props.month, locale),
          },
        )}
      </h2>
      <OpenMonthNotice of={view} />
      {view.status === 'OPEN' && <p class="hint">{t('settlement.preview.live')}</p>}
      <dl class="figures">
        <ParcelFigures of={view} />
      </dl>
      <ProjectionFigures of={view} id="preview-projection" />
      <Reconciliation view={view} />
      {groups.length === 0 ? (
        <p class="muted">{t('settlement.preview.empty')}</p>
      ) : (
        <table class="preview">
          <caption class="visually-hidden">
            {t('settlement.preview.caption', {
              merchants: formatCount(groups.length, locale),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('settlement.preview.merchant')}</th>
              <th scope="col" class="num">
                {t('settlement.preview.share')}
              </th>
              {kinds.map((k) => (
                <th scope="col" class="num">
                  {t(`settlement.kindShort.${k}`)}
                </th>
              ))}
              <th scope="col" class="num">
                {t('settlement.preview.total')}
              </th>
            </tr>
          </thead>
          {groups.map(([merchantId, lines]) => {
            const mine = byKind(lines)
            const share = lines.reduce((sum, l) => sum + l.amountFen, 0)
            const name = names.merchant(merchantId)
            return (
              <tbody class="merchant" id={`merchant-${merchantId}`}>
                <tr>
                  <th scope="row">{name}</th>
                  <td class="num">{formatShare(share, view.totalFen, locale)}</td>
                  {kinds.map((k) => (
                    <td class={mine[k] === 0 ? 'num muted' : 'num'}>
                      <Money fen={mine[k]} />
                    </td>
                  ))}
                  <td class="num">
                    <strong>
                      <Money fen={share} />
                    </strong>
                  </td>
                </tr>
                <tr class="drill">
                  <td colspan={columns}>
                    <details
                      hx-get={itemsHref(props.month, merchantId)}
                      hx-trigger="toggle once"
                      hx-target="find .drill__items"
                      hx-swap="innerHTML"
                    >
                      <summary>
                        {t('settlement.preview.items', {
                          count: formatCount(lines.length, locale),
                        })}
                        <span class="visually-hidden"> — {name}</span>
                      </summary>
                      <div class="drill__items" aria-live="polite">
                        <StatementLink month={props.month} merchantId={merchantId} name={name} />
                      </div>
                    </details>
                  </td>
                </tr>
              </tbody>
            )
          })}
          <tfoot>
            <tr>
              <th scope="row">{t('settlement.preview.allMerchants')}</th>
              <td class="num">{formatShare(view.totalFen, view.totalFen, locale)}</td>
              {kinds.map((k) => (
                <td class="num">
                  <Money fen={totals[k]} />
                </td>
              ))}
              <td class="num">
                <strong>
                  <Money fen={view.totalFen} />
                </strong>
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  )
}
