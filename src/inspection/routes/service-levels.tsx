/** The month's service levels: a merchant's own, or the coordinator's by merchant and hub. */
import { Hono } from 'hono'
import { ServiceLevelsPage } from '../../../views/inspection/service-levels-page'
import { localDate } from '../../calendar/local-date'
import type { AppEnv } from '../../http/types'
import { localizedName } from '../../i18n/localized-name'
import { listHubs, listMerchants } from '../../network/service'
import { serviceLevels } from '../service-levels'
import { monthParam } from '../../http/params'

export const serviceLevelRoutes = new Hono<AppEnv>()

serviceLevelRoutes.get('/service-levels', async (c) => {
  const { db, now } = c.get('deps')
  const at = now()
  const month = monthParam(c.req.query('month'), localDate(at).slice(0, 7))
  const levels = await serviceLevels(db, c.get('actor'), month, undefined, at)
  const [merchants, hubs] = await Promise.all([
    listMerchants(db, c.get('actor')),
    listHubs(db, c.get('actor')),
  ])
  const locale = c.get('locale')
  const merchantNames = new Map(merchants.map((m) => [m.id, localizedName(m, locale)] as const))
  const hubNames = new Map(hubs.map((h) => [h.id, localizedName(h, locale)] as const))
  const own = c.get('actor')?.merchantId
  return c.render(
    <ServiceLevelsPage
      levels={levels}
      merchantNames={merchantNames}
      hubNames={hubNames}
      ownName={own ? merchantNames.get(own) : undefined}
    />,
    { title: c.get('t')('inspection.sl.title') },
  )
})
