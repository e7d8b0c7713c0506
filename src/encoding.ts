/** Base64 for bytes with Web APIs only, so it runs the same on Node and Workers. */
export function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s)
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
}

const base64UrlDigits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/**
 * URL- and cookie-safe base64 without padding. Written out rather than through `btoa` and three
 * replacements: every new visitor's CSRF token and every signed-in request's token pass here.
 */
export function toBase64Url(bytes: Uint8Array): string {
  const digit = (n: number) => base64UrlDigits[n & 63]!
  let s = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    s += digit(n >> 18) + digit(n >> 12) + digit(n >> 6) + digit(n)
  }
  if (i < bytes.length) {
    const two = i + 1 < bytes.length
    const n = (bytes[i]! << 16) | (two ? bytes[i + 1]! << 8 : 0)
    s += digit(n >> 18) + digit(n >> 12) + (two ? digit(n >> 6) : '')
  }
  return s
}

const encoder = new TextEncoder()
const scratch = new Uint8Array(256 * 1024)

/**
 * A string as UTF-8 bytes: every page's markup, hashed secrets, keys. `encodeInto` a buffer kept
 * between calls, then the bytes copied out at their exact length: `TextEncoder.encode` is the
 * slow path for a two-byte string, which every Chinese page is, and a page handed to its Response
 * as a string is measured and then encoded again.
 * @example c.body(utf8(markup), 200, { 'Content-Type': 'text/html; charset=UTF-8' })
 */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  // At most three bytes per UTF-16 unit: a surrogate pair (two units) is four. A text too long
  // for the kept buffer is encoded on its own rather than growing what every later call keeps.
  if (text.length * 3 > scratch.length) return encoder.encode(text)
  const { written } = encoder.encodeInto(text, scratch)
  return scratch.slice(0, written)
}
