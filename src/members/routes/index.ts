import { Hono } from 'hono'
import type { AppEnv } from '../../http/types'
import { joinRoutes } from './join'
import { merchantsRoutes } from './merchants'

/** Admission: the public application page and the coordinators' merchants page. */
export const memberRoutes = new Hono<AppEnv>()
memberRoutes.route('/', joinRoutes)
memberRoutes.route('/', merchantsRoutes)
