/** The coordinator's month, its preview's drill-down, and the history of closed months. */
import { Hono } from 'hono'
import type { NoticeData } from '../../../views/components/notice'
import { namesFor, statementHref } from '../../../views/settlement/format'
import { HistoryPage } from '../../../views/settlement/history-page'
import {
  adjustmentNotice,
  closedNotice,
  costCorrectedNotice,
  costRecordedNotice,
  paidNotice,
  unpaidNotice,
} from '../../../views/settlement/messages'
import { MerchantItems } from '../../../views/settlement/preview-section'
import { requireRole } from '../../auth/roles'
import { shiftMonth } from '../../calendar/local-date'
import { fragment, isHtmx, formText as text } from '../../http/fragments'
import type { AppEnv } from '../../http/types'
import { listHubs, listMerchants, listStations } from '../../network/service'
import { adjustmentsAgainst, adjustmentsLandingIn, costsByIds, listClosedMonths } from '../listing'
import { merchantStatement } from '../service'
import { monthData, renderMonth, type PageState } from './month-page'
import { requiredMonth, thisMonth } from './shared'
import { langOf, monthParam } from '../../http/params'

export const monthRoutes = new Hono<AppEnv>()

/** The month (last month by default), saying what the change that led here did. */
monthRoutes.get('/settlement', async (c) => {
  const now = c.get('deps').now()
  const month = monthParam(c.req.query('month'), shiftMonth(thisMonth(now), -1))
  const d = await monthData(c, month)
  const l = langOf(c)
  let notice: NoticeData | undefined
  const cost = d.costs.find((x) => x.id === c.req.query('cost'))
  const voided = d.costs.find((x) => x.id === c.req.query('voided') && x.voidedAt)
  const reversed = d.costs.find((x) => x.id === c.req.query('reversed'))
  const reversal = reversed && d.costs.find((x) => x.reversesCostId === reversed.id)
  if (c.req.query('closed') && d.closed) notice = closedNotice(l, month, d.closed.totalFen)
  else if (cost) notice = costRecordedNotice(l, cost, d.names)
  else if (voided) notice = costCorrectedNotice(l, voided)
  else if (reversed && reversal) notice = costCorrectedNotice(l, reversed, reversal)
  else if (c.req.query('rules'))
    notice = {
      tone: 'ok',
      text: c.get('t')('settlement.rules.saved', { version: d.rules.version }),
    }
  else if (c.req.query('paid')) notice = paidNotice(l)
  else if (c.req.query('unpaid')) notice = unpaidNotice(l)
  let adjustments: PageState['adjustments']
  const adjusted = c.req.query('adjusted')
  if (adjusted && d.closed) {
    const row = (await adjustmentsAgainst(c.get('deps').db, c.get('actor'), month)).find(
      (a) => a.id === adjusted,
    )
    if (row) adjustments = { notice: adjustmentNotice(l, row, d.names) }
  }
  return renderMonth(c, d, { notice, adjustments })
})

/** One merchant's items in the preview, loaded when its row is unfolded. */
monthRoutes.get('/settlement/items', async (c) => {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const month = requiredMonth(c.req.query('month'))
  const merchantId = text(c.req.query('merchant'))
  if (!isHtmx(c)) return c.redirect(statementHref(month, merchantId), 303)
  const statement = await merchantStatement(db, actor, month, now(), merchantId)
  const [costs, landing, merchants, hubs, stations] = await Promise.all([
    costsByIds(
      db,
      actor,
      statement.lines.flatMap((l) => (l.costId ? [l.costId] : [])),
    ),
    adjustmentsLandingIn(db, actor, month, merchantId),
    listMerchants(db, actor),
    listHubs(db, actor),
    listStations(db, actor),
  ])
  return fragment(
    c,
    <MerchantItems
      month={month}
      merchantId={merchantId}
      lines={statement.lines}
      names={namesFor(c.get('locale'), { merchants, hubs, stations })}
      costs={costs}
      adjustments={landing}
    />,
  )
})

monthRoutes.get('/settlement/history', async (c) => {
  const months = await listClosedMonths(c.get('deps').db, c.get('actor'))
  const current = shiftMonth(thisMonth(c.get('deps').now()), -1)
  return c.render(<HistoryPage months={months} current={current} />, {
    title: c.get('t')('settlement.history.title'),
  })
})
