/** The coordinator: the month's utilisation of every hub. */
import { Hono } from 'hono'
import { HeatmapPage, utilisationHref } from '../../../views/booking/heatmap'
import { requireRole } from '../../auth/roles'
import { localDate, monthBounds } from '../../calendar/local-date'
import type { AppEnv } from '../../http/types'
import { listHubs } from '../../network/service'
import { hubUtilisation } from '../service'
import { monthParam } from '../../http/params'

export const utilisationRoutes = new Hono<AppEnv>()

utilisationRoutes.get('/utilisation', async (c) => {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const today = localDate(now())
  const month = monthParam(c.req.query('month'), today.slice(0, 7))
  const { from, to } = monthBounds(month)
  const hubs = await listHubs(db, actor)
  const loads = await Promise.all(hubs.map((h) => hubUtilisation(db, actor, h.id, from, to)))
  return c.render(
    <HeatmapPage
      month={month}
      today={today}
      hubs={hubs.map((hub, i) => ({ hub, days: loads[i]! }))}
      href={utilisationHref}
    />,
    { title: c.get('t')('util.title') },
  )
})
