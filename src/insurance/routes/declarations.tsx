/**
 * A month's order value, declared from the merchant page: in place with htmx (the month's row,
 * and the premiums table out of band), or by a redirect back to the page.
 */
import { Hono } from 'hono'
import { Notice, type NoticeData } from '../../../views/components/notice'
import { DeclarationRow, PremiumsTable } from '../../../views/insurance/merchant-page'
import { amountError, declarationRefusal, declaredNotice } from '../../../views/insurance/messages'
import { settingsOn } from '../../alliance/settings'
import { requireRole } from '../../auth/roles'
import { InvalidInput, type DomainError } from '../../errors'
import { form, type FormRefusal } from '../../http/form'
import { accepted, attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { yuanToFen } from '../../money'
import { declarationMonths } from '../queue'
import { declareOrderValue, enrolment, myInsurance } from '../service'
import { declarationForm } from './forms'
import { renderMerchantPage } from './merchant'
import { type Ctx } from './shared'
import { only } from '../../http/only'
import { langOf } from '../../http/params'

export const declarationRoutes = new Hono<AppEnv>()

/** The month as the page shows it, if it does (last month and this one, from the cover's start). */
async function shownMonth(c: Ctx, month: string) {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  return (await declarationMonths(db, actor, now())).find((d) => d.month === month)
}

/**
 * A refused declaration: the amount's error on its field, or the domain's refusal as a notice on
 * the month (at the top of the page when the page does not show that month).
 */
async function refuseDeclaration(
  c: Ctx,
  error: DomainError,
  answer: { month: string; typed: string; amountError?: string },
) {
  const { month, typed } = answer
  const row = await shownMonth(c, month)
  let notice: NoticeData | undefined
  if (!answer.amountError) {
    const cover = await enrolment(
      c.get('deps').db,
      requireRole(c.get('actor'), 'MERCHANT').merchantId!,
    )
    notice = declarationRefusal(langOf(c), error, {
      month,
      closed: row?.closed ?? false,
      startMonth: cover?.startMonth,
    })
  }
  return refused(c, error, {
    page: () =>
      renderMerchantPage(c, {
        declaration: { month, typed, error: answer.amountError, notice },
        notice: row ? undefined : notice,
      }),
    // A month the page does not show (a stale or made-up form): say why, as the error handler would.
    fragment: () =>
      row ? (
        <DeclarationRow
          declaration={row}
          typed={typed}
          error={answer.amountError}
          notice={notice}
        />
      ) : (
        <p class="alert alert--error" role="alert">
          {notice?.text ?? answer.amountError}
        </p>
      ),
  })
}

/** An amount that is not one: missing, malformed, or past even the largest alliance maximum. */
async function badAmount(c: Ctx, refusal: FormRefusal) {
  const { month = '', orderValue: typed = '' } = refusal.sent
  // Without a month there is no row to answer with.
  if (refusal.fields.month) throw new InvalidInput('month', 'use a month as YYYY-MM')
  // Past the schema's ceiling, the limit worth saying is the alliance's own maximum.
  const tooLarge = yuanToFen(typed) !== null
  const terms = tooLarge
    ? await settingsOn(
        c.get('deps').db,
        requireRole(c.get('actor'), 'MERCHANT').allianceId,
        `${month}-01`,
      )
    : undefined
  return refuseDeclaration(c, refusal.error, {
    month,
    typed,
    amountError: amountError(langOf(c), typed, terms?.maxDeclarationFen),
  })
}

declarationRoutes.post(
  '/insurance/declarations',
  only('MERCHANT'),
  form(declarationForm, badAmount),
  async (c) => {
    const { db, now } = c.get('deps')
    const actor = requireRole(c.get('actor'), 'MERCHANT')
    const { month, orderValue } = c.req.valid('form')
    const outcome = await attempt(
      declareOrderValue(db, actor, { month, orderValueFen: orderValue.fen }, now()),
    )
    if (!outcome.ok) {
      const { maxFen, field } = outcome.error.details
      return refuseDeclaration(c, outcome.error, {
        month,
        typed: orderValue.typed,
        amountError:
          field === 'orderValueFen' && typeof maxFen === 'number'
            ? amountError(langOf(c), orderValue.typed, maxFen)
            : undefined,
      })
    }
    return accepted(c, {
      redirect: `/insurance?declared=${month}#declarations`,
      fragment: async () => {
        const [row, mine] = await Promise.all([shownMonth(c, month), myInsurance(db, actor)])
        const notice = declaredNotice(langOf(c), outcome.value)
        return (
          <>
            {row ? <DeclarationRow declaration={row} notice={notice} /> : <Notice {...notice} />}
            <PremiumsTable premiums={mine.premiums} oob />
          </>
        )
      },
    })
  },
)
