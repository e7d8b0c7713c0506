/**
 * Return codes customers type at a store counter or on the tracking page: Crockford base32
 * (no I, L, O, U, so nothing reads as another character), 12 characters = 60 random bits from
 * the platform CSPRNG. Codes say nothing about ids, merchants or order; guessing one among a
 * million issued codes takes about 10^12 tries.
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const CODE_LENGTH = 12

export function generateReturnCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(CODE_LENGTH))
  let code = ''
  for (const b of bytes) code += CROCKFORD[b & 31]
  return code
}

/**
 * Reads a code as people type it: any case, with spaces or dashes, and the look-alikes Crockford
 * allows (O→0, I/L→1). Returns the canonical code, or null if it cannot be one.
 * @example normalizeCode('abcd-efgh-jk0o') // 'ABCDEFGHJK00'
 */
export function normalizeCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (cleaned.length !== CODE_LENGTH) return null
  for (const ch of cleaned) if (!CROCKFORD.includes(ch)) return null
  return cleaned
}

/** Groups a code in fours for reading aloud and printing: `ABCD-EFGH-JKMN`. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-')
}

/** The tracking page a label's QR code points to. */
export function trackingUrl(base: string, code: string): string {
  return `${base}/track?code=${encodeURIComponent(code)}`
}
