import type { Hub, Station } from '../../src/network/service'
import type { RunManifest } from '../../src/returns/pickup-runs'
import { usePage } from '../context'
import { ReceivePanel, type ReceiveOutcome } from './receive'
import { RunState } from './run-state'
import { RunStatusBadge } from './runs-page'
import { localizedName } from '../../src/i18n/localized-name'
import { formatInstant } from '../components/format'

export interface RunPageProps {
  manifest: RunManifest
  station: Station
  hub: Hub
  /** The alliance's hubs, to name where a mis-routed parcel belongs. */
  hubs: Hub[]
  /** The last scan's result, when the page answers a form posted without JavaScript. */
  outcome?: ReceiveOutcome
}

/** One pickup run: scanning parcels in while open, the reconciliation once closed. */
export function RunPage({ manifest, station, hub, hubs, outcome }: RunPageProps) {
  const { t, locale } = usePage()
  const { run } = manifest
  const closed = run.status === 'CLOSED'
  const fromHub = run.fromHubId && hubs.find((h) => h.id === run.fromHubId)
  // A transfer run comes from a hub; its station is only where its oldest parcel was checked in.
  const origin = fromHub ? localizedName(fromHub, locale) : station.name
  return (
    <>
      <p class="breadcrumb">
        <a href="/runs">← {t('runs.back')}</a>
      </p>
      <h1>
        {fromHub
          ? t('runs.run.transferTitle', { hub: origin })
          : t('runs.run.title', { station: origin })}
      </h1>
      <p class="run-meta">
        <RunStatusBadge status={run.status} />
        <span>{t('runs.run.route', { station: origin, hub: localizedName(hub, locale) })}</span>
        <span>{t('runs.run.created', { at: formatInstant(run.createdAt, locale) })}</span>
        {run.closedAt && (
          <span>{t('runs.run.closed', { at: formatInstant(run.closedAt, locale) })}</span>
        )}
      </p>
      {/* A closed run leads with its reconciliation; the scan card only reports a refused scan. */}
      {(!closed || outcome) && <ReceivePanel runId={run.id} closed={closed} outcome={outcome} />}
      <RunState manifest={manifest} hubs={hubs} />
    </>
  )
}
