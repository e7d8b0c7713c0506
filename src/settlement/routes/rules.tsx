/** A new version of the allocation rules, from the share booked typed as a percentage. */
import { Hono } from 'hono'
import { settlementHref } from '../../../views/settlement/format'
import { percentError } from '../../../views/settlement/messages'
import { RulesSection } from '../../../views/settlement/rules-section'
import { requireRole } from '../../auth/roles'
import { form, type FormRefusal } from '../../http/form'
import { refusalText } from '../../http/refusal-copy'
import { accepted, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { percentToBp } from '../amounts'
import { rulesForm } from '../schemas'
import { setRules } from '../service'
import { monthData, renderMonth, rulesProps, staleSections } from './month-page'
import { coordinatorOnly, type Ctx } from './shared'
import { langOf } from '../../http/params'

export const rulesRoutes = new Hono<AppEnv>()

/** The rules form again, as typed, with why the percentage (or the form) cannot be used. */
async function rulesFormRefused(c: Ctx, { error, fields, sent }: FormRefusal) {
  if (fields.month) throw error
  const read = percentToBp(sent.bookedSharePercent ?? '')
  const why = 'error' in read ? percentError(langOf(c), read.error) : refusalText(langOf(c), error)
  const extra = {
    values: { percent: sent.bookedSharePercent, sharedBasis: sent.sharedBasis },
    error: why,
  }
  const d = await monthData(c, sent.month!)
  return refused(c, error, {
    fragment: () => <RulesSection {...rulesProps(d, extra)} />,
    page: () => renderMonth(c, d, { rules: extra }),
  })
}

rulesRoutes.post(
  '/settlement/rules',
  coordinatorOnly,
  form(rulesForm, rulesFormRefused),
  async (c) => {
    const { db, now } = c.get('deps')
    const actor = requireRole(c.get('actor'), 'COORDINATOR')
    const { month, ...input } = c.req.valid('form')
    const rules = await setRules(db, actor, input, now())
    return accepted(c, {
      redirect: `${settlementHref(month)}&rules=${rules.version}#rules`,
      fragment: async () => {
        const d = await monthData(c, month)
        const text = c.get('t')('settlement.rules.saved', { version: rules.version })
        return (
          <>
            <RulesSection {...rulesProps(d, { notice: { tone: 'ok', text } })} />
            {staleSections(c, d)}
          </>
        )
      },
    })
  },
)
