/** The start page: what each role does next, or the public landing for visitors. */
import { Hono } from 'hono'
import { CoordinatorHome } from '../../views/home/coordinator-home'
import { HubHome } from '../../views/home/hub-home'
import { Landing } from '../../views/home/landing'
import { MerchantHome } from '../../views/home/merchant-home'
import { StationHome } from '../../views/home/station-home'
import type { Actor } from '../auth/roles'
import type { Db } from '../db'
import { demoTourPassword, hasDemoAccounts, tourStops } from './demo-tour'
import { unseenBreachCount } from '../inspection/breach-notices'
import type { AppEnv } from '../http/types'
import {
  getHub,
  getMerchant,
  getStation,
  listHubs,
  listMerchants,
  listStations,
} from '../network/service'

export const homeRoutes = new Hono<AppEnv>()

homeRoutes.get('/', async (c) => {
  const actor = c.get('actor')
  if (!actor) {
    const demo = await hasDemoAccounts(c.get('deps').db)
    return c.render(
      <Landing tour={demo ? { stops: tourStops, password: demoTourPassword } : undefined} />,
    )
  }
  const title = c.get('t')('home.greeting', { name: actor.displayName })
  const body = await roleHome(c.get('deps').db, actor)
  return c.render(
    <>
      <h1>{title}</h1>
      {body}
    </>,
    { title },
  )
})

async function roleHome(db: Db, actor: Actor) {
  switch (actor.role) {
    case 'MERCHANT': {
      const [merchant, hubs, breaches] = await Promise.all([
        getMerchant(db, actor, actor.merchantId!),
        listHubs(db, actor),
        unseenBreachCount(db, actor),
      ])
      return <MerchantHome merchant={merchant} hubs={hubs} breaches={breaches} />
    }
    case 'STATION_OPERATOR':
      return <StationHome station={await getStation(db, actor, actor.stationId!)} />
    case 'HUB_OPERATOR':
      return <HubHome hub={await getHub(db, actor, actor.hubId!)} />
    case 'COORDINATOR': {
      const [merchants, hubs, stations] = await Promise.all([
        listMerchants(db, actor),
        listHubs(db, actor),
        listStations(db, actor),
      ])
      return <CoordinatorHome merchants={merchants} hubs={hubs} stations={stations} />
    }
  }
}
