/**
 * The people side of hub capacity booking: the merchant's calendar and bookings, the hub
 * operator's load and capacity overrides, the coordinator's utilisation heatmap. Routes only
 * parse (with the shared schemas), call the booking service and render; the service checks who
 * may do what.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../http/types'
import { calendarRoutes } from './calendar'
import { cancelRoutes } from './cancel'
import { hubRoutes } from './hub'
import { utilisationRoutes } from './utilisation'

export const bookingRoutes = new Hono<AppEnv>()
  .route('/', calendarRoutes)
  .route('/', cancelRoutes)
  .route('/', hubRoutes)
  .route('/', utilisationRoutes)
