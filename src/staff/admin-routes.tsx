/**
 * Coordinators verify staff certificates: the waiting list (every merchant's) and the decision,
 * verified or turned down with a reason.
 */
import { Hono, type Context } from 'hono'
import type { NoticeData } from '../../views/components/notice'
import { VerifyPage, type VerifyPageProps } from '../../views/staff/verify-page'
import { requireRole } from '../auth/roles'
import { localDate } from '../calendar/local-date'
import { form } from '../http/form'
import { langOf } from '../http/params'
import { refusalText } from '../http/refusal-copy'
import { attempt, refused } from '../http/respond'
import { only } from '../http/only'
import type { AppEnv } from '../http/types'
import { listMerchants } from '../network/service'
import { verifyCertification } from './certification'
import { verifyForm } from './forms'
import { certificationsToVerify, findStaff } from './staff'

export const adminStaffRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

const coordinatorsOnly = only('COORDINATOR')

async function renderVerify(c: Ctx, state: Pick<VerifyPageProps, 'notice' | 'refusedRow'> = {}) {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const [waiting, merchants] = await Promise.all([
    certificationsToVerify(db, actor),
    listMerchants(db, actor),
  ])
  return c.render(
    <VerifyPage waiting={waiting} merchants={merchants} today={localDate(now())} {...state} />,
    { title: c.get('t')('staff.admin.title') },
  )
}

adminStaffRoutes.get('/admin/staff', async (c) => {
  const t = c.get('t')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const decided = c.req.query('decided')
  let notice: NoticeData | undefined
  if (decided) {
    const found = await attempt(findStaff(c.get('deps').db, actor, decided), ['NOT_FOUND'])
    if (found.ok && found.value.certStatus === 'VERIFIED') {
      notice = { tone: 'ok', text: t('staff.admin.verified', { name: found.value.name }) }
    } else if (found.ok && found.value.certStatus === 'REJECTED') {
      notice = { tone: 'ok', text: t('staff.admin.rejected', { name: found.value.name }) }
    }
  }
  return renderVerify(c, { notice })
})

adminStaffRoutes.post('/admin/staff/:id/verify', coordinatorsOnly, form(verifyForm), async (c) => {
  const { db, now } = c.get('deps')
  const staffId = c.req.param('id')
  const { verified, reason } = c.req.valid('form')
  const outcome = await attempt(
    verifyCertification(db, c.get('actor'), staffId, verified, reason, now()),
  )
  if (outcome.ok) return c.redirect(`/admin/staff?decided=${encodeURIComponent(staffId)}`, 303)
  const error = refusalText(langOf(c), outcome.error)
  const reasonMissing = outcome.error.details.reason === 'REASON_REQUIRED'
  return refused(c, outcome.error, {
    fragment: () => <p role="alert">{error}</p>,
    page: () =>
      renderVerify(
        c,
        reasonMissing
          ? { refusedRow: { staffId, error } }
          : { notice: { tone: 'error', text: error } },
      ),
  })
})
