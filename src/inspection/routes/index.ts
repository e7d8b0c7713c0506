/**
 * The people side of inspection: the hub's queue and one parcel's sheet (with its photos), and
 * the month's service levels. Routes read the form, call the inspection domain (which checks who
 * may do what) and render; refusals come back as sentences from the catalogues, never as the
 * English domain message.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../http/types'
import { photoRoutes } from './photos'
import { queueRoutes } from './queue'
import { serviceLevelRoutes } from './service-levels'
import { sheetRoutes } from './sheet'

export const inspectionRoutes = new Hono<AppEnv>()
  .route('/', queueRoutes)
  .route('/', sheetRoutes)
  .route('/', photoRoutes)
  .route('/', serviceLevelRoutes)
