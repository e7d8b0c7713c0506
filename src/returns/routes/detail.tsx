/** One return for its merchant (and coordinators): the detail, cancelling, photos and label. */
import { Hono, type Context } from 'hono'
import { renderSVG } from 'uqr'
import { LabelPage } from '../../../views/returns/label-page'
import { ReturnDetailPage, type DetailNotice } from '../../../views/returns/return-detail'
import { requireRole } from '../../auth/roles'
import { riskBandIfOptedIn } from '../../benchmarks/service'
import { NotFound } from '../../errors'
import { attempt } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { photosOf, readInspectionPhoto } from '../../inspection/photos'
import { localizedName } from '../../i18n/localized-name'
import { getHub, getStation, listHubs } from '../../network/service'
import { maskContact } from '../contact'
import { trackingUrl } from '../code'
import { cancelReturn, customerContact, getReturn, timeline } from '../service'

export const detailRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

/** Where labels' QR codes and the tracking links point: the configured public URL, else ours. */
const baseUrl = (c: Ctx) => c.var.deps.config.publicUrl ?? new URL(c.req.url).origin

/** The detail page; only a merchant sees its customer's contact, and only masked. */
async function renderDetail(c: Ctx, id: string, notice?: DetailNotice) {
  const { db, config, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT', 'COORDINATOR')
  const ret = await getReturn(db, actor, id)
  const [hubs, station, events, contact, photos] = await Promise.all([
    listHubs(db, actor),
    ret.stationId ? getStation(db, actor, ret.stationId) : null,
    timeline(db, ret.id),
    actor.role === 'MERCHANT' ? customerContact(db, actor, ret.id, config.contactKey) : null,
    photosOf(db, ret.id),
  ])
  const risk =
    actor.role === 'MERCHANT' ? await riskBandIfOptedIn(db, actor, ret.id, now()) : undefined
  const hub = hubs.find((h) => h.id === ret.hubId)!
  const hubName = (id: string) => {
    const h = hubs.find((x) => x.id === id)
    return h ? localizedName(h, c.var.locale) : id
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
      canCancel={ret.status === 'REGISTERED'}
      notice={notice}
    />,
    { title: c.var.t('returns.detail.title', { code: ret.code }) },
  )
}

detailRoutes.get('/returns/:id', (c) => {
  const notice = c.req.query('registered')
    ? 'registered'
    : c.req.query('cancelled')
      ? 'cancelled'
      : undefined
  return renderDetail(c, c.req.param('id'), notice)
})

detailRoutes.post('/returns/:id/cancel', async (c) => {
  const id = c.req.param('id')
  const outcome = await attempt(cancelReturn(c.var.deps.db, c.var.actor, id, c.var.deps.now()), [
    'CONFLICT',
  ])
  if (outcome.ok) return c.redirect(`/returns/${encodeURIComponent(id)}?cancelled=1`, 303)
  // Dropped off meanwhile: the page says why it can no longer be cancelled.
  c.status(409)
  return renderDetail(c, id, 'cancelRefused')
})

/** One inspection photo, for the return's merchant, its hub and coordinators; NOT_FOUND otherwise. */
detailRoutes.get('/returns/:id/photos/:photoId', async (c) => {
  const { db, blobs } = c.var.deps
  if (!blobs) throw new NotFound('Photo')
  const { photo, bytes } = await readInspectionPhoto(
    db,
    blobs,
    c.var.actor,
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
  const { db } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT', 'COORDINATOR')
  const ret = await getReturn(db, actor, c.req.param('id'))
  const hub = await getHub(db, actor, ret.hubId)
  const url = trackingUrl(baseUrl(c), ret.code)
  // ECC M survives a scuffed label; the 4-module quiet zone is what scanners expect.
  const qrSvg = renderSVG(url, { ecc: 'M', border: 4 })
  return c.render(<LabelPage ret={ret} hub={hub} qrSvg={qrSvg} trackUrl={url} />, {
    title: c.var.t('returns.label.title', { code: ret.code }),
    head: <script src="/static/label.js" defer></script>,
  })
})
