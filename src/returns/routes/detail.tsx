/** One return for its merchant (and coordinators): the detail, cancelling, photos and label. */
import { Hono, type Context } from 'hono'
import { renderSVG } from 'uqr'
import { LabelPage } from '../../../views/returns/label-page'
import { ReturnDetailPage, type DetailNotice } from '../../../views/returns/return-detail'
import { MessagesSection, type MessagesProps } from '../../../views/returns/return-outcome'
import type { NoticeData } from '../../../views/components/notice'
import { requireRole } from '../../auth/roles'
import { riskBandIfOptedIn } from '../../benchmarks/service'
import { NotFound } from '../../errors'
import { fragment, isHtmx } from '../../http/fragments'
import { form } from '../../http/form'
import { accepted, attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { messageCustomer } from '../../inspection/customer-messages'
import { photosOf, readInspectionPhoto } from '../../inspection/photos'
import { localizedName } from '../../i18n/localized-name'
import { messageCustomerSchema } from '../../inspection/schemas'
import {
  getInspection,
  getResolution,
  ratingsOf,
  responsesOf,
  returnSlas,
} from '../../inspection/service'
import { getHub, getStation, listHubs } from '../../network/service'
import { maskContact } from '../contact'
import { trackingUrl } from '../code'
import { cancelReturn, customerContact, getReturn, timeline } from '../service'

export const detailRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

/** Where labels' QR codes and the tracking links point: the configured public URL, else ours. */
const baseUrl = (c: Ctx) => c.get('deps').config.publicUrl ?? new URL(c.req.url).origin

/** The messages section as the page shows it, with what was just sent or refused. */
type MessagesState = Pick<MessagesProps, 'notice' | 'draft' | 'error'>

/**
 * The detail page: everything about the return — facts, clocks, the hub's findings, the
 * decision, messages to the customer and their rating. Only a merchant sees its customer's
 * contact, and only masked; only the merchant writes to the customer.
 */
async function renderDetail(
  c: Ctx,
  id: string,
  notice?: DetailNotice,
  messagesState: MessagesState = {},
) {
  const { db, config, now } = c.get('deps')
  // Hub staff open a return from their list: read-only, with the way to its inspection sheet.
  const actor = requireRole(c.get('actor'), 'MERCHANT', 'COORDINATOR', 'HUB_OPERATOR')
  const ret = await getReturn(db, actor, id)
  const at = now()
  const office = actor.role !== 'HUB_OPERATOR'
  const [hubs, station, events, contact, photos, inspection, resolution, messages, ratings, slas] =
    await Promise.all([
      listHubs(db, actor),
      ret.stationId ? getStation(db, actor, ret.stationId) : null,
      timeline(db, ret.id),
      actor.role === 'MERCHANT' ? customerContact(db, actor, ret.id, config.contactKey) : null,
      photosOf(db, ret.id),
      getInspection(db, ret.id),
      getResolution(db, ret.id),
      responsesOf(db, [ret.id]),
      ratingsOf(db, [ret.id]),
      returnSlas(db, [ret.id], at),
    ])
  const risk =
    actor.role === 'MERCHANT' ? await riskBandIfOptedIn(db, actor, ret.id, now()) : undefined
  const hub = hubs.find((h) => h.id === ret.hubId)!
  const hubName = (id: string) => {
    const h = hubs.find((x) => x.id === id)
    return h ? localizedName(h, c.get('locale')) : id
  }
  const items = events.map((e) => ({
    status: e.status,
    at: e.at,
    transfer:
      e.transferFromHubId && e.transferToHubId
        ? { from: hubName(e.transferFromHubId), to: hubName(e.transferToHubId) }
        : undefined,
  }))
  return c.render(
    <ReturnDetailPage
      ret={ret}
      hub={hub}
      station={station}
      events={items}
      photos={photos}
      contact={contact === null ? null : maskContact(contact)}
      risk={risk}
      trackUrl={trackingUrl(baseUrl(c), ret.code)}
      canCancel={office && ret.status === 'REGISTERED'}
      canPrintLabel={office}
      canInspect={actor.role === 'HUB_OPERATOR' && ret.status === 'AT_HUB'}
      notice={notice}
      now={at}
      sla={slas.get(ret.id)!}
      inspection={inspection}
      decision={resolution}
      rating={ratings[0] ?? null}
      messages={{
        returnId: ret.id,
        messages,
        canWrite: actor.role === 'MERCHANT' && ret.status !== 'CANCELLED',
        ...messagesState,
      }}
    />,
    { title: c.get('t')('returns.detail.title', { code: ret.code }) },
  )
}

detailRoutes.get('/returns/:id', (c) => {
  const notice = c.req.query('registered')
    ? 'registered'
    : c.req.query('cancelled')
      ? 'cancelled'
      : undefined
  const messages = c.req.query('messaged') ? { notice: sentNotice(c) } : {}
  return renderDetail(c, c.req.param('id'), notice, messages)
})

detailRoutes.post('/returns/:id/cancel', async (c) => {
  const id = c.req.param('id')
  const outcome = await attempt(
    cancelReturn(c.get('deps').db, c.get('actor'), id, c.get('deps').now()),
    ['CONFLICT'],
  )
  if (outcome.ok) return c.redirect(`/returns/${encodeURIComponent(id)}?cancelled=1`, 303)
  // Dropped off meanwhile: the page says why it can no longer be cancelled.
  c.status(409)
  return renderDetail(c, id, 'cancelRefused')
})

/** The messages section alone, for htmx. */
async function messagesFragment(c: Ctx, id: string, state: MessagesState) {
  const actor = requireRole(c.get('actor'), 'MERCHANT', 'COORDINATOR')
  const ret = await getReturn(c.get('deps').db, actor, id)
  const messages = await responsesOf(c.get('deps').db, [ret.id])
  return (
    <MessagesSection
      returnId={ret.id}
      messages={messages}
      canWrite={actor.role === 'MERCHANT' && ret.status !== 'CANCELLED'}
      {...state}
    />
  )
}

const sentNotice = (c: Ctx): NoticeData => ({
  tone: 'ok',
  text: c.get('t')('returns.detail.messages.sent'),
})

/** The merchant writes to its customer from the return's page (the same call as the API's). */
detailRoutes.post(
  '/returns/:id/messages',
  form(messageCustomerSchema, async (c, refusal) => {
    const id = c.req.param('id') ?? ''
    const state = { draft: refusal.sent.text, error: refusal.fields.text }
    return isHtmx(c)
      ? fragment(c, await messagesFragment(c, id, state))
      : renderDetail(c, id, undefined, state)
  }),
  async (c) => {
    const id = c.req.param('id')
    const { db, now } = c.get('deps')
    const text = c.req.valid('form').text
    const outcome = await attempt(
      messageCustomer(db, c.get('actor'), { returnId: id, text }, now()),
      ['CONFLICT'],
    )
    if (!outcome.ok) {
      const state = {
        draft: text,
        notice: { tone: 'error' as const, text: c.get('t')('returns.detail.messages.refused') },
      }
      return refused(c, outcome.error, {
        fragment: () => messagesFragment(c, id, state),
        page: () => renderDetail(c, id, undefined, state),
      })
    }
    return accepted(c, {
      redirect: `/returns/${encodeURIComponent(id)}?messaged=1#customer-messages`,
      fragment: () => messagesFragment(c, id, { notice: sentNotice(c) }),
    })
  },
)

/** One inspection photo, for the return's merchant, its hub and coordinators; NOT_FOUND otherwise. */
detailRoutes.get('/returns/:id/photos/:photoId', async (c) => {
  const { db, blobs } = c.get('deps')
  if (!blobs) throw new NotFound('Photo')
  const { photo, bytes } = await readInspectionPhoto(
    db,
    blobs,
    c.get('actor'),
    c.req.param('id'),
    c.req.param('photoId'),
  )
  return c.body(bytes, 200, {
    'content-type': photo.contentType,
    'content-length': String(bytes.length),
    'content-disposition': `inline; filename="${photo.id}"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  })
})

detailRoutes.get('/returns/:id/label', async (c) => {
  const { db } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT', 'COORDINATOR')
  const ret = await getReturn(db, actor, c.req.param('id'))
  const hub = await getHub(db, actor, ret.hubId)
  const url = trackingUrl(baseUrl(c), ret.code)
  // ECC M survives a scuffed label; the 4-module quiet zone is what scanners expect.
  const qrSvg = renderSVG(url, { ecc: 'M', border: 4 })
  return c.render(<LabelPage ret={ret} hub={hub} qrSvg={qrSvg} trackUrl={url} />, {
    title: c.get('t')('returns.label.title', { code: ret.code }),
    head: <script src="/static/label.js" defer></script>,
  })
})
