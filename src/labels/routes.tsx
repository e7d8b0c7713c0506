/**
 * Labels in batches for a merchant (and coordinators, within their alliance):
 * `/returns/labels` picks returns to print, or with a source (`ids=…` repeated or
 * comma-separated, `all=awaiting`) prints them as an HTML sheet; `/returns/labels.pdf` is the
 * same batch as a PDF. `layout` is `a4` (default) or `thermal`. Mounted before `/returns/:id`.
 */
import { Hono, type Context } from 'hono'
import { renderSVG } from 'uqr'
import { LabelPicker } from '../../views/labels/label-picker'
import { LabelParts } from '../../views/labels/label-parts'
import { LabelSheet } from '../../views/labels/label-sheet'
import { InvalidInput } from '../errors'
import type { AppEnv } from '../http/types'
import { localizedName } from '../i18n/localized-name'
import { formatCode, trackingUrl } from '../returns/code'
import { code128Svg } from './code128'
import { isLabelLayout, type LabelLayout } from './layouts'
import { labelsPdf } from './pdf'
import {
  awaitingDropOff,
  importLabelRanges,
  labelBatch,
  MAX_LABELS,
  type LabelSource,
} from './service'

export const labelRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

const baseUrl = (c: Ctx) => c.get('deps').config.publicUrl ?? new URL(c.req.url).origin

/**
 * The batch a request names, or null for none. New sources (an import's returns) are read here
 * and resolved in `labelBatch`.
 */
function sourceOf(c: Ctx): LabelSource | null {
  if (c.req.query('all') === 'awaiting') return { kind: 'awaitingDropOff' }
  const importId = c.req.query('import')
  if (importId) {
    const part = c.req.query('part')
    if (part !== undefined && !/^[1-9]\d{0,4}$/.test(part)) {
      throw new InvalidInput('part', 'a whole number from 1')
    }
    return { kind: 'import', importId, part: part === undefined ? undefined : Number(part) }
  }
  const ids = (c.req.queries('ids') ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
  return ids.length > 0 ? { kind: 'ids', ids } : null
}

function layoutOf(c: Ctx): LabelLayout {
  const layout = c.req.query('layout') ?? 'a4'
  if (!isLabelLayout(layout)) throw new InvalidInput('layout', 'a4 or thermal')
  return layout
}

/** The same request for the other format (HTML ⇄ PDF). */
const sibling = (c: Ctx, path: string) => `${path}${new URL(c.req.url).search}`

labelRoutes.get('/returns/labels', async (c) => {
  const { db } = c.get('deps')
  const layout = layoutOf(c)
  const source = sourceOf(c)
  if (!source) {
    const { returns, more } = await awaitingDropOff(db, c.get('actor'))
    return c.render(<LabelPicker labels={returns} more={more} max={MAX_LABELS} />, {
      title: c.get('t')('labels.title'),
    })
  }
  const labels = await labelBatch(db, c.get('actor'), source)
  const parts =
    source.kind === 'import' ? await importLabelRanges(db, c.get('actor'), source.importId) : []
  const base = baseUrl(c)
  const sheet = labels.map((l) => ({
    ...l,
    // ECC M and the 4-module quiet zone, as on the single label.
    qrSvg: renderSVG(trackingUrl(base, l.ret.code), { ecc: 'M', border: 4 }),
    barcodeSvg: code128Svg(l.ret.code),
  }))
  return c.render(
    <>
      {parts.length > 1 && source.kind === 'import' && (
        <LabelParts
          importId={source.importId}
          layout={layout}
          ranges={parts}
          current={source.part ?? 1}
        />
      )}
      <LabelSheet labels={sheet} layout={layout} pdfHref={sibling(c, '/returns/labels.pdf')} />
    </>,
    {
      title: c.get('t')('labels.sheet.title', { count: labels.length }),
      head: <script src="/static/label.js" defer></script>,
    },
  )
})

labelRoutes.get('/returns/labels.pdf', async (c) => {
  const { db } = c.get('deps')
  const { t, locale } = c.var
  const layout = layoutOf(c)
  const labels = await labelBatch(db, c.get('actor'), sourceOf(c) ?? { kind: 'ids', ids: [] })
  const base = baseUrl(c)
  const pdf = await labelsPdf(
    labels.map(({ ret, hub }) => ({
      brand: `${t('app.name')} · ${t('returns.label.heading')}`,
      codeText: formatCode(ret.code),
      barcode: ret.code,
      qrText: trackingUrl(base, ret.code),
      lines: [
        t('returns.label.to', { hub: localizedName(hub, locale) }),
        t('returns.label.category', { category: t(`category.${ret.category}`) }),
        ...(ret.largeItem ? [t('returns.label.large')] : []),
      ],
    })),
    layout,
    t('labels.sheet.title', { count: labels.length }),
    c.get('deps').now(),
  )
  return c.body(pdf, 200, {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="labels-${layout}.pdf"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  })
})
