import { Hono } from 'hono'
import { auditRoutes } from './audit/routes'
import { accountRoutes } from './auth/account-routes'
import { authRoutes } from './auth/routes'
import { benchmarkRoutes } from './benchmarks/routes'
import { bookingRoutes } from './booking/routes'
import { deskRoutes } from './desk/routes'
import { createGraphQL } from './graphql/yoga'
import { checkHealth, checkReadiness } from './health'
import { homeRoutes } from './home/routes'
import { graphqlBodyLimit } from './http/graphql-body-limit'
import { graphqlCsrf } from './http/graphql-csrf'
import { handleError, handleNotFound } from './http/errors'
import { pageRequest } from './http/page-request'
import { requestContext } from './http/request-context'
import { graphqlSecurityHeaders, pageSecurityHeaders } from './http/security-headers'
import type { AppDeps, AppEnv } from './http/types'
import { photoLimits } from './inspection/photos'
import { inspectionRoutes } from './inspection/routes'
import { evidenceLimits } from './insurance/evidence'
import { insuranceRoutes } from './insurance/routes'
import { memberRoutes } from './members/routes'
import { networkRoutes } from './network/routes'
import { notificationRoutes } from './notifications/routes'
import { accessLog } from './ops/access-log'
import { publicReturnRoutes } from './returns/public-routes'
import { returnsRoutes } from './returns/routes'
import { runRoutes } from './returns/run-routes'
import { settlementRoutes } from './settlement/routes'
import { staffRoutes } from './staff/routes'
import { apiTokenRoutes } from './api-tokens/routes'
import { webhookRoutes } from './webhooks/routes'
import { stationRoutes } from './stations/routes'
import { stationSearchRoutes } from './stations/routes/search'

export type { AppDeps } from './http/types'

/**
 * Builds the whole application over the runtime's dependencies. The Node entry, the Worker
 * entry and the tests all call this, so every runtime serves exactly the same app.
 * @example const app = createApp({ db, config, hasher: pbkdf2Hasher(), now: () => new Date(), clientIp })
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  const graphql = createGraphQL({
    introspection: deps.config.env !== 'production',
    corsOrigins: deps.config.corsOrigins,
    renderGraphiQL: deps.renderGraphiQL,
    logError: deps.logError,
  })

  app.use(requestContext(deps))
  if (deps.logRequest) app.use(accessLog(deps.logRequest))
  app.use('/graphql', graphqlSecurityHeaders(deps.config.mapTileUrl, !!deps.renderGraphiQL))
  app.use('/graphql', graphqlBodyLimit([evidenceLimits, photoLimits]), graphqlCsrf())
  app.on(['GET', 'POST', 'OPTIONS'], '/graphql', (c) =>
    graphql.fetch(c.req.raw, { deps, ip: deps.clientIp(c), requestId: c.get('requestId') }),
  )
  app.use(pageSecurityHeaders(deps.config.mapTileUrl))

  app.get('/healthz', async (c) => {
    const health = await checkHealth(deps.db, deps.now(), (error) =>
      deps.logError?.(error, c.get('requestId')),
    )
    c.header('Cache-Control', 'no-store')
    return c.json(health, health.status === 'ok' ? 200 : 503)
  })
  app.get('/readyz', async (c) => {
    const readiness = await checkReadiness(deps.db, deps.now(), (error) =>
      deps.logError?.(error, c.get('requestId')),
    )
    c.header('Cache-Control', 'no-store')
    return c.json(readiness, readiness.status === 'ready' ? 200 : 503)
  })
  if (deps.metrics) app.get('/metrics', deps.metrics)
  if (deps.serveStatic) app.use('/static/*', deps.serveStatic)

  app.use(pageRequest())
  app.route('/', homeRoutes)
  app.route('/', authRoutes)
  app.route('/', accountRoutes)
  app.route('/', networkRoutes)
  app.route('/', memberRoutes)
  app.route('/', bookingRoutes)
  app.route('/', returnsRoutes)
  // Before the returns' public pages: it answers /stations, the finder they used to.
  app.route('/', stationSearchRoutes)
  app.route('/', publicReturnRoutes)
  app.route('/', runRoutes)
  app.route('/', stationRoutes)
  app.route('/', inspectionRoutes)
  app.route('/', deskRoutes)
  app.route('/', staffRoutes)
  app.route('/', apiTokenRoutes)
  app.route('/', webhookRoutes)
  app.route('/', settlementRoutes)
  app.route('/', insuranceRoutes)
  app.route('/', benchmarkRoutes)
  app.route('/', auditRoutes)
  app.route('/', notificationRoutes)

  app.notFound(handleNotFound)
  app.onError(handleError)
  return app
}
