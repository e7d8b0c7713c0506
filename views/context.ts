import type { Context } from 'hono'
import { useRequestContext } from 'hono/jsx-renderer'
import type { AppEnv } from '../src/http/types'

/** What every component may read from the request: language, user and CSRF token. */
export function usePage() {
  const c = useRequestContext<AppEnv>() as Context<AppEnv>
  // c.get, not c.var: Hono builds a fresh object of every variable on each c.var read, and
  // every component of a page calls this.
  return {
    t: c.get('t'),
    locale: c.get('locale'),
    actor: c.get('actor'),
    csrfToken: c.get('csrfToken'),
    path: c.req.path,
  }
}
