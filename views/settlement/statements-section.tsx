import type { StatementRow } from '../../src/settlement/listing'
import { Notice, type NoticeData } from '../components/notice'
import { CsrfField } from '../components/csrf-field'
import { Money } from '../components/money'
import { usePage } from '../context'
import { statementCsvHref, statementHref, type Names } from './format'
import { formatCount, formatInstant } from '../components/format'

/** Paid (when, by whom) or not yet: payment is kept apart from the frozen figures. */
export function PaidState({ row }: { row: Pick<StatementRow, 'paidAt' | 'paidByName'> }) {
  const { t, locale } = usePage()
  if (!row.paidAt) return <span class="badge badge--unpaid">{t('settlement.paid.no')}</span>
  return (
    <span class="paid">
      <span class="badge badge--paid">{t('settlement.paid.yes')}</span>{' '}
      <span class="paid__who">
        {t('settlement.paid.by', {
          when: formatInstant(row.paidAt, locale),
          who: row.paidByName ?? '—',
        })}
      </span>
    </span>
  )
}

/**
 * One statement of the closed month, with its "mark paid" button while unpaid and, once paid,
 * "undo paid" with a reason until a later month is closed.
 */
export function StatementRowView(props: {
  row: StatementRow
  names: Names
  notice?: NoticeData
  /** What was typed as the reason of an undo that was refused. */
  undoReason?: string
}) {
  const { t, locale } = usePage()
  const { row, names } = props
  const owner = row.merchantId ? names.merchant(row.merchantId) : names.station(row.stationId!)
  return (
    <tr id={`statement-${row.id}`}>
      <th scope="row">
        {row.merchantId ? <a href={statementHref(row.month, row.merchantId)}>{owner}</a> : owner}
      </th>
      {row.stationId && <td class="num">{formatCount(row.parcels, locale)}</td>}
      <td class="num">
        <Money fen={row.totalFen} />
      </td>
      <td>
        <PaidState row={row} />
        {props.notice && <Notice {...props.notice} />}
      </td>
      <td>
        <div class="statement__action">
          {row.merchantId && (
            <a href={statementCsvHref(row.month, row.merchantId)} class="csv-link">
              CSV<span class="visually-hidden"> — {owner}</span>
            </a>
          )}
          {!row.paidAt && (
            <form
              method="post"
              action={`/settlement/statements/${row.id}/paid`}
              hx-post={`/settlement/statements/${row.id}/paid`}
              hx-target="closest tr"
              hx-swap="outerHTML"
              class="inline-form"
            >
              <CsrfField />
              <button type="submit">
                {t('settlement.paid.mark')}
                <span class="visually-hidden"> — {owner}</span>
              </button>
            </form>
          )}
          {row.paidAt && row.paymentOpen && (
            <UndoPaidForm row={row} owner={owner} reason={props.undoReason} />
          )}
        </div>
      </td>
    </tr>
  )
}

/** Undo "paid", with a reason: a disclosure, so the list stays quiet until it is needed. */
function UndoPaidForm(props: { row: StatementRow; owner: string; reason?: string }) {
  const { t } = usePage()
  const { row, owner } = props
  const field = `unpaid-${row.id}`
  return (
    <details class="undo-paid" open={props.reason !== undefined ? true : undefined}>
      <summary>
        {t('settlement.paid.undo')}
        <span class="visually-hidden"> — {owner}</span>
      </summary>
      <form
        method="post"
        action={`/settlement/statements/${row.id}/unpaid`}
        hx-post={`/settlement/statements/${row.id}/unpaid`}
        hx-target="closest tr"
        hx-swap="outerHTML"
        class="inline-form"
      >
        <CsrfField />
        <label for={field}>{t('settlement.paid.undoReason')}</label>
        <input
          id={field}
          name="reason"
          type="text"
          required
          maxlength={200}
          value={props.reason}
          aria-describedby={`${field}-hint`}
        />
        <button type="submit">{t('settlement.paid.undoSubmit')}</button>
        <p id={`${field}-hint`} class="hint">
          {t('settlement.paid.undoHint')}
        </p>
      </form>
    </details>
  )
}

/** The closed month's statements: one per merchant, one per station that earned commissions. */
export function StatementsSection(props: { rows: StatementRow[]; names: Names }) {
  const { t, locale } = usePage()
  const merchants = props.rows.filter((r) => r.merchantId)
  const stations = props.rows.filter((r) => r.stationId)
  const paid = props.rows.filter((r) => r.paidAt).length
  const sum = (rows: StatementRow[]) => rows.reduce((s, r) => s + r.totalFen, 0)
  return (
    <section class="card" id="statements" aria-labelledby="statements-title">
      <h2 id="statements-title">{t('settlement.statements.title')}</h2>
      <p class="hint">
        {t('settlement.statements.paidCount', {
          paid: formatCount(paid, locale),
          count: formatCount(props.rows.length, locale),
        })}
      </p>
      <table class="statements">
        <caption>{t('settlement.statements.merchants')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settlement.preview.merchant')}</th>
            <th scope="col" class="num">
              {t('settlement.statements.total')}
            </th>
            <th scope="col">{t('settlement.statements.paid')}</th>
            <th scope="col">{t('settlement.statements.action')}</th>
          </tr>
        </thead>
        <tbody>
          {merchants.map((row) => (
            <StatementRowView row={row} names={props.names} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('settlement.statements.sum')}</th>
            <td class="num">
              <strong>
                <Money fen={sum(merchants)} />
              </strong>
            </td>
            <td colspan={2}></td>
          </tr>
        </tfoot>
      </table>
      {stations.length > 0 && (
        <table class="statements">
          <caption>{t('settlement.statements.stations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settlement.statements.station')}</th>
              <th scope="col" class="num">
                {t('settlement.commissions.parcels')}
              </th>
              <th scope="col" class="num">
                {t('settlement.statements.earned')}
              </th>
              <th scope="col">{t('settlement.statements.paid')}</th>
              <th scope="col">{t('settlement.statements.action')}</th>
            </tr>
          </thead>
          <tbody>
            {stations.map((row) => (
              <StatementRowView row={row} names={props.names} />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('settlement.statements.sum')}</th>
              <td class="num">
                {formatCount(
                  stations.reduce((s, r) => s + r.parcels, 0),
                  locale,
                )}
              </td>
              <td class="num">
                <strong>
                  <Money fen={sum(stations)} />
                </strong>
              </td>
              <td colspan={2}></td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  )
}
