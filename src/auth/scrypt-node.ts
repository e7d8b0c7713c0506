/**
 * scrypt through node:crypto: Node's password hasher, stronger than the PBKDF2 Workers are
 * limited to. Node-only, so only the Node entry imports it; the app sees a `PasswordHasher`.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { fromBase64, toBase64 } from '../encoding'
import { pbkdf2Hasher, type PasswordHasher } from './password'

export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  N: number
  r: number
  p: number
}

/** OWASP's scrypt floor with 32 MiB of memory: about 50 ms a hash on one core. */
export const defaultScryptCost: ScryptCost = { N: 2 ** 15, r: 8, p: 1 }

const SCHEME = 'scrypt'
const SALT_BYTES = 16
const KEY_BYTES = 32
// Bounds on what a stored hash may ask for, so a tampered row cannot exhaust memory.
const MAX_N = 2 ** 20
const MAX_R = 32
const MAX_P = 16
const MAX_MEMORY_BYTES = 256 * 1024 * 1024

/**
 * Hashes with scrypt at `cost`; verifies scrypt hashes of any sane cost, and hands every other
 * kind (PBKDF2 from Workers or earlier releases) to `fallback`, so old hashes keep working and
 * are replaced at the next sign-in.
 * @example
 * const hasher = scryptHasher()
 * await hasher.verify('nestwork-demo', await hasher.hash('nestwork-demo')) // true
 */
export function scryptHasher(
  cost: ScryptCost = defaultScryptCost,
  fallback: PasswordHasher = pbkdf2Hasher(),
): PasswordHasher {
  if (!validCost(cost)) throw new RangeError('scrypt cost out of range')
  return {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES)
      const key = await derive(password, salt, cost)
      return [SCHEME, cost.N, cost.r, cost.p, toBase64(salt), toBase64(key)].join('$')
    },
    async verify(password, stored) {
      if (!stored.startsWith(`${SCHEME}$`)) return fallback.verify(password, stored)
      const parsed = parse(stored)
      if (!parsed) return false
      const key = await derive(password, parsed.salt, parsed.cost)
      return key.length === parsed.key.length && timingSafeEqual(key, parsed.key)
    },
    needsRehash(stored) {
      const parsed = parse(stored)
      if (!parsed) return true
      const c = parsed.cost
      return c.N < cost.N || c.r < cost.r || c.p < cost.p
    },
  }
}

function parse(stored: string) {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$')
  if (scheme !== SCHEME || !saltText || !keyText) return null
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  if (!validCost(cost)) return null
  return { cost, salt: fromBase64(saltText), key: fromBase64(keyText) }
}

function validCost({ N, r, p }: ScryptCost): boolean {
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0
  return (
    powerOfTwo &&
    N <= MAX_N &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= MAX_R &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= MAX_P &&
    128 * N * r <= MAX_MEMORY_BYTES
  )
}

function derive(password: string, salt: Uint8Array, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = {
    N: cost.N,
    r: cost.r,
    p: cost.p,
    // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is just below the default cost.
    maxmem: 256 * cost.N * cost.r + 1024 * 1024,
  }
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}
