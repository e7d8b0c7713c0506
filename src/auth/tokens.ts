import { toBase64Url } from '../encoding'
import { sha256Text } from './sha256'

/** A fresh 256-bit secret, base64url, for session cookies and bearer tokens. */
export function newSecret(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)))
}

/** What the database keeps of a secret: its SHA-256, so a leaked table grants no sessions. */
export async function hashSecret(secret: string): Promise<string> {
  return Array.from(sha256Text(secret), (b) => b.toString(16).padStart(2, '0')).join('')
}
