import type { Context } from 'hono'
import { attempt } from '../http/respond'
import type { AppEnv } from '../http/types'
import { getReturn } from './service'

/**
 * The return a redirect names in its query (`?inspected=<id>`), to say what just happened to
 * it; nothing when the caller may not see it.
 */
export async function flashReturn(c: Context<AppEnv>, id: string | undefined) {
  if (!id) return undefined
  const found = await attempt(getReturn(c.get('deps').db, c.get('actor'), id), ['NOT_FOUND'])
  return found.ok ? found.value : undefined
}
