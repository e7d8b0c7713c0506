/** The hub operator (and coordinator): the coming week's load per merchant, capacity overrides. */
import { Hono } from 'hono'
import { HubLoadPage, hubHref } from '../../../views/booking/hub-load'
import { capacityNotice } from '../../../views/booking/messages'
import { Notice, type NoticeData } from '../../../views/components/notice'
import { requireActor } from '../../auth/roles'
import { addDays, isIsoDate, localDate } from '../../calendar/local-date'
import type { DomainError } from '../../errors'
import { form } from '../../http/form'
import { accepted, attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { localizedName } from '../../i18n/localized-name'
import { hubThroughput } from '../../hubs/hub-throughput'
import { listHubs, listMerchants } from '../../network/service'
import { capacitySchema } from '../schemas'
import { hubAvailability, hubUtilisation, setHubCapacity } from '../service'
import { type Ctx } from './booking-page'
import { langOf } from '../../http/params'

export const hubRoutes = new Hono<AppEnv>()

interface HubPageState {
  hub?: string
  notice?: NoticeData
  /** The date whose capacity was just set (after the redirect of a successful override). */
  set?: string
  form?: { date: string; units: string }
}

async function renderHubPage(c: Ctx, state: HubPageState) {
  const { db, now } = c.get('deps')
  const actor = requireActor(c.get('actor'))
  const today = localDate(now())
  const hubs = await listHubs(db, actor)
  const hubId = state.hub || actor.hubId || hubs[0]!.id
  const from = addDays(today, 1)
  const days = await hubUtilisation(db, actor, hubId, from, addDays(today, 7), {
    withMerchantsForOperator: true,
  })
  let notice = state.notice
  if (state.set && isIsoDate(state.set)) {
    const [day] = await hubAvailability(db, actor, hubId, state.set, state.set)
    notice = capacityNotice(langOf(c), { date: state.set, day: day! })
  }
  const [merchants, floor] = await Promise.all([
    listMerchants(db, actor),
    hubThroughput(db, actor, { hubId, date: today }),
  ])
  const names = new Map(merchants.map((m) => [m.id, localizedName(m, c.get('locale'))] as const))
  return c.render(
    <HubLoadPage
      hubs={actor.role === 'COORDINATOR' ? hubs : undefined}
      hub={hubs.find((h) => h.id === hubId)!}
      today={today}
      days={days}
      merchantNames={names}
      notice={notice}
      form={state.form}
      floor={floor}
    />,
    { title: c.get('t')('hub.title') },
  )
}

hubRoutes.get('/hub', (c) => renderHubPage(c, { hub: c.req.query('hub'), set: c.req.query('set') }))

/** A refused override: the hub page with the form as sent and why (a notice alone for htmx). */
function refuseCapacity(
  c: Ctx,
  error: DomainError,
  sent: { hub: string; date: string; units: string },
) {
  const notice = capacityNotice(langOf(c), { date: sent.date, refusal: error })
  return refused(c, error, {
    fragment: () => <Notice {...notice} />,
    page: () => renderHubPage(c, { hub: sent.hub, notice, form: sent }),
  })
}

hubRoutes.post(
  '/hub/capacity',
  form(capacitySchema, (c, { error, sent }) => {
    const { hubId = '', date = '', capacityUnits = '' } = sent
    return refuseCapacity(c, error, { hub: hubId, date, units: capacityUnits })
  }),
  async (c) => {
    const { db, now } = c.get('deps')
    const input = c.req.valid('form')
    const outcome = await attempt(setHubCapacity(db, c.get('actor'), input, now()))
    if (!outcome.ok) {
      const sent = { hub: input.hubId, date: input.date, units: String(input.capacityUnits) }
      return refuseCapacity(c, outcome.error, sent)
    }
    return accepted(c, {
      redirect: `${hubHref(input.hubId)}&set=${input.date}`,
      fragment: () => (
        <Notice {...capacityNotice(langOf(c), { date: input.date, day: outcome.value })} />
      ),
    })
  },
)
