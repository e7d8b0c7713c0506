import { toBase64Url } from '../encoding'
import { sha256Text } from './sha256'

// One draw of 4 KiB costs about what one of 32 bytes does (each call enters the system's
// CSPRNG), and every new visitor gets a CSRF secret: secrets are cut from a pooled draw, each
// byte handed out once and wiped once used, as Node's own randomUUID keeps its entropy.
const pool = new Uint8Array(4096)
let drawn = pool.length

/** A fresh 256-bit secret, base64url, for session cookies and bearer tokens. */
export function newSecret(): string {
  if (drawn + 32 > pool.length) {
    crypto.getRandomValues(pool)
    drawn = 0
  }
  const bytes = pool.subarray(drawn, (drawn += 32))
  const secret = toBase64Url(bytes)
  bytes.fill(0)
  return secret
}

/** What the database keeps of a secret: its SHA-256, so a leaked table grants no sessions. */
export async function hashSecret(secret: string): Promise<string> {
  return Array.from(sha256Text(secret), (b) => b.toString(16).padStart(2, '0')).join('')
}
