import { createMiddleware } from 'hono/factory'
import { translator } from '../i18n'
import { useLayout } from './renderer'
import type { AppDeps, AppEnv } from './types'

/**
 * The first middleware of every request: its id (the caller's `X-Request-Id` when it is a
 * plausible one, as hono's `requestId` takes it, else a new UUID; sent back either way), the
 * runtime's dependencies, the defaults a signed-out request keeps (no actor, Chinese, no CSRF
 * token yet) and the page layout for `c.render`. Not async: it has nothing to wait for, and so
 * adds no promise to the request.
 */
export const requestContext = (deps: AppDeps) =>
  createMiddleware<AppEnv>(function requestContext(c, next) {
    const sent = c.req.header('x-request-id')
    const id = sent && sent.length <= 255 && !/[^\w\-=]/.test(sent) ? sent : crypto.randomUUID()
    c.set('requestId', id)
    c.header('X-Request-Id', id)
    c.set('deps', deps)
    c.set('actor', null)
    c.set('locale', 'zh-CN')
    c.set('t', translator('zh-CN'))
    c.set('csrfToken', '')
    useLayout(c)
    return next()
  })
