/**
 * The people side of the monthly settlement: the coordinator's month (costs, rules, preview
 * with drill-down, close with confirmation and progress, statements to mark paid, corrections),
 * the history of closed months, a merchant's statements (page, print, CSV) and a station's
 * commissions. Routes only parse, call the settlement service and render; the service checks
 * who may do what.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../http/types'
import { adjustmentRoutes } from './adjustments'
import { closeRoutes } from './close'
import { commissionRoutes } from './commissions'
import { costRoutes } from './costs'
import { monthRoutes } from './month'
import { paymentRoutes } from './payments'
import { rulesRoutes } from './rules'
import { statementRoutes } from './statements'

export const settlementRoutes = new Hono<AppEnv>()
  .route('/', monthRoutes)
  .route('/', costRoutes)
  .route('/', rulesRoutes)
  .route('/', closeRoutes)
  .route('/', paymentRoutes)
  .route('/', adjustmentRoutes)
  .route('/', statementRoutes)
  .route('/', commissionRoutes)
