import type { Context } from 'hono'
import { SheetPage, type SheetPageProps } from '../../../views/inspection/sheet-page'
import type { AppEnv } from '../../http/types'
import { formatCode } from '../../returns/code'
import { photoLimits, photoStatuses } from '../photos'

export type Ctx = Context<AppEnv>

/** The page scripts, by name under /static. */
export const scripts = (...names: string[]) => (
  <>
    {names.map((name) => (
      <script src={`/static/${name}.js`} defer></script>
    ))}
  </>
)

/** One parcel's sheet, offering more photos while its status, the limit and a store allow. */
export function renderSheet(c: Ctx, props: SheetPageProps, photoError?: string) {
  const t = c.get('t')
  const title = `${t('inspection.sheet.title')} ${formatCode(props.sheet.return.code)}`
  const { sheet } = props
  const remaining = photoLimits.maxFiles - sheet.photos.length
  const open = (photoStatuses as readonly string[]).includes(sheet.return.status)
  const addPhotos =
    c.get('deps').blobs && open && remaining > 0
      ? { remaining, maxMegabytes: photoLimits.maxBytes / 1024 / 1024, error: photoError }
      : undefined
  return c.render(<SheetPage {...props} addPhotos={addPhotos} />, {
    title,
    head: scripts('countdown'),
  })
}
