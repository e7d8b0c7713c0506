/**
 * The drop-off station's console: check parcels in by code, today's parcels and this month's
 * commission. With htmx a check-in answers with the card (and the totals out of band); without,
 * the whole console comes back with the result.
 */
import { Hono, type Context } from 'hono'
import {
  CheckInCard,
  ConsolePage,
  MonthTotal,
  TodayParcels,
  type CheckInResult,
} from '../../../views/station/console-page'
import { checkInRefused } from '../../../views/station/messages'
import { requireRole, type Actor } from '../../auth/roles'
import { localDate } from '../../calendar/local-date'
import type { DomainError } from '../../errors'
import { form, type FormRefusal } from '../../http/form'
import { fragment, isHtmx } from '../../http/fragments'
import { attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { getStation } from '../../network/service'
import { stationCommissions } from '../../stations/service'
import { checkInParcel } from '../check-in'
import { localizedName } from '../../i18n/localized-name'
import { receiptPath } from '../../stations/receipt'
import { checkInSchema } from '../schemas'
import { stationParcels } from '../station-console'

export const consoleRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

async function consoleData(c: Ctx, actor: Actor) {
  const { db, now } = c.get('deps')
  const today = localDate(now())
  const month = today.slice(0, 7)
  const [station, parcels, statement] = await Promise.all([
    getStation(db, actor, actor.stationId!),
    stationParcels(db, actor, { date: today }),
    stationCommissions(db, actor, actor.stationId!, month),
  ])
  return {
    station,
    parcels,
    commission: { month, parcels: statement.parcels, totalFen: statement.totalFen },
  }
}

async function renderConsole(c: Ctx, actor: Actor, result?: CheckInResult, typed?: string) {
  return c.render(<ConsolePage {...await consoleData(c, actor)} result={result} typed={typed} />, {
    title: c.get('t')('returns.console.title'),
    head: <script src="/static/scan.js" defer></script>,
  })
}

consoleRoutes.get('/station', (c) =>
  renderConsole(c, requireRole(c.get('actor'), 'STATION_OPERATOR')),
)

/** A refused code stays in the field, to be fixed. */
function refusedCheckIn(c: Ctx, error: DomainError, result: CheckInResult, typed: string) {
  const actor = requireRole(c.get('actor'), 'STATION_OPERATOR')
  return refused(c, error, {
    fragment: () => <CheckInCard result={result} typed={typed} />,
    page: () => renderConsole(c, actor, result, typed),
  })
}

const refusedCode = (c: Ctx, refusal: FormRefusal) =>
  refusedCheckIn(c, refusal.error, { kind: 'refused', reason: 'required' }, refusal.sent.code ?? '')

consoleRoutes.post('/station/check-in', form(checkInSchema, refusedCode), async (c) => {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'STATION_OPERATOR')
  const input = c.req.valid('form')
  const { code } = input
  const outcome = await attempt(checkInParcel(db, actor, code, now(), input), [
    'NOT_FOUND',
    'CONFLICT',
    'BAD_USER_INPUT',
  ])
  if (!outcome.ok) {
    const lang = { t: c.get('t'), locale: c.get('locale') }
    return refusedCheckIn(c, outcome.error, checkInRefused(lang, outcome.error, code), code)
  }
  const done = outcome.value
  const result: CheckInResult = done.alreadyCheckedIn
    ? { kind: 'already', code: done.return.code }
    : {
        kind: 'checkedIn',
        code: done.return.code,
        commissionFen: done.commissionFen,
        largeItem: done.return.largeItem,
        hubName: localizedName(done.hub, c.get('locale')),
        receiptPath: receiptPath(done.return.code),
      }
  // After a check-in the field is cleared for the next parcel.
  if (!isHtmx(c)) return renderConsole(c, actor, result)
  const data = await consoleData(c, actor)
  return fragment(
    c,
    <>
      <CheckInCard result={result} />
      <TodayParcels parcels={data.parcels} oob />
      <MonthTotal commission={data.commission} oob />
    </>,
  )
})
