/**
 * The people side of returns for signed-in members: the merchant's list, registration form,
 * detail and printable label, and the drop-off station's console. Routes read the form with the
 * shared schemas, call the domain and render; the domain decides who may do what.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../http/types'
import { labelRoutes } from '../../labels/routes'
import { consoleRoutes } from './console'
import { detailRoutes } from './detail'
import { importRoutes } from './import'
import { listRoutes } from './list'
import { registerRoutes } from './register'

// The list and registration first: `/returns/export.csv` and `/returns/new` are not ids.
export const returnsRoutes = new Hono<AppEnv>()
  .route('/', listRoutes)
  .route('/', registerRoutes)
  .route('/', importRoutes)
  .route('/', labelRoutes)
  .route('/', detailRoutes)
  .route('/', consoleRoutes)
