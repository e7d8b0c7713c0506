/**
 * The hub's pickup-run pages: stations with parcels waiting and recent runs, one run's manifest
 * with receiving by scan (an htmx fragment, or the whole page without JavaScript), and closing
 * with its reconciliation. The pickup-run domain functions decide who may see and do what.
 */
import { Hono, type Context } from 'hono'
import * as z from 'zod'
import type { ReturnStatus } from '../../db/schema'
import { ReceiveForm, ReceiveResult, type ReceiveOutcome } from '../../views/runs/receive'
import { RunPage } from '../../views/runs/run-page'
import { RunState } from '../../views/runs/run-state'
import { RunsPage } from '../../views/runs/runs-page'
import { DomainError, InvalidInput } from '../errors'
import { fragment, isHtmx } from '../http/fragments'
import type { AppEnv } from '../http/types'
import { getHub, getStation, listHubs } from '../network/service'
import { formatCode, normalizeCode } from './code'
import {
  closePickupRun,
  createPickupRun,
  getPickupRun,
  receiveParcel,
  runManifest,
  runSummaries,
  stationsWaiting,
  type PickupRun,
  type ReceiveRefusal,
} from './pickup-runs'
import { localizedName } from '../i18n/localized-name'

export const runRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

const createRunSchema = z.object({
  stationId: z.string().trim().min(1, { error: 'choose a station' }),
  hubId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
})

runRoutes.get('/runs', async (c) => {
  const { db } = c.var.deps
  const actor = c.var.actor
  const hubs = await listHubs(db, actor)
  // A hub operator always sees its own hub, whatever the address asks for.
  const asked = c.req.query('hub')
  const hubId = actor?.hubId ?? hubs.find((h) => h.id === asked)?.id
  const [runs, waiting] = await Promise.all([
    runSummaries(db, actor, { hubId }),
    stationsWaiting(db, actor, hubId),
  ])
  return c.render(
    <RunsPage
      hubs={hubs}
      hubId={hubId}
      coordinator={actor?.role === 'COORDINATOR'}
      waiting={waiting}
      runs={runs}
    />,
    { title: c.var.t('runs.title') },
  )
})

runRoutes.post('/runs', async (c) => {
  const parsed = createRunSchema.safeParse(await c.req.parseBody())
  if (!parsed.success) throw new InvalidInput('stationId', parsed.error.issues[0]!.message)
  const run = await createPickupRun(c.var.deps.db, c.var.actor, parsed.data, c.var.deps.now())
  return c.redirect(`/runs/${run.id}`, 303)
})

async function renderRun(c: Ctx, runId: string, outcome?: ReceiveOutcome) {
  const { db } = c.var.deps
  const manifest = await runManifest(db, c.var.actor, runId)
  const [station, hubs] = await Promise.all([
    getStation(db, c.var.actor, manifest.run.stationId),
    listHubs(db, c.var.actor),
  ])
  const hub = hubs.find((h) => h.id === manifest.run.hubId)!
  const page = (
    <RunPage manifest={manifest} station={station} hub={hub} hubs={hubs} outcome={outcome} />
  )
  return c.render(page, {
    title: c.var.t('runs.run.title', { station: station.name }),
    // Adds a camera button to the code field (static/scan.js).
    head: manifest.run.status === 'OPEN' && <script src="/static/scan.js" defer></script>,
  })
}

runRoutes.get('/runs/:id', (c) => renderRun(c, c.req.param('id')))

runRoutes.post('/runs/:id/receive', async (c) => {
  const { db, now } = c.var.deps
  // An unknown run, or another hub's, is the error page's 404; only the scan itself is answered
  // in place.
  const run = await getPickupRun(db, c.var.actor, c.req.param('id'))
  const form = await c.req.parseBody()
  const typed = typeof form.code === 'string' ? form.code.trim().slice(0, 40) : ''
  const { outcome, status } = await receive(c, run, typed, now())
  c.status(status as 200)
  if (!isHtmx(c)) return renderRun(c, run.id, outcome)
  const [manifest, hubs] = await Promise.all([
    runManifest(db, c.var.actor, run.id),
    listHubs(db, c.var.actor),
  ])
  return fragment(
    c,
    <>
      <ReceiveResult outcome={outcome} />
      <ReceiveForm runId={run.id} closed={manifest.run.status === 'CLOSED'} oob />
      <RunState manifest={manifest} hubs={hubs} oob />
    </>,
  )
})

/** Receives one parcel; refusals a person can act on become an outcome with their status. */
async function receive(
  c: Ctx,
  run: PickupRun,
  typed: string,
  at: Date,
): Promise<{ outcome: ReceiveOutcome; status: number }> {
  if (!typed) return { outcome: { kind: 'empty' }, status: 400 }
  try {
    const receipt = await receiveParcel(
      c.var.deps.db,
      c.var.actor,
      { runId: run.id, code: typed },
      at,
    )
    const { code, category } = receipt.return
    const kind = receipt.alreadyReceived ? 'already' : receipt.expected ? 'received' : 'unexpected'
    return { outcome: { kind, code, category }, status: 200 }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    const code = normalizeCode(typed)
    const shown = code ? formatCode(code) : typed
    switch (error.code) {
      case 'BAD_USER_INPUT':
        return { outcome: { kind: 'badCode', typed }, status: error.status }
      case 'NOT_FOUND':
        return { outcome: { kind: 'unknown', typed: shown }, status: error.status }
      case 'CONFLICT': {
        if (error.details.reason === ('WRONG_HUB' satisfies ReceiveRefusal)) {
          const hub = await getHub(c.var.deps.db, c.var.actor, String(error.details.hubId))
          const outcome = {
            kind: 'wrongHub',
            typed: shown,
            hub: localizedName(hub, c.var.locale),
          } as const
          return { outcome, status: error.status }
        }
        const status = error.details.status as ReturnStatus | undefined
        const outcome: ReceiveOutcome = status
          ? { kind: 'notCheckedIn', typed: shown, status }
          : { kind: 'closed' }
        return { outcome, status: error.status }
      }
      default:
        throw error
    }
  }
}

runRoutes.post('/runs/:id/close', async (c) => {
  const { db, now } = c.var.deps
  const { run } = await closePickupRun(db, c.var.actor, c.req.param('id'), now())
  return c.redirect(`/runs/${run.id}`, 303)
})
