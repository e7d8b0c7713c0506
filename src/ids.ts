const alphabet = '0123456789abcdefghjkmnpqrstvwxyz'

/** Random, unguessable row id such as `usr_3k9x…` — safe to create on any replica. */
export function newId(prefix: string, length = 16): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  let out = ''
  for (const b of bytes) out += alphabet[b & 31]
  return `${prefix}_${out}`
}
