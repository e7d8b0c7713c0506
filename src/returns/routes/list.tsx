/**
 * The returns list with its search box and filters, and the CSV export of the same filtered
 * list. Merchants see their own, hub operators those bound for their hub, the coordinator the
 * whole alliance: the domain's scope, never the route's.
 */
import { Hono } from 'hono'
import { ReturnsListPage, ReturnsResults } from '../../../views/returns/returns-list'
import { requireRole } from '../../auth/roles'
import { localDate } from '../../calendar/local-date'
import { bom, csvLine, spreadsheetSafe } from '../../csv'
import { fragment, isHtmx } from '../../http/fragments'
import type { AppEnv } from '../../http/types'
import { localizedName } from '../../i18n/localized-name'
import { fenToYuan } from '../../money'
import { listStations } from '../../network/service'
import { parseInput } from '../../parse-input'
import { exportReturns, returnListQuerySchema, searchReturns, type ExportRow } from '../search'
import { destinationHubs } from '../service'

export const listRoutes = new Hono<AppEnv>()

const PAGE_SIZE = 20

const listRoles = ['MERCHANT', 'COORDINATOR', 'HUB_OPERATOR'] as const

listRoutes.get('/returns', async (c) => {
  const { db, now, config } = c.get('deps')
  const actor = requireRole(c.get('actor'), ...listRoles)
  const { after, ...filters } = parseInput(returnListQuerySchema, c.req.query())
  const [page, hubs, stations] = await Promise.all([
    searchReturns(db, actor, { filters, first: PAGE_SIZE, after }, now(), config.contactKey),
    destinationHubs(db, actor),
    listStations(db, actor),
  ])
  const props = {
    returns: page.nodes,
    hubs,
    stations,
    filters,
    after,
    nextCursor: page.hasNextPage ? page.endCursor : null,
    canRegister: actor.role === 'MERCHANT',
  }
  if (isHtmx(c)) return fragment(c, <ReturnsResults {...props} />)
  return c.render(<ReturnsListPage {...props} />, { title: c.get('t')('returns.list.title') })
})

/** Shanghai wall-clock time of an instant, as spreadsheets sort it: `2026-11-25 10:00`. */
const shanghaiTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

listRoutes.get('/returns/export.csv', async (c) => {
  const { db, now, config } = c.get('deps')
  const actor = requireRole(c.get('actor'), ...listRoles)
  const { after: _after, ...filters } = parseInput(returnListQuerySchema, c.req.query())
  const { t, locale } = c.var
  const header = [
    t('returns.csv.code'),
    t('returns.csv.orderRef'),
    t('returns.csv.category'),
    t('returns.csv.item'),
    t('returns.csv.largeItem'),
    t('returns.csv.status'),
    t('returns.csv.hub'),
    t('returns.csv.station'),
    t('returns.csv.created'),
    t('returns.csv.value'),
  ]
  // Every text a person typed may start like a formula; codes and figures cannot.
  const line = (r: ExportRow) =>
    csvLine([
      r.code,
      spreadsheetSafe(r.orderRef),
      t(`category.${r.category}`),
      spreadsheetSafe(r.itemDescription),
      r.largeItem ? t('returns.yes') : t('returns.no'),
      t(`returns.status.${r.status}`),
      spreadsheetSafe(localizedName({ name: r.hubName, nameZh: r.hubNameZh }, locale)),
      spreadsheetSafe(r.stationName ?? ''),
      shanghaiTime(r.createdAt),
      fenToYuan(r.orderValueFen),
    ])
  const pages = exportReturns(db, actor, filters, now(), config.contactKey)
  const encoder = new TextEncoder()
  // One keyset page of rows at a time: a large export never sits in memory whole.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(bom + csvLine(header)))
    },
    async pull(controller) {
      const next = await pages.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value.map(line).join('')))
    },
    async cancel() {
      await pages.return(undefined)
    },
  })
  const name = `${t('returns.csv.filename')}-${localDate(now())}.csv`
  return c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="returns-${localDate(now())}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'private, no-store',
  })
})
