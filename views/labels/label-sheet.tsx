import { raw } from 'hono/html'
import { localizedName } from '../../src/i18n/localized-name'
import type { Label } from '../../src/labels/service'
import { paginate, type LabelLayout } from '../../src/labels/layouts'
import { formatCode } from '../../src/returns/code'
import { usePage } from '../context'
import { ReturnCode } from '../returns/bits'

/** A label with what the server rendered for it: its QR and barcode SVGs. */
export interface SheetLabel extends Label {
  qrSvg: string
  barcodeSvg: string
}

interface LabelSheetProps {
  labels: SheetLabel[]
  layout: LabelLayout
  /** The PDF of the same batch. */
  pdfHref: string
}

/**
 * A batch of labels, print-ready: one `.sheet` per printed page (an A4 grid of 2 × 4 or one
 * thermal label), sized by the stylesheet's named `@page` rules; the toolbar is not printed.
 */
export function LabelSheet({ labels, layout, pdfHref }: LabelSheetProps) {
  const { t, locale } = usePage()
  return (
    <>
      <div class="no-print toolbar">
        <h1>{t('labels.sheet.title', { count: labels.length })}</h1>
        <p class="crumbs">
          <a href="/returns/labels">{t('labels.back')}</a>
        </p>
        <p class="label-actions">
          <button type="button" class="button button--primary" data-print hidden>
            {t('labels.print')}
          </button>
          <a class="button" href={pdfHref}>
            {t('labels.pdf')}
          </a>
          <span class="hint">
            {t(`labels.layout.${layout}`)} · {t('labels.printHint')}
          </span>
        </p>
      </div>
      <div class={`sheets sheets--${layout}`}>
        {paginate(labels, layout).map((page) => (
          <section class={`sheet sheet--${layout}`}>
            {page.map(({ ret, hub, qrSvg, barcodeSvg }) => (
              <article class="blabel" aria-label={formatCode(ret.code)}>
                <p class="blabel__head">
                  <span class="label__brand">{t('app.name')}</span>
                  <span>{t('returns.label.heading')}</span>
                </p>
                <p class="blabel__code">
                  <ReturnCode code={ret.code} big />
                </p>
                <div class="blabel__body">
                  <figure
                    class="blabel__qr"
                    role="img"
                    aria-label={t('returns.label.qr', { code: formatCode(ret.code) })}
                  >
                    {raw(qrSvg)}
                  </figure>
                  <div class="blabel__facts">
                    <p class="label__to">
                      {t('returns.label.to', { hub: localizedName(hub, locale) })}
                    </p>
                    <p>
                      {t('returns.label.category', { category: t(`category.${ret.category}`) })}
                    </p>
                    {ret.largeItem && <p class="label__large">{t('returns.label.large')}</p>}
                  </div>
                </div>
                <figure
                  class="blabel__barcode"
                  role="img"
                  aria-label={t('labels.barcode', { code: formatCode(ret.code) })}
                  data-code128={ret.code}
                >
                  {raw(barcodeSvg)}
                  <figcaption translate="no">{ret.code}</figcaption>
                </figure>
              </article>
            ))}
          </section>
        ))}
      </div>
    </>
  )
}
