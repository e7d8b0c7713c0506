import { categories, returnStatuses } from '../../db/schema'
import type { Hub, Station } from '../../src/network/service'
import type { ReturnFilters } from '../../src/returns/search'
import { slaStates } from '../../src/returns/search'
import type { Return } from '../../src/returns/service'
import { Money } from '../components/money'
import { usePage } from '../context'
import { selectOptions } from '../components/options'
import { page } from '../components/template'
import { ReturnCode, StatusBadge } from './bits'
import { formatInstant } from '../components/format'
import { localizedName } from '../../src/i18n/localized-name'

interface ReturnsListProps {
  returns: Return[]
  hubs: Hub[]
  /** Stations to filter by; empty when the actor has no use for the filter. */
  stations: Station[]
  filters: ReturnFilters
  /** Set when this is not the first page. */
  after?: string
  nextCursor: string | null
  canRegister: boolean
}

/** The filters as a query string (without empty ones), with an optional page position. */
export const filtersQuery = (filters: ReturnFilters, after?: string) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, String(v))
  if (after) q.set('after', after)
  return q.toString()
}

export const returnsHref = (filters: ReturnFilters, after?: string) => {
  const query = filtersQuery(filters, after)
  return query ? `/returns?${query}` : '/returns'
}

const filtered = (f: ReturnFilters) => Object.values(f).some((v) => v !== undefined && v !== '')

const htmxLink = (href: string) => ({
  href,
  'hx-get': href,
  'hx-target': '#returns-results',
  'hx-swap': 'outerHTML',
  'hx-push-url': 'true',
})

export function ReturnsListPage(props: ReturnsListProps) {
  const { t } = usePage()
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
      <ReturnsFilters {...props} />
      <ReturnsResults {...props} />
    </>
  )
}

function ReturnsFilters({ filters: f, hubs, stations }: ReturnsListProps) {
  const { t, locale } = usePage()
  return (
    <form
      class="filters returns-filters"
      method="get"
      action="/returns"
      role="search"
      aria-label={t('returns.search.label')}
      hx-get="/returns"
      hx-target="#returns-results"
      hx-swap="outerHTML"
      hx-push-url="true"
    >
      <label for="returns-search">{t('returns.search.box')}</label>
      <input
        id="returns-search"
        name="search"
        type="search"
        value={f.search ?? ''}
        maxlength={100}
        autocomplete="off"
        aria-describedby="returns-search-hint"
      />
      <p id="returns-search-hint" class="hint">
        {t('returns.search.hint')}
      </p>
      <label for="status-filter">{t('returns.list.filter')}</label>
      <select id="status-filter" name="status">
        {selectOptions(
          [
            ['', t('returns.list.all')],
            ...returnStatuses.map((s) => [s, t(`returns.status.${s}`)] as const),
          ],
          f.status ?? '',
        )}
      </select>
      <label for="category-filter">{t('returns.list.category')}</label>
      <select id="category-filter" name="category">
        {selectOptions(
          [
            ['', t('returns.search.anyCategory')],
            ...categories.map((c) => [c, t(`category.${c}`)] as const),
          ],
          f.category ?? '',
        )}
      </select>
      {hubs.length > 1 && (
        <>
          <label for="hub-filter">{t('returns.list.hub')}</label>
          <select id="hub-filter" name="hubId">
            {selectOptions(
              [
                ['', t('returns.search.anyHub')],
                ...hubs.map((h) => [h.id, localizedName(h, locale)] as const),
              ],
              f.hubId ?? '',
            )}
          </select>
        </>
      )}
      {stations.length > 0 && (
        <>
          <label for="station-filter">{t('returns.search.station')}</label>
          <select id="station-filter" name="stationId">
            {selectOptions(
              [
                ['', t('returns.search.anyStation')],
                ...stations.map((s) => [s.id, s.storeName] as const),
              ],
              f.stationId ?? '',
            )}
          </select>
        </>
      )}
      <label for="sla-filter">{t('returns.search.sla')}</label>
      <select id="sla-filter" name="slaState">
        {selectOptions(
          [
            ['', t('returns.search.anySla')],
            ...slaStates.map((s) => [s, t(`returns.sla.${s}`)] as const),
          ],
          f.slaState ?? '',
        )}
      </select>
      <label for="created-from">{t('returns.search.from')}</label>
      <input id="created-from" name="createdFrom" type="date" value={f.createdFrom ?? ''} />
      <label for="created-to">{t('returns.search.to')}</label>
      <input id="created-to" name="createdTo" type="date" value={f.createdTo ?? ''} />
      <button type="submit">{t('returns.list.apply')}</button>
      <a href="/returns">{t('returns.search.clear')}</a>
    </form>
  )
}

/** The list, the pager and the export link; also the htmx fragment that replaces itself. */
export function ReturnsResults(props: ReturnsListProps) {
  const { t, locale } = usePage()
  const hubName = (id: string) => {
    const hub = props.hubs.find((h) => h.id === id)
    return hub ? localizedName(hub, locale) : id
  }
  const query = filtersQuery(props.filters)
  // A page shows up to a hundred rows: each a template, not a tree of JSX elements.
  const label = {
    code: t('returns.list.code'),
    orderRef: t('returns.list.orderRef'),
    category: t('returns.list.category'),
    status: t('returns.list.status'),
    hub: t('returns.list.hub'),
    created: t('returns.list.created'),
    value: t('returns.list.value'),
  }
  const rows = props.returns.map(
    (r) => page`
      <tr>
        <th scope="row" data-label="${label.code}"><a href="/returns/${r.id}">${ReturnCode({ code: r.code })}</a></th>
        <td data-label="${label.orderRef}">${r.orderRef}</td>
        <td data-label="${label.category}">${t(`category.${r.category}`)}</td>
        <td data-label="${label.status}">${StatusBadge({ status: r.status })}</td>
        <td data-label="${label.hub}">${hubName(r.hubId)}</td>
        <td data-label="${label.created}" class="nowrap"><time datetime="${r.createdAt}">${formatInstant(r.createdAt, locale)}</time></td>
        <td data-label="${label.value}" class="num">${Money({ fen: r.orderValueFen })}</td>
      </tr>`,
  )
  return (
    <section
      id="returns-results"
      class="card"
      aria-live="polite"
      aria-label={t('returns.list.title')}
    >
      <p>
        <a href={query ? `/returns/export.csv?${query}` : '/returns/export.csv'} download>
          {t('returns.search.export')}
        </a>
      </p>
      {props.returns.length === 0 ? (
        <p class="muted">
          {filtered(props.filters) ? t('returns.list.emptyFiltered') : t('returns.list.empty')}
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
          <tbody>{rows}</tbody>
        </table>
      )}
      {(props.after || props.nextCursor) && (
        <nav class="pager" aria-label={t('returns.list.pages')}>
          {props.after && (
            <a {...htmxLink(returnsHref(props.filters))}>{t('returns.list.first')}</a>
          )}
          {props.nextCursor && (
            <a {...htmxLink(returnsHref(props.filters, props.nextCursor))} rel="next">
              {t('returns.list.next')}
            </a>
          )}
        </nav>
      )}
    </section>
  )
}
