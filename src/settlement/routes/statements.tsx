/** A merchant's statements (coordinators: any merchant's): by month, one month's, and its CSV. */
import { Hono } from 'hono'
import { formatMonth } from '../../../views/components/format'
import { namesFor } from '../../../views/settlement/format'
import { StatementPage } from '../../../views/settlement/statement-page'
import { MerchantChooser, StatementsPage } from '../../../views/settlement/statements-page'
import { requireRole } from '../../auth/roles'
import type { AppEnv } from '../../http/types'
import { listHubs, listMerchants, listStations } from '../../network/service'
import { statementCsv } from '../csv'
import { adjustmentsLandingIn, costsByIds, merchantStatements, statementRow } from '../listing'
import { openMerchantStatements } from '../live-statements'
import { merchantStatement } from '../service'
import { monthParam } from '../../http/params'
import { openMonths } from './shared'

export const statementRoutes = new Hono<AppEnv>()

statementRoutes.get('/statements', async (c) => {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT', 'COORDINATOR')
  const asked = c.req.query('merchant')
  if (actor.role === 'COORDINATOR' && !asked) {
    const merchants = await listMerchants(db, actor)
    return c.render(
      <MerchantChooser merchants={merchants} names={namesFor(c.get('locale'), { merchants })} />,
      { title: c.get('t')('settlement.statementsPage.title') },
    )
  }
  const closed = await merchantStatements(db, actor, asked)
  const merchantId = actor.role === 'MERCHANT' ? actor.merchantId! : asked!
  // The open months' live statements share their reads (a request's statements are few on D1).
  const live = await openMerchantStatements(
    db,
    actor,
    openMonths(now()).filter((month) => !closed.some((s) => s.month === month)),
    now(),
    merchantId,
  )
  const open = live.map((statement) => ({
    month: statement.month,
    status: 'OPEN' as const,
    totalFen: statement.totalFen,
  }))
  const merchants = await listMerchants(db, actor)
  return c.render(
    <StatementsPage
      merchantId={merchantId}
      forCoordinator={actor.role === 'COORDINATOR'}
      names={namesFor(c.get('locale'), { merchants })}
      months={[
        ...open,
        ...closed.map((s) => ({
          month: s.month,
          status: 'CLOSED' as const,
          totalFen: s.totalFen,
          statement: s,
        })),
      ]}
    />,
    { title: c.get('t')('settlement.statementsPage.title') },
  )
})
statementRoutes.get('/statements/:ref{[0-9]{4}-[0-9]{2}(?:\\.csv)?}', async (c) => {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT', 'COORDINATOR')
  const ref = c.req.param('ref')
  const month = monthParam(ref.slice(0, 7), '')
  const statement = await merchantStatement(db, actor, month, now(), c.req.query('merchant'))
  const merchantId = statement.merchantId!
  const [costs, landing, merchants, hubs, stations, payment] = await Promise.all([
    costsByIds(
      db,
      actor,
      statement.lines.flatMap((l) => (l.costId ? [l.costId] : [])),
    ),
    adjustmentsLandingIn(db, actor, month, merchantId),
    listMerchants(db, actor),
    listHubs(db, actor),
    listStations(db, actor),
    statement.id ? statementRow(db, actor, statement.id) : undefined,
  ])
  const names = namesFor(c.get('locale'), { merchants, hubs, stations })
  if (ref.endsWith('.csv')) {
    const csv = statementCsv(statement, {
      costNote: (id) => costs.get(id)?.note ?? '',
      hubName: names.hub,
      stationName: names.station,
      adjustmentReasons: landing.map((a) => a.reason),
      t: c.get('t'),
    })
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="statement-${merchantId}-${month}.csv"`,
    })
  }
  return c.render(
    <StatementPage
      statement={statement}
      merchantId={merchantId}
      names={names}
      costs={costs}
      adjustments={landing.map((a) => ({ reason: a.reason, originalMonth: a.originalMonth }))}
      payment={payment}
      forCoordinator={actor.role === 'COORDINATOR'}
    />,
    {
      title: `${c.get('t')('settlement.statement.title', { month: formatMonth(month, c.get('locale')) })}`,
      head: <script src="/static/settlement.js" defer></script>,
    },
  )
})
