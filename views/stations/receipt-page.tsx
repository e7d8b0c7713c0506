import { raw } from 'hono/html'
import { localizedName } from '../../src/i18n/localized-name'
import { formatCode } from '../../src/returns/code'
import type { Receipt } from '../../src/stations/receipt'
import { formatInstant } from '../components/format'
import { usePage } from '../context'

/**
 * What the customer takes away from the counter (printed, or shown on the clerk's screen to be
 * photographed): the code, when and where it was handed in, the hub it goes to, and a QR code
 * of the tracking page.
 */
export function ReceiptPage(props: { receipt: Receipt; qrSvg: string; trackUrl: string }) {
  const { t, locale } = usePage()
  const r = props.receipt
  const code = formatCode(r.code)
  return (
    <article class="card receipt">
      <h1>{t('receipt.heading')}</h1>
      <dl class="receipt__facts">
        <dt>{t('receipt.code')}</dt>
        <dd class="receipt__code">{code}</dd>
        <dt>{t('receipt.at')}</dt>
        <dd>{formatInstant(r.checkedInAt, locale)}</dd>
        <dt>{t('receipt.station')}</dt>
        <dd>
          {r.station.name} · {r.station.storeName}, {r.station.city} {r.station.address}
        </dd>
        <dt>{t('receipt.hub')}</dt>
        <dd class="receipt__hub">{localizedName(r.hub, locale)}</dd>
      </dl>
      <div class="receipt__qr" role="img" aria-label={t('receipt.qr', { code })}>
        {raw(props.qrSvg)}
      </div>
      <p>{t('receipt.track', { url: props.trackUrl })}</p>
      <p class="receipt__actions">
        <button type="button" class="button button--primary" data-print hidden>
          {t('receipt.print')}
        </button>{' '}
        <a href="/station">{t('receipt.back')}</a>
      </p>
    </article>
  )
}
