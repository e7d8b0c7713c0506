import { createMiddleware } from 'hono/factory'
import type { Role } from '../../db/schema'
import { requireRole } from '../auth/roles'
import type { AppEnv } from './types'

/**
 * Refuses anyone but `roles` before the route reads its form, so a caller who may not post
 * gets 403 rather than a 400 about the fields.
 * @example route.post('/settlement/costs', only('COORDINATOR'), form(costForm), handler)
 */
export const only = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async function only(c, next) {
    requireRole(c.get('actor'), ...roles)
    await next()
  })
