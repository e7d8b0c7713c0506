import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ErrorPage } from '../../views/errors'
import type { MessageKey } from '../i18n'
import type { UploadLimits } from '../uploads'
import type { AppEnv } from './types'

/**
 * A route's own body limit for uploads: room for `limits` worth of files and the text beside
 * them. Over it, the 413 page says, in the user's language, how many files of what size fit.
 */
export function uploadBodyLimit(
  limits: Pick<UploadLimits, 'maxFiles' | 'maxBytes'>,
  copy: { title: MessageKey; body: MessageKey },
  room = 256 * 1024,
) {
  return bodyLimit({
    maxSize: limits.maxFiles * limits.maxBytes + room,
    onError: (c: Context<AppEnv>) => {
      const t = c.get('t')
      const title = t(copy.title)
      c.status(413)
      const body = t(copy.body, {
        files: limits.maxFiles,
        megabytes: limits.maxBytes / 1024 / 1024,
      })
      return c.render(<ErrorPage title={title} body={body} />, { title })
    },
  })
}
