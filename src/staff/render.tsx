/** The merchant's staff page, drawn with whatever notice or refused form a route has. */
import type { Context } from 'hono'
import type { NoticeData } from '../../views/components/notice'
import { StaffPage, type CertFormState } from '../../views/staff/staff-page'
import { requireRole } from '../auth/roles'
import { localDate } from '../calendar/local-date'
import type { AppEnv } from '../http/types'
import { listStaff } from './staff'

type Ctx = Context<AppEnv>

export interface StaffPageState {
  notice?: NoticeData
  form?: { name: string; certified: boolean; error?: string }
  certForm?: CertFormState
}

export async function renderStaff(c: Ctx, state: StaffPageState = {}) {
  const staff = await listStaff(c.get('deps').db, requireRole(c.get('actor'), 'MERCHANT'))
  const today = localDate(c.get('deps').now())
  return c.render(<StaffPage staff={staff} today={today} {...state} />, {
    title: c.get('t')('inspection.staff.title'),
  })
}
