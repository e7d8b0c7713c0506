/**
 * The hub's pickup-run pages: stations with parcels waiting and recent runs, one run's manifest
 * with receiving by scan (an htmx fragment, or the whole page without JavaScript), and closing
 * with its reconciliation. The pickup-run domain functions decide who may see and do what.
 */
import { Hono, type Context } from 'hono'
import { returnStatuses } from '../../db/schema'
import { ReceiveForm, ReceiveResult, type ReceiveOutcome } from '../../views/runs/receive'
import { RunPage } from '../../views/runs/run-page'
import { RunState } from '../../views/runs/run-state'
import { RunsPage } from '../../views/runs/runs-page'
import type { DomainError } from '../errors'
import { form, type FormRefusal } from '../http/form'
import { fragment, isHtmx } from '../http/fragments'
import { refusalText } from '../http/refusal-copy'
import { attempt, refused } from '../http/respond'
import type { AppEnv } from '../http/types'
import { localizedName } from '../i18n/localized-name'
import { getHub, getStation, listHubs } from '../network/service'
import { formatCode, normalizeCode } from './code'
import { createRunForm, receiveForm } from './forms'
import { transferRunSchema } from './schemas'
import { createTransferRun, transfersWaiting } from './transfer-runs'
import {
  closePickupRun,
  createPickupRun,
  getPickupRun,
  receiveParcel,
  runManifest,
  runSummaries,
  stationsWaiting,
  type PickupRun,
} from './pickup-runs'

export const runRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

runRoutes.get('/runs', async (c) => {
  const { db } = c.get('deps')
  const actor = c.get('actor')
  const hubs = await listHubs(db, actor)
  // A hub operator always sees its own hub, whatever the address asks for.
  const asked = c.req.query('hub')
  const hubId = actor?.hubId ?? hubs.find((h) => h.id === asked)?.id
  const [runs, waiting, transfers] = await Promise.all([
    runSummaries(db, actor, { hubId }),
    stationsWaiting(db, actor, hubId),
    hubId ? transfersWaiting(db, actor, hubId) : undefined,
  ])
  return c.render(
    <RunsPage
      hubs={hubs}
      hubId={hubId}
      coordinator={actor?.role === 'COORDINATOR'}
      waiting={waiting}
      runs={runs}
      transfers={transfers}
    />,
    { title: c.get('t')('runs.title') },
  )
})

runRoutes.post('/runs', form(createRunForm), async (c) => {
  const input = c.req.valid('form')
  const run = await createPickupRun(c.get('deps').db, c.get('actor'), input, c.get('deps').now())
  return c.redirect(`/runs/${run.id}`, 303)
})

runRoutes.post('/runs/transfers', form(transferRunSchema), async (c) => {
  const input = c.req.valid('form')
  await createTransferRun(c.get('deps').db, c.get('actor'), input, c.get('deps').now())
  return c.redirect(`/runs?hub=${encodeURIComponent(input.fromHubId)}`, 303)
})

async function renderRun(c: Ctx, runId: string, outcome?: ReceiveOutcome) {
  const { db } = c.get('deps')
  const manifest = await runManifest(db, c.get('actor'), runId)
  const [station, hubs] = await Promise.all([
    getStation(db, c.get('actor'), manifest.run.stationId),
    listHubs(db, c.get('actor')),
  ])
  const hub = hubs.find((h) => h.id === manifest.run.hubId)!
  const page = (
    <RunPage manifest={manifest} station={station} hub={hub} hubs={hubs} outcome={outcome} />
  )
  const fromHub = hubs.find((h) => h.id === manifest.run.fromHubId)
  return c.render(page, {
    title: fromHub
      ? c.get('t')('runs.run.transferTitle', { hub: localizedName(fromHub, c.get('locale')) })
      : c.get('t')('runs.run.title', { station: station.name }),
    // Adds a camera button to the code field (static/scan.js), and the lane's sound.
    head: manifest.run.status === 'OPEN' && (
      <>
        <script src="/static/scan.js" defer></script>
        <script src="/static/lane-sound.js" defer></script>
      </>
    ),
  })
}

