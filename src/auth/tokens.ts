import { toBase64Url, utf8 } from '../encoding'

/** A fresh 256-bit secret, base64url, for session cookies and bearer tokens. */
export function newSecret(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)))
}

/** What the database keeps of a secret: its SHA-256, so a leaked table grants no sessions. */
export async function hashSecret(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', utf8(secret))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
