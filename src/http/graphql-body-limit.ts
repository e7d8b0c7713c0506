/**
 * The body limit of /graphql: 1 MB for an operation, more for a multipart request (the GraphQL
 * multipart request spec), room for the largest upload a mutation takes and the JSON beside it.
 * Over it, a GraphQL error (BAD_USER_INPUT, reason TOO_LARGE, `maxBytes`) with status 413, before
 * yoga reads any of the body.
 */
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import type { UploadLimits } from '../uploads'
import type { AppEnv } from './types'

const operationBytes = 1024 * 1024
const room = 256 * 1024

/**
 * @example app.use('/graphql', graphqlBodyLimit([evidenceLimits, photoLimits]))
 */
export function graphqlBodyLimit(uploads: readonly Pick<UploadLimits, 'maxFiles' | 'maxBytes'>[]) {
  const limit = (maxBytes: number) =>
    bodyLimit({
      maxSize: maxBytes,
      onError: (c) =>
        c.json(
          {
            errors: [
              {
                message: `The request is larger than ${maxBytes} bytes.`,
                extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_LARGE', maxBytes },
              },
            ],
          },
          413,
        ),
    })
  const operation = limit(operationBytes)
  const multipart = limit(Math.max(...uploads.map((u) => u.maxFiles * u.maxBytes)) + room)
  return createMiddleware<AppEnv>(function graphqlBodyLimit(c, next) {
    const type = (c.req.header('content-type') ?? '').toLowerCase()
    return (type.startsWith('multipart/form-data') ? multipart : operation)(c, next)
  })
}
