/**
 * The merchant's after-sales staff and their certification (a benchmark figure): the list,
 * adding a person, and declaring one certified or not in place. Certificates, removing staff
 * and the coordinators' verification are in the files beside this one. The staff functions
 * decide who may see and change whom.
 */
import { Hono, type Context } from 'hono'
import type { NoticeData } from '../../views/components/notice'
import { CertifiedShare, StaffRow } from '../../views/staff/staff-page'
import { requireRole } from '../auth/roles'
import { localDate } from '../calendar/local-date'
import { form, type FormRefusal } from '../http/form'
import { accepted, attempt } from '../http/respond'
import type { AppEnv } from '../http/types'
import { adminStaffRoutes } from './admin-routes'
import { certificateRoutes } from './certificate-routes'
import { renderStaff } from './render'
import { addStaffForm, certificationForm, isTicked } from './forms'
import { addStaff, findStaff, listStaff, setStaffCertification, type Staff } from './staff'

export const staffRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

function certificationNotice(c: Ctx, s: Staff): NoticeData {
  const key = s.certified ? 'inspection.staff.nowCertified' : 'inspection.staff.noLongerCertified'
  return { tone: 'ok', text: c.get('t')(key, { name: s.name }) }
}

staffRoutes.get('/staff', async (c) => {
  const t = c.get('t')
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const staff = await listStaff(c.get('deps').db, actor)
  const added = staff.find((s) => s.id === c.req.query('added'))
  const changed = staff.find((s) => s.id === c.req.query('changed'))
  const submitted = staff.find((s) => s.id === c.req.query('submitted'))
  let notice: NoticeData | undefined
  if (added) notice = { tone: 'ok', text: t('inspection.staff.added', { name: added.name }) }
  else if (changed) notice = certificationNotice(c, changed)
  else if (submitted) {
    notice = { tone: 'ok', text: t('staff.cert.submitted', { name: submitted.name }) }
  } else if (c.req.query('removed')) {
    const found = await attempt(findStaff(c.get('deps').db, actor, c.req.query('removed')!), [
      'NOT_FOUND',
    ])
    if (found.ok && found.value.endedAt) {
      notice = { tone: 'ok', text: t('staff.removed', { name: found.value.name }) }
    }
  }
  return renderStaff(c, { notice })
})

/** The add form again with its name marked: missing, or too long. */
function refusedName(c: Ctx, refused: FormRefusal) {
  const t = c.get('t')
  const error =
    refused.error.details.problem === 'form.tooLong'
      ? t('inspection.staff.nameTooLong')
      : t('inspection.staff.nameMissing')
  const sent = { name: refused.sent.name ?? '', certified: isTicked(refused.sent.certified) }
  return renderStaff(c, { notice: { tone: 'error', text: error }, form: { ...sent, error } })
}

staffRoutes.post('/staff', form(addStaffForm, refusedName), async (c) => {
  const { db, now } = c.get('deps')
  const added = await addStaff(db, c.get('actor'), c.req.valid('form'), now())
  return c.redirect(`/staff?added=${encodeURIComponent(added.id)}`, 303)
})

staffRoutes.post('/staff/:id/certification', form(certificationForm), async (c) => {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const { certified } = c.req.valid('form')
  const updated = await setStaffCertification(db, actor, c.req.param('id'), certified, now())
  return accepted(c, {
    redirect: `/staff?changed=${encodeURIComponent(updated.id)}`,
    fragment: async () => (
      <>
        <StaffRow
          staff={updated}
          today={localDate(now())}
          notice={certificationNotice(c, updated)}
        />
        <CertifiedShare staff={await listStaff(db, actor)} oob />
      </>
    ),
  })
})

staffRoutes.route('/', certificateRoutes)
staffRoutes.route('/', adminStaffRoutes)
