import { returnStatuses, type ReturnStatus } from '../../db/schema'
import type { Hub } from '../../src/network/service'
import type { Return } from '../../src/returns/service'
import { Money } from '../components/money'
import { usePage } from '../context'
import { ReturnCode, StatusBadge } from './bits'
import { formatInstant } from '../components/format'
import { localizedName } from '../../src/i18n/localized-name'

interface ReturnsListProps {
  returns: Return[]
  hubs: Hub[]
  status?: ReturnStatus
  /** Set when this is not the first page. */
  after?: string
  nextCursor: string | null
  canRegister: boolean
}

export const returnsHref = (status?: ReturnStatus, after?: string) => {
  const q = new URLSearchParams()
  if (status) q.set('status', status)
  if (after) q.set('after', after)
  const query = q.toString()
  return query ? `/returns?${query}` : '/returns'
}

export function ReturnsListPage(props: ReturnsListProps) {
  const { t, locale } = usePage()
  const hubName = (id: string) => {
    const hub = props.hubs.find((h) => h.id === id)
    return hub ? localizedName(hub, locale) : id
  }
  return (
    <>
      <div class="toolbar">
        <h1>{t('returns.list.title')}</h1>
        {props.canRegister && (
          <a class="button button--primary" href="/returns/new">
            {t('returns.list.new')}
          </a>
        )}
        {props.canRegister && (
          <a class="button" href="/returns/import">
            {t('returns.import.link')}
          </a>
        )}
      </div>
      <form class="filter" method="get" action="/returns">
        <label for="status-filter">{t('returns.list.filter')}</label>
        <select id="status-filter" name="status">
          <option value="" selected={!props.status}>
            {t('returns.list.all')}
          </option>
          {returnStatuses.map((s) => (
            <option value={s} selected={s === props.status}>
              {t(`returns.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('returns.list.apply')}</button>
      </form>
      <section class="card">
        {props.returns.length === 0 ? (
          <p class="muted">
            {props.status ? t('returns.list.emptyFiltered') : t('returns.list.empty')}
          </p>
        ) : (
          <table class="returns-table">
            <thead>
              <tr>
                <th scope="col">{t('returns.list.code')}</th>
                <th scope="col">{t('returns.list.orderRef')}</th>
                <th scope="col">{t('returns.list.category')}</th>
                <th scope="col">{t('returns.list.status')}</th>
                <th scope="col">{t('returns.list.hub')}</th>
                <th scope="col">{t('returns.list.created')}</th>
                <th scope="col" class="num">
                  {t('returns.list.value')}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.returns.map((r) => (
                <tr>
                  <th scope="row" data-label={t('returns.list.code')}>
                    <a href={`/returns/${r.id}`}>
                      <ReturnCode code={r.code} />
                    </a>
                  </th>
                  <td data-label={t('returns.list.orderRef')}>{r.orderRef}</td>
                  <td data-label={t('returns.list.category')}>{t(`category.${r.category}`)}</td>
                  <td data-label={t('returns.list.status')}>
                    <StatusBadge status={r.status} />
                  </td>
                  <td data-label={t('returns.list.hub')}>{hubName(r.hubId)}</td>
                  <td data-label={t('returns.list.created')} class="nowrap">
                    <time datetime={r.createdAt}>{formatInstant(r.createdAt, locale)}</time>
                  </td>
                  <td data-label={t('returns.list.value')} class="num">
                    <Money fen={r.orderValueFen} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {(props.after || props.nextCursor) && (
          <nav class="pager" aria-label={t('returns.list.title')}>
            {props.after && <a href={returnsHref(props.status)}>{t('returns.list.first')}</a>}
            {props.nextCursor && (
              <a href={returnsHref(props.status, props.nextCursor)} rel="next">
                {t('returns.list.next')}
              </a>
            )}
          </nav>
        )}
      </section>
    </>
  )
}
