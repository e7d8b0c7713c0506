/** A station's commissions by month (coordinators: any station's), settled and so far. */
import { Hono } from 'hono'
import { namesFor } from '../../../views/settlement/format'
import { CommissionsPage, StationChooser } from '../../../views/settlement/commissions-page'
import { requireRole } from '../../auth/roles'
import type { AppEnv } from '../../http/types'
import { listMerchants, listStations } from '../../network/service'
import { stationLinesByMonth, stationStatements } from '../listing'
import { openStationStatements } from '../live-statements'
import { openMonths } from './shared'

export const commissionRoutes = new Hono<AppEnv>()

/** How many settled months the commissions page lists. */
const commissionMonths = 12

commissionRoutes.get('/commissions', async (c) => {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'STATION_OPERATOR', 'COORDINATOR')
  const asked = c.req.query('station')
  if (actor.role === 'COORDINATOR' && !asked) {
    const stations = await listStations(db, actor)
    return c.render(<StationChooser stations={stations} />, {
      title: c.get('t')('settlement.commissions.title'),
    })
  }
  const stationId = asked ?? actor.stationId!
  const closed = (await stationStatements(db, actor, stationId)).slice(0, commissionMonths)
  // A closed month's statement is its stored row and lines (all months' in one read); the open
  // months are computed together, from their commissions.
  const [linesOf, live] = await Promise.all([
    stationLinesByMonth(
      db,
      actor,
      stationId,
      closed.map((s) => s.month),
    ),
    openStationStatements(
      db,
      actor,
      stationId,
      openMonths(now()).filter((m) => !closed.some((s) => s.month === m)),
    ),
  ])
  const parcels = (lines: { basis: { mine: number } }[]) =>
    lines.reduce((sum, l) => sum + l.basis.mine, 0)
  const rows = [
    ...live.map((statement) => ({
      month: statement.month,
      status: statement.status,
      totalFen: statement.totalFen,
      parcels: parcels(statement.lines),
      lines: statement.lines,
      statement: undefined,
    })),
    ...closed.map((stored) => {
      const lines = linesOf.get(stored.month) ?? []
      return {
        month: stored.month,
        status: 'CLOSED' as const,
        totalFen: stored.totalFen,
        parcels: parcels(lines),
        lines,
        statement: stored,
      }
    }),
  ]
  const [merchants, stations] = await Promise.all([
    listMerchants(db, actor),
    listStations(db, actor),
  ])
  return c.render(
    <CommissionsPage
      stationId={stationId}
      names={namesFor(c.get('locale'), { merchants, stations })}
      months={rows}
    />,
    { title: c.get('t')('settlement.commissions.title') },
  )
})
