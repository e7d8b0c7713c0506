/**
 * The merchant's insurance page: cover, declarations, premiums, claims and the form to file one;
 * and enrolling from it.
 */
import { Hono } from 'hono'
import type { NoticeData } from '../../../views/components/notice'
import { formatMonth } from '../../../views/components/format'
import {
  emptyClaim,
  type ClaimFormErrors,
  type ClaimFormValues,
} from '../../../views/insurance/claim-form'
import {
  MerchantInsurancePage,
  type DeclarationRowProps,
} from '../../../views/insurance/merchant-page'
import { declaredNotice } from '../../../views/insurance/messages'
import { settingsOn } from '../../alliance/settings'
import { requireRole } from '../../auth/roles'
import { localDate, nextMonth } from '../../calendar/local-date'
import { form } from '../../http/form'
import { attempt } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { listReturns } from '../../returns/service'
import { declarationMonths } from '../queue'
import { enrolInsurance, enrolment, insurancePool, myInsurance } from '../service'
import { enrolForm } from './forms'
import { uploadsFor, type Ctx } from './shared'
import { only } from '../../http/only'
import { langOf } from '../../http/params'

export const merchantRoutes = new Hono<AppEnv>()

export interface MerchantState {
  notice?: NoticeData
  /** A declaration row to show with what was typed, its error or its outcome. */
  declaration?: Omit<DeclarationRowProps, 'declaration'> & { month: string }
  claimForm?: { values: ClaimFormValues; errors: ClaimFormErrors }
}

/** Cover may start this month or in one of the next two. */
const startMonths = (current: string) => [
  current,
  nextMonth(current),
  nextMonth(nextMonth(current)),
]

export async function renderMerchantPage(c: Ctx, state: MerchantState = {}) {
  const { db, now } = c.get('deps')
  const at = now()
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const today = localDate(at)
  const [mine, months, terms, pool, returns] = await Promise.all([
    myInsurance(db, actor),
    declarationMonths(db, actor, at),
    settingsOn(db, actor.allianceId, today),
    insurancePool(db, actor, at),
    listReturns(db, actor, { first: 100 }),
  ])
  const declarations = months.map((declaration) => {
    const shown = state.declaration?.month === declaration.month ? state.declaration : undefined
    return { declaration, typed: shown?.typed, error: shown?.error, notice: shown?.notice }
  })
  return c.render(
    <MerchantInsurancePage
      enrolment={mine.enrolment}
      startMonths={startMonths(today.slice(0, 7))}
      rateBp={terms.premiumRateBp}
      declarations={declarations}
      premiums={mine.premiums}
      claims={mine.claims}
      pool={pool}
      notice={state.notice}
      claimForm={{
        returns: returns.nodes,
        values: state.claimForm?.values ?? emptyClaim,
        errors: state.claimForm?.errors,
        today,
        capFen: terms.claimCapFen,
        uploads: uploadsFor(c),
      }}
    />,
    { title: c.get('t')('insurance.title') },
  )
}

merchantRoutes.get('/insurance', async (c) => {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const state: MerchantState = {}
  const cover = await enrolment(db, actor.merchantId!)
  if (c.req.query('enrolled') && cover) {
    state.notice = {
      tone: 'ok',
      text: c.get('t')('insurance.cover.done', {
        month: formatMonth(cover.startMonth, c.get('locale')),
      }),
    }
  }
  const declared = c.req.query('declared')
  if (declared) {
    const row = (await declarationMonths(db, actor, now())).find((d) => d.month === declared)
    if (row && row.orderValueFen !== null) {
      state.declaration = { month: row.month, notice: declaredNotice(langOf(c), row) }
    }
  }
  return renderMerchantPage(c, state)
})

/** Cover that cannot start when asked (a month already over, or no month at all). */
const coverRefused = (c: Ctx) => {
  c.status(400)
  return renderMerchantPage(c, {
    notice: { tone: 'error', text: c.get('t')('insurance.cover.refused') },
  })
}

merchantRoutes.post(
  '/insurance/enrol',
  only('MERCHANT'),
  form(enrolForm, coverRefused),
  async (c) => {
    const { db, now } = c.get('deps')
    const { startMonth } = c.req.valid('form')
    const outcome = await attempt(enrolInsurance(db, c.get('actor'), startMonth, now()), [
      'BAD_USER_INPUT',
    ])
    if (!outcome.ok) return coverRefused(c)
    return c.redirect('/insurance?enrolled=1#cover', 303)
  },
)
