import type { Context } from 'hono'
import { DomainError } from '../errors'
import type { AppEnv } from './types'

const bodiless = new Set(['GET', 'HEAD', 'OPTIONS'])
const formTypes = new Set(['multipart/form-data', 'application/x-www-form-urlencoded'])

/**
 * Every page route takes forms, so a body is read and parsed here, once, before any route sees
 * it: a broken multipart boundary, a body cut short, malformed percent-escapes, or a body that is
 * not a form at all is the caller's mistake (BAD_USER_INPUT, 400 in the user's language) rather
 * than an exception deep in a handler (a 500 and a stack in the log) — and a route that reads no
 * fields does not act on a body it could not have read either. The parsed form is left in Hono's
 * body cache for `c.req.parseBody()`, and the request keeps a fresh copy of its bytes so a route's
 * own `bodyLimit` can still measure it.
 * @example await formBody(c) // in src/http/page-request.ts
 */
export async function formBody(c: Context<AppEnv>): Promise<void> {
  const raw = c.req.raw
  if (bodiless.has(raw.method) || raw.body === null) return
  let bytes: ArrayBuffer
  try {
    bytes = await raw.arrayBuffer()
  } catch {
    throw unreadable(c)
  }
  const contentType = raw.headers.get('content-type') ?? ''
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase()
  if (formTypes.has(mediaType)) {
    if (mediaType !== 'multipart/form-data' && !isStrictUrlEncoded(bytes)) throw unreadable(c)
    const form = await new Response(bytes, { headers: { 'content-type': contentType } })
      .formData()
      .catch(() => null)
    if (!form) throw unreadable(c)
    // Hono keeps promises in its cache (its type says otherwise); parseBody awaits this one.
    Object.assign(c.req.bodyCache, { formData: Promise.resolve(form) })
  } else if (bytes.byteLength > 0) throw unreadable(c)
  c.req.raw = new Request(raw, { body: bytes })
}

const unreadable = (c: Context<AppEnv>) =>
  new DomainError('BAD_USER_INPUT', c.get('t')('error.body'), { reason: 'BODY' })

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The URL standard's form decoding never fails: it keeps a stray `%` and swaps invalid UTF-8 for
 * U+FFFD. A browser never sends either, so such a body is garbage, not a form.
 */
function isStrictUrlEncoded(bytes: ArrayBuffer): boolean {
  try {
    for (const piece of utf8.decode(bytes).split(/[&=]/)) {
      decodeURIComponent(piece.replace(/\+/g, ' '))
    }
    return true
  } catch {
    return false
  }
}
