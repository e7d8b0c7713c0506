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

export const utf8 = (s: string) => new TextEncoder().encode(s)
