/** The coordinators' merchants page: deciding applications and changing memberships. */
import { Hono, type Context } from 'hono'
import * as z from '../../zod'
import { MerchantsPage } from '../../../views/members/merchants-page'
import { Notice, type NoticeData } from '../../../views/components/notice'
import type { DomainError } from '../../errors'
import { requireRole } from '../../auth/roles'
import { nextMonth } from '../../calendar/local-date'
import { formatMonth } from '../../../views/components/format'
import { form } from '../../http/form'
import { refusalText } from '../../http/refusal-copy'
import { attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { localizedName } from '../../i18n/localized-name'
import { getMerchant } from '../../network/service'
import { parseInput } from '../../parse-input'
import { listMemberships, setMerchantMembership } from '../membership'
import { admitSchema, declineSchema, membershipSchema } from '../schemas'
import { admitMerchant, currentMonth, declineApplication, listApplications } from '../service'

export const merchantsRoutes = new Hono<AppEnv>()
type Ctx = Context<AppEnv>

async function merchantsPage(c: Ctx, notice?: NoticeData) {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const month = currentMonth(now())
  const [applications, members] = await Promise.all([
    listApplications(db, actor, 'PENDING'),
    listMemberships(db, actor, month),
  ])
  const props = { month, nextMonth: nextMonth(month), applications, members, notice }
  return c.render(<MerchantsPage {...props} />, { title: c.get('t')('merchants.title') })
}

/** A refusal said on the page, with the refusal's status. */
function refusedOnPage(c: Ctx, error: DomainError) {
  const text = refusalText({ t: c.get('t'), locale: c.get('locale') }, error)
  return refused(c, error, {
    fragment: () => <Notice tone="error" text={text} />,
    page: () => merchantsPage(c, { tone: 'error', text }),
  })
}

// Each row's fields carry the row's id in their names (`startMonth-<id>`), so the page's field
// ids stay unique; the handler reads its own row's.
const rowFields = form(z.record(z.string(), z.string()))
const field = (
  c: { req: { valid(target: 'form'): Record<string, string> } },
  name: string,
  id: string,
) => c.req.valid('form')[`${name}-${id}`]

merchantsRoutes.get('/admin/merchants', (c) => {
  const t = c.get('t')
  const shop = c.req.query('shop') ?? ''
  const done = c.req.query('done')
  const month = c.req.query('month') ?? ''
  const notice: NoticeData | undefined =
    done === 'admitted' && /^\d{4}-\d{2}$/.test(month)
      ? {
          tone: 'ok',
          text: t('merchants.admitted', { shop, month: formatMonth(month, c.get('locale')) }),
        }
      : done === 'declined'
        ? { tone: 'ok', text: t('merchants.declined', { shop }) }
        : undefined
  return merchantsPage(c, notice)
})

merchantsRoutes.post('/admin/merchants/applications/:id/admit', rowFields, async (c) => {
  const id = c.req.param('id')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const input = parseInput(admitSchema, {
    applicationId: id,
    startMonth: field(c, 'startMonth', id),
  })
  const { db, now } = c.get('deps')
  const outcome = await attempt(admitMerchant(db, actor, id, input.startMonth, now()))
  if (!outcome.ok) return refusedOnPage(c, outcome.error)
  const query = new URLSearchParams({
    done: 'admitted',
    shop: outcome.value.shopName,
    month: input.startMonth,
  })
  return c.redirect(`/admin/merchants?${query}`, 303)
})

merchantsRoutes.post('/admin/merchants/applications/:id/decline', rowFields, async (c) => {
  const id = c.req.param('id')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const input = parseInput(declineSchema, { applicationId: id, reason: field(c, 'reason', id) })
  const { db, now } = c.get('deps')
  const outcome = await attempt(declineApplication(db, actor, id, input.reason, now()))
  if (!outcome.ok) return refusedOnPage(c, outcome.error)
  const query = new URLSearchParams({ done: 'declined', shop: outcome.value.shopName })
  return c.redirect(`/admin/merchants?${query}`, 303)
})

merchantsRoutes.post('/admin/merchants/:id/membership', rowFields, async (c) => {
  const id = c.req.param('id')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const input = parseInput(membershipSchema, {
    merchantId: id,
    status: field(c, 'status', id),
    fromMonth: field(c, 'fromMonth', id),
  })
  const { db, now } = c.get('deps')
  const outcome = await attempt(setMerchantMembership(db, actor, input, now()))
  if (!outcome.ok) return refusedOnPage(c, outcome.error)
  const merchant = await getMerchant(db, actor, id)
  const t = c.get('t')
  return merchantsPage(c, {
    tone: 'ok',
    text: t('merchants.membershipSet', {
      merchant: localizedName(merchant, c.get('locale')),
      status: t(`merchants.status.${input.status}`),
      month: formatMonth(input.fromMonth, c.get('locale')),
    }),
  })
})
