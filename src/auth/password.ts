import { fromBase64, toBase64, utf8 } from '../encoding'

/**
 * The one password-hashing interface the app sees; each runtime's entry passes one in. Every
 * hash names its algorithm and cost (`pbkdf2_sha256$iterations$salt$key`,
 * `scrypt$N$r$p$salt$key`), so a hasher verifies whatever a hash was made with, and sign-in
 * replaces a hash weaker than what the hasher makes now (`needsRehash`).
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(password: string, stored: string): Promise<boolean>
  /** Whether `stored` is weaker than (or of another kind than) the hashes this hasher makes. */
  needsRehash(stored: string): boolean
}

/**
 * PBKDF2-SHA256 through WebCrypto runs on Node and Workers alike. Workers cap PBKDF2 at 100,000
 * iterations, which is therefore the Workers default; Node uses scrypt (`scrypt-node.ts`).
 */

const SCHEME = 'pbkdf2_sha256'
const MAX_ITERATIONS = 100_000
const SALT_BYTES = 16
const KEY_BITS = 256

/**
 * @example
 * const hasher = pbkdf2Hasher()
 * const stored = await hasher.hash('nestwork-demo')
 * await hasher.verify('nestwork-demo', stored) // true
 */
export function pbkdf2Hasher(iterations = MAX_ITERATIONS): PasswordHasher {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`iterations must be 1…${MAX_ITERATIONS}`)
  }
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
      const key = await derive(password, salt, iterations)
      return [SCHEME, iterations, toBase64(salt), toBase64(key)].join('$')
    },
    async verify(password, stored) {
      const [scheme, iterText, saltText, keyText] = stored.split('$')
      const storedIterations = Number(iterText)
      if (scheme !== SCHEME || !saltText || !keyText) return false
      if (!Number.isInteger(storedIterations) || storedIterations < 1) return false
      if (storedIterations > MAX_ITERATIONS) return false
      const key = await derive(password, fromBase64(saltText), storedIterations)
      return constantTimeEqual(key, fromBase64(keyText))
    },
    needsRehash(stored) {
      const [scheme, iterText] = stored.split('$')
      return scheme !== SCHEME || !(Number(iterText) >= iterations)
    },
  }
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await crypto.subtle.importKey(
    'raw',
    utf8(password.normalize('NFKC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  )
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    KEY_BITS,
  )
  return new Uint8Array(bits)
}

/** Compares two byte strings in time that depends only on their length. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}
