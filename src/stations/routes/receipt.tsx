/** `GET /station/receipt/:code`: the customer's receipt for a parcel handed in at this station. */
import { Hono } from 'hono'
import { renderSVG } from 'uqr'
import { ReceiptPage } from '../../../views/stations/receipt-page'
import type { AppEnv } from '../../http/types'
import { trackingUrl } from '../../returns/code'
import { parcelReceipt } from '../receipt'

export const stationReceiptRoutes = new Hono<AppEnv>()

stationReceiptRoutes.get('/station/receipt/:code', async (c) => {
  const receipt = await parcelReceipt(c.get('deps').db, c.get('actor'), c.req.param('code'))
  const url = trackingUrl(c.get('deps').config.publicUrl ?? new URL(c.req.url).origin, receipt.code)
  // ECC M, like the label's: a phone photo of a screen is no cleaner than a scuffed label.
  const qrSvg = renderSVG(url, { ecc: 'M', border: 4 })
  c.header('Cache-Control', 'no-store')
  return c.render(<ReceiptPage receipt={receipt} qrSvg={qrSvg} trackUrl={url} />, {
    title: c.get('t')('receipt.title', { code: receipt.code }),
    head: <script src="/static/label.js" defer></script>,
  })
})
