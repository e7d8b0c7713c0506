import type { Context } from 'hono'
import type { RateLimited } from '../errors'
import { refusalText } from '../http/refusal-copy'
import type { AppEnv } from '../http/types'

/**
 * What a throttled sign-in or password change is told on a page: which limit, and when to retry
 * (also as `Retry-After`).
 */
export function throttledCopy(c: Context<AppEnv>, error: RateLimited): string {
  c.header('Retry-After', String(error.retryAfterSeconds))
  return refusalText({ t: c.get('t'), locale: c.get('locale') }, error)
}
