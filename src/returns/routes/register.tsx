/** The merchant registering a return. */
import { Hono, type Context } from 'hono'
import { HubChoice, type RegionAsked } from '../../../views/returns/hub-choice'
import { ReturnFormPage, type ReturnFormValues } from '../../../views/returns/return-form'
import { fieldProblem, formFieldOf, registrationErrors } from '../../../views/returns/messages'
import { requireRole } from '../../auth/roles'
import { form, type FormRefusal } from '../../http/form'
import { fragment, isHtmx } from '../../http/fragments'
import { attempt } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { getMerchant } from '../../network/service'
import { registerReturnForm, registrationIssues } from '../forms'
import { hubChoice } from '../hub-choice'
import { regionSchema } from '../schemas'
import { registerReturn } from '../service'
import { langOf } from '../../http/params'

export const registerRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

/**
 * The form, with the destination hub suggested for `?region=` when one is given: the whole page,
 * or for htmx only the hub field (the region step's answer). A region that cannot be read is a
 * 400 saying so, the form still usable.
 */
registerRoutes.get('/returns/new', async (c) => {
  const { db } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const typed = (c.req.query('region') ?? '').trim()
  const parsed = typed ? regionSchema.safeParse(typed) : undefined
  const [merchant, { hubs, regions, suggestion }] = await Promise.all([
    getMerchant(db, actor, actor.merchantId!),
    hubChoice(db, actor, parsed?.success ? parsed.data : undefined),
  ])
  const asked: RegionAsked | undefined = parsed && {
    typed: typed.slice(0, 40),
    error: parsed.success ? undefined : c.get('t')('returns.region.error'),
    suggestion,
  }
  if (parsed && !parsed.success) c.status(400)
  const hubId = suggestion?.hub.id ?? (hubs.length === 1 ? hubs[0]!.id : '')
  if (isHtmx(c)) return fragment(c, <HubChoice hubs={hubs} value={hubId} asked={asked} />)
  const values: ReturnFormValues = {
    orderRef: '',
    category: merchant.category,
    itemDescription: '',
    orderValue: '',
    largeItem: false,
    reason: '',
    hubId,
    customerContact: '',
  }
  return c.render(<ReturnFormPage hubs={hubs} regions={regions} values={values} asked={asked} />, {
    title: c.get('t')('returns.new.title'),
  })
})

/** What was typed, to show the form again as it was. */
const typedValues = (sent: Record<string, string>): ReturnFormValues => ({
  orderRef: sent.orderRef ?? '',
  category: sent.category ?? '',
  itemDescription: sent.itemDescription ?? '',
  orderValue: sent.orderValue ?? '',
  largeItem: (sent.largeItem ?? '') !== '',
  reason: sent.reason ?? '',
  hubId: sent.hubId ?? '',
  customerContact: sent.customerContact ?? '',
})

/** The form again, 400, with a sentence on every wrong field. */
async function refusedForm(c: Ctx, values: ReturnFormValues, errors: Record<string, string>) {
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const { hubs, regions } = await hubChoice(c.get('deps').db, actor, undefined)
  c.status(400)
  return c.render(
    <ReturnFormPage hubs={hubs} regions={regions} values={values} errors={errors} />,
    {
      title: c.get('t')('returns.new.title'),
    },
  )
}

const refusedRegistration = (c: Ctx, refusal: FormRefusal) =>
  refusedForm(
    c,
    typedValues(refusal.sent),
    registrationErrors(langOf(c), registrationIssues(refusal.sent), refusal.sent.orderValue ?? ''),
  )

registerRoutes.post('/returns', form(registerReturnForm, refusedRegistration), async (c) => {
  const { db, now, config } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const input = c.req.valid('form')
  const created = await attempt(registerReturn(db, actor, input, now(), config.contactKey), [
    'BAD_USER_INPUT',
  ])
  if (created.ok) return c.redirect(`/returns/${created.value.id}?registered=1`, 303)
  // Only the domain knows the alliance's hubs: a hub that is not one of them.
  const field = formFieldOf(String(created.error.details.field))
  const values: ReturnFormValues = {
    orderRef: input.orderRef,
    category: input.category,
    itemDescription: input.itemDescription,
    orderValue: input.orderValue,
    largeItem: input.largeItem,
    reason: input.reason,
    hubId: input.hubId,
    customerContact: input.customerContact ?? '',
  }
  return refusedForm(c, values, { [field]: fieldProblem(langOf(c), field) })
})
