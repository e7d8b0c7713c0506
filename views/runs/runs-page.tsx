import type { RunSummary, StationWaiting } from '../../src/returns/pickup-runs'
import type { Hub } from '../../src/network/service'
import type { TransferWaiting } from '../../src/returns/transfer-runs'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { localizedName } from '../../src/i18n/localized-name'
import { formatCount, formatInstant } from '../components/format'
import { TransferLanes } from './transfer-lanes'

export interface RunsPageProps {
  hubs: Hub[]
  /** The hub shown: the operator's own, or the coordinator's filter (undefined: all hubs). */
  hubId?: string
  /** Coordinators see every hub and may filter; hub operators see their own. */
  coordinator: boolean
  waiting: StationWaiting[]
  runs: RunSummary[]
  /** The shown hub's transfer lanes; absent when no single hub is shown. */
  transfers?: TransferWaiting[]
}

/** The hub's pickup runs: stations to collect from, and the runs so far. */
export function RunsPage(props: RunsPageProps) {
  const { t } = usePage()
  return (
    <>
      <h1>{t('runs.title')}</h1>
      <p class="hint">{t('runs.lead')}</p>
      {props.coordinator && <HubFilter hubs={props.hubs} hubId={props.hubId} />}
      <WaitingStations {...props} />
      {props.hubId && props.transfers && (
        <TransferLanes hubs={props.hubs} fromHubId={props.hubId} waiting={props.transfers} />
      )}
      <RecentRuns {...props} />
    </>
  )
}

function HubFilter({ hubs, hubId }: { hubs: Hub[]; hubId?: string }) {
  const { t, locale } = usePage()
  return (
    <form method="get" action="/runs" class="filters">
      <label for="runs-hub">{t('runs.filter.label')}</label>
      <select id="runs-hub" name="hub">
        <option value="">{t('runs.filter.all')}</option>
        {hubs.map((h) => (
          <option value={h.id} selected={h.id === hubId}>
            {localizedName(h, locale)}
          </option>
        ))}
      </select>
      <button type="submit">{t('runs.filter.submit')}</button>
    </form>
  )
}

function WaitingStations({ hubs, hubId, coordinator, waiting }: RunsPageProps) {
  const { t, locale } = usePage()
  const hub = hubs.find((h) => h.id === hubId)
  const nameOf = (id: string) => {
    const h = hubs.find((x) => x.id === id)
    return h ? localizedName(h, locale) : id
  }
  return (
    <section class="card" aria-labelledby="waiting-title">
      <h2 id="waiting-title">
        {hub
          ? t('runs.waiting.titleHub', { hub: localizedName(hub, locale) })
          : t('runs.waiting.title')}
      </h2>
      {waiting.length === 0 ? (
        <p class="muted">{t('runs.waiting.none')}</p>
      ) : (
        <table class="waiting table-stack">
          <thead>
            <tr>
              <th scope="col">{t('runs.col.station')}</th>
              {coordinator && <th scope="col">{t('runs.col.hub')}</th>}
              <th scope="col" class="num">
                {t('runs.col.parcels')}
              </th>
              <th scope="col">{t('runs.waiting.since')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('runs.waiting.create')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((w) => (
              <tr>
                <th scope="row">
                  {w.station.name}
                  <span class="muted"> · {w.station.storeName}</span>
                </th>
                {coordinator && <td data-label={t('runs.col.hub')}>{nameOf(w.hubId)}</td>}
                <td class="num" data-label={t('runs.col.parcels')}>
                  {formatCount(w.parcels, locale)}
                </td>
                <td data-label={t('runs.waiting.since')}>{formatInstant(w.since, locale)}</td>
                <td>
                  <form method="post" action="/runs" class="inline-form">
                    <CsrfField />
                    <input type="hidden" name="stationId" value={w.station.id} />
                    {coordinator && <input type="hidden" name="hubId" value={w.hubId} />}
                    <button type="submit" class="button button--primary">
                      {t('runs.waiting.create')}
                      <span class="visually-hidden">
                        {' '}
                        {t('runs.waiting.createFor', {
                          station: w.station.name,
                          hub: nameOf(w.hubId),
                        })}
                      </span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function RecentRuns({ hubs, coordinator, runs }: RunsPageProps) {
  const { t, locale } = usePage()
  const nameOf = (id: string) => {
    const h = hubs.find((x) => x.id === id)
    return h ? localizedName(h, locale) : id
  }
  return (
    <section class="card" aria-labelledby="runs-title">
      <h2 id="runs-title">{t('runs.list.title')}</h2>
      {runs.length === 0 ? (
        <p class="muted">{t('runs.list.none')}</p>
      ) : (
        <table class="runs">
          <thead>
            <tr>
              <th scope="col">{t('runs.col.station')}</th>
              {coordinator && <th scope="col">{t('runs.col.hub')}</th>}
              <th scope="col">{t('runs.col.created')}</th>
              <th scope="col">{t('runs.col.status')}</th>
              <th scope="col" class="num">
                {t('runs.col.parcels')}
              </th>
              <th scope="col" class="num">
                {t('runs.col.received')}
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map(({ run, stationName, expected, received, unexpected }) => (
              <tr>
                <th scope="row">
                  <a href={`/runs/${run.id}`}>
                    {run.fromHubId
                      ? t('runs.transfer.fromHub', { hub: nameOf(run.fromHubId) })
                      : stationName}
                  </a>
                </th>
                {coordinator && <td>{nameOf(run.hubId)}</td>}
                <td>{formatInstant(run.createdAt, locale)}</td>
                <td>
                  <RunStatusBadge status={run.status} />
                </td>
                <td class="num">{formatCount(expected, locale)}</td>
                <td class="num">
                  {formatCount(received, locale)}
                  {unexpected > 0 && (
                    <span class="run-flag">
                      {' '}
                      {t('runs.unexpectedCount', { count: formatCount(unexpected, locale) })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

export function RunStatusBadge({ status }: { status: 'OPEN' | 'CLOSED' }) {
  const { t } = usePage()
  return (
    <span class={`badge badge--run-${status.toLowerCase()}`}>{t(`runs.status.${status}`)}</span>
  )
}
