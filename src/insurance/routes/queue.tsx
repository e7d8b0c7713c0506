/** The coordinators' claims queue: waiting claims first, filtered by status. */
import { Hono } from 'hono'
import { claimStatuses } from '../../../db/schema'
import { QueuePage } from '../../../views/insurance/queue-page'
import { requireRole } from '../../auth/roles'
import type { AppEnv } from '../../http/types'
import { listMerchants } from '../../network/service'
import { evidenceCounts } from '../evidence'
import { linkedReturns, openStatuses, queueOrder } from '../queue'
import { listClaims } from '../service'
import { merchantName } from './shared'

export const queueRoutes = new Hono<AppEnv>()

queueRoutes.get('/insurance/claims', async (c) => {
  const { db } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const wanted = c.req.query('status')
  const status = claimStatuses.find((s) => s === wanted)
  const all = await listClaims(db, actor)
  const shown = queueOrder(status ? all.filter((cl) => cl.status === status) : all)
  const [merchants, returns, evidence] = await Promise.all([
    listMerchants(db, actor),
    linkedReturns(db, actor, shown),
    evidenceCounts(
      db,
      actor,
      shown.map((cl) => cl.id),
    ),
  ])
  const names = new Map(merchants.map((m) => [m.id, merchantName(c, m)]))
  const unpaid = all.filter(
    (cl) =>
      (cl.status === 'APPROVED' || cl.status === 'PARTIALLY_APPROVED') &&
      (cl.approvedFen ?? 0) > cl.paidFen,
  )
  return c.render(
    <QueuePage
      rows={shown.map((claim) => ({
        claim,
        merchantName: names.get(claim.merchantId) ?? claim.merchantId,
        returnCode: claim.returnId ? (returns.get(claim.returnId)?.code ?? null) : null,
        evidenceCount: evidence.get(claim.id) ?? 0,
      }))}
      status={status}
      counts={{
        waiting: all.filter((cl) => openStatuses.includes(cl.status)).length,
        unpaid: unpaid.length,
        unpaidFen: unpaid.reduce((s, cl) => s + (cl.approvedFen ?? 0) - cl.paidFen, 0),
      }}
    />,
    { title: c.get('t')('insurance.queue.title') },
  )
})
