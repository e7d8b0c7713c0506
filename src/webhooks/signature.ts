/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the secret is `whsec_` and the
 * base64 of its key bytes; a delivery carries `webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">`. Web Crypto only, so Node and Workers sign alike.
 */
import { fromBase64, toBase64, utf8 } from '../encoding'

export const secretPrefix = 'whsec_'

/** A fresh signing secret: 24 random bytes (the spec asks for 24 to 64). */
export function newWebhookSecret(): string {
  return secretPrefix + toBase64(crypto.getRandomValues(new Uint8Array(24)))
}

/**
 * The `webhook-signature` value of one delivery.
 * @example await signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'evt_1', 1674087231, '{}')
 */
export async function signWebhook(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    fromBase64(secret.slice(secretPrefix.length)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = await crypto.subtle.sign('HMAC', key, utf8(`${id}.${timestamp}.${body}`))
  return `v1,${toBase64(new Uint8Array(mac))}`
}
