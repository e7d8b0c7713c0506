import type { Context } from 'hono'
import { useRequestContext } from 'hono/jsx-renderer'
import type { AppEnv } from '../src/http/types'

/** What every component may read from the request: language, user and CSRF token. */
export function usePage() {
  const c = useRequestContext<AppEnv>() as Context<AppEnv>
  return {
    t: c.var.t,
    locale: c.var.locale,
    actor: c.var.actor,
    csrfToken: c.var.csrfToken,
    path: c.req.path,
  }
}
