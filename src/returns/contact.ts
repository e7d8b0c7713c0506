import { fromBase64, toBase64, utf8 } from '../encoding'

/**
 * Customer contacts are personal data of one merchant's customer: stored only as AES-GCM
 * ciphertext (readable by the owning merchant) and an HMAC of the normalised value (to recognise
 * a repeat returner later without storing the contact in the clear). Both keys derive from one
 * secret, CONTACT_KEY, with HKDF, so they are independent.
 */
export interface ContactVault {
  seal(contact: string): Promise<{ ciphertext: string; hash: string }>
  open(ciphertext: string): Promise<string>
  /** The keyed hash `seal` stores, to find a contact's returns by exact match. */
  hash(contact: string): Promise<string>
}

export async function contactVault(secret: string): Promise<ContactVault> {
  const base = await crypto.subtle.importKey('raw', utf8(secret), 'HKDF', false, ['deriveKey'])
  const derive = (info: string, algorithm: AesKeyGenParams | HmacKeyGenParams, usage: KeyUsage[]) =>
    crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: utf8(info) },
      base,
      algorithm,
      false,
      usage,
    )
  const aes = await derive('nestwork contact encryption', { name: 'AES-GCM', length: 256 }, [
    'encrypt',
    'decrypt',
  ])
  const mac = await derive('nestwork contact hash', { name: 'HMAC', hash: 'SHA-256' }, ['sign'])
  const hash = async (contact: string) =>
    toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', mac, utf8(normalise(contact)))))
  return {
    async seal(contact) {
      const iv = crypto.getRandomValues(new Uint8Array(12))
      const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, utf8(contact))
      return {
        ciphertext: `${toBase64(iv)}.${toBase64(new Uint8Array(sealed))}`,
        hash: await hash(contact),
      }
    },
    hash,
    async open(ciphertext) {
      const [iv, data] = ciphertext.split('.')
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(iv!) },
        aes,
        fromBase64(data!),
      )
      return new TextDecoder().decode(plain)
    },
  }
}

/** Phone numbers and emails compare without spaces, dashes or case. */
function normalise(contact: string): string {
  return contact.trim().toLowerCase().replace(/[\s-]/g, '')
}

/** Shows enough of a contact for a merchant to recognise it: `138****5678`, `l***@example.com`. */
export function maskContact(contact: string): string {
  const at = contact.indexOf('@')
  if (at > 0) return `${contact[0]}***${contact.slice(at)}`
  if (contact.length <= 4) return '****'
  return `${contact.slice(0, 3)}****${contact.slice(-4)}`
}
