import { raw } from 'hono/html'
import type { Hub } from '../../src/network/service'
import type { Return } from '../../src/returns/service'
import { formatCode } from '../../src/returns/code'
import { usePage } from '../context'
import { ReturnCode } from './bits'
import { localizedName } from '../../src/i18n/localized-name'

interface LabelPageProps {
  ret: Return
  hub: Hub
  /** The QR code of `trackUrl`, an SVG document rendered on the server. */
  qrSvg: string
  trackUrl: string
}

/**
 * A parcel label: the code in large type, a QR code of the public tracking page and where the
 * parcel goes. Its print stylesheet prints the label alone; the Print button comes from a page
 * script (no inline handlers under the CSP), so without JavaScript the browser's own print works.
 */
export function LabelPage({ ret, hub, qrSvg, trackUrl }: LabelPageProps) {
  const { t, locale } = usePage()
  return (
    <>
      <div class="no-print toolbar">
        <p class="crumbs">
          <a href={`/returns/${ret.id}`}>{t('returns.label.back')}</a>
        </p>
        <p class="label-actions">
          <button type="button" class="button button--primary" data-print hidden>
            {t('returns.label.print')}
          </button>
          <span class="hint">{t('returns.label.printHint')}</span>
        </p>
      </div>
      <article class="label" aria-labelledby="label-code">
        <header class="label__head">
          <span class="label__brand">{t('app.name')}</span>
          <span>{t('returns.label.heading')}</span>
        </header>
        <p class="label__code" id="label-code">
          <ReturnCode code={ret.code} big />
        </p>
        <div class="label__body">
          <figure
            class="label__qr"
            role="img"
            aria-label={t('returns.label.qr', { code: formatCode(ret.code) })}
          >
            {raw(qrSvg)}
          </figure>
          <div class="label__facts">
            <p class="label__to">{t('returns.label.to', { hub: localizedName(hub, locale) })}</p>
            <p>{t('returns.label.category', { category: t(`category.${ret.category}`) })}</p>
            {ret.largeItem && <p class="label__large">{t('returns.label.large')}</p>}
            <p class="label__instructions">{t('returns.label.instructions')}</p>
          </div>
        </div>
        <p class="label__url" translate="no">
          {trackUrl}
        </p>
      </article>
    </>
  )
}
