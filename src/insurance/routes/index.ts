/**
 * The people side of the insurance pool: the merchant's cover, declarations, premiums and claims;
 * the coordinators' claims queue, decisions and pool dashboard with its payout run. Routes only
 * read forms (with the shared schemas, yuan read by `yuanToFen`), call the domain and render; the
 * domain decides who may do what and who sees which claim.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../http/types'
import { claimRoutes } from './claim'
import { declarationRoutes } from './declarations'
import { decisionRoutes } from './decision'
import { evidenceRoutes } from './evidence'
import { fileClaimRoutes } from './file-claim'
import { merchantRoutes } from './merchant'
import { poolRoutes } from './pool'
import { queueRoutes } from './queue'

export const insuranceRoutes = new Hono<AppEnv>()
  .route('/', merchantRoutes)
  .route('/', declarationRoutes)
  .route('/', fileClaimRoutes)
  .route('/', queueRoutes)
  .route('/', claimRoutes)
  .route('/', decisionRoutes)
  .route('/', evidenceRoutes)
  .route('/', poolRoutes)