runRoutes.get('/runs/:id', (c) => renderRun(c, c.req.param('id')))

/** What htmx swaps in after a scan: the result, and the form and run state out of band. */
async function scanned(c: Ctx, run: PickupRun, outcome: ReceiveOutcome) {
  const { db } = c.get('deps')
  const [manifest, hubs] = await Promise.all([
    runManifest(db, c.get('actor'), run.id),
    listHubs(db, c.get('actor')),
  ])
  return (
    <>
      <ReceiveResult outcome={outcome} />
      <ReceiveForm runId={run.id} closed={manifest.run.status === 'CLOSED'} oob />
      <RunState manifest={manifest} hubs={hubs} oob />
    </>
  )
}

/** A scan refused: the result in place, or the whole page with it. */
const refusedScan = (c: Ctx, run: PickupRun, error: DomainError, outcome: ReceiveOutcome) =>
  refused(c, error, {
    fragment: () => scanned(c, run, outcome),
    page: () => renderRun(c, run.id, outcome),
  })

// An unknown run, or another hub's, is the error page's 404; only the scan itself is answered
// in place.
const scannedRun = (c: Ctx) =>
  getPickupRun(c.get('deps').db, c.get('actor'), c.req.param('id') ?? '')

/** Nothing typed: say so where the result goes. */
const emptyScan = async (c: Ctx, refusal: FormRefusal) =>
  refusedScan(c, await scannedRun(c), refusal.error, { kind: 'empty' })

runRoutes.post('/runs/:id/receive', form(receiveForm, emptyScan), async (c) => {
  const { db, now } = c.get('deps')
  const run = await scannedRun(c)
  const { code: typed, quarantine } = c.req.valid('form')
  const scan = await attempt(
    receiveParcel(db, c.get('actor'), { runId: run.id, code: typed, quarantine }, now()),
    ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'],
  )
  if (!scan.ok) return refusedScan(c, run, scan.error, await scanRefusal(c, scan.error, typed))
  const { return: parcel, alreadyReceived, expected, lane, laneCountToday } = scan.value
  const kind = alreadyReceived ? 'already' : expected ? 'received' : 'unexpected'
  const { code, category } = parcel
  const to = scan.value.transferToHubId
  const outcome: ReceiveOutcome = to
    ? {
        kind: 'transfer',
        code,
        category,
        hub: localizedName(await getHub(db, c.get('actor'), to), c.get('locale')),
        lane,
        laneCountToday,
      }
    : { kind, code, category, lane, laneCountToday, quarantine: scan.value.quarantineReason }
  if (!isHtmx(c)) return renderRun(c, run.id, outcome)
  return fragment(c, await scanned(c, run, outcome))
})

/** Why a scan was refused, in the words of the receive form: the code as it reads, and why. */
async function scanRefusal(c: Ctx, error: DomainError, typed: string): Promise<ReceiveOutcome> {
  const code = normalizeCode(typed)
  const shown = code ? formatCode(code) : typed
  if (error.code === 'BAD_USER_INPUT') return { kind: 'badCode', typed }
  if (error.code === 'NOT_FOUND') return { kind: 'unknown', typed: shown }
  const status = returnStatuses.find((s) => s === error.details.status)
  switch (error.details.reason) {
    case 'WRONG_HUB': {
      const hub = await getHub(c.get('deps').db, c.get('actor'), String(error.details.hubId))
      return { kind: 'wrongHub', typed: shown, hub: localizedName(hub, c.get('locale')) }
    }
    case 'NOT_CHECKED_IN':
      if (status) return { kind: 'notCheckedIn', typed: shown, status }
      break
    case 'RUN_CLOSED':
      return { kind: 'closed' }
  }
  return { kind: 'refused', text: refusalText({ t: c.get('t'), locale: c.get('locale') }, error) }
}

runRoutes.post('/runs/:id/close', async (c) => {
  const { db, now } = c.get('deps')
  const { run } = await closePickupRun(db, c.get('actor'), c.req.param('id'), now())
  return c.redirect(`/runs/${run.id}`, 303)
})
