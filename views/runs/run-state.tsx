import type { Return } from '../../src/returns/service'
import type { ManifestLine, MisroutedParcel, RunManifest } from '../../src/returns/pickup-runs'
import type { Hub } from '../../src/network/service'
import { formatCode } from '../../src/returns/code'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { localizedName } from '../../src/i18n/localized-name'
import { formatCount, formatInstant } from '../components/format'

export const runStateId = 'run-state'

/**
 * Everything on a run's page that a scan changes: the reconciliation once closed, the counts,
 * the manifest, the unexpected parcels and the close form. Scans re-render it out of band.
 */
export function RunState(props: { manifest: RunManifest; hubs: Hub[]; oob?: boolean }) {
  const { manifest, hubs, oob } = props
  const closed = manifest.run.status === 'CLOSED'
  return (
    <div id={runStateId} class="run-state" hx-swap-oob={oob ? 'true' : undefined}>
      {closed && <Reconciliation manifest={manifest} hubs={hubs} />}
      <Counts manifest={manifest} />
      <Manifest manifest={manifest} />
      {!closed && manifest.unexpected.length > 0 && <Unexpected parcels={manifest.unexpected} />}
      {!closed && manifest.misrouted.length > 0 && (
        <MisroutedSection parcels={manifest.misrouted} hubs={hubs} />
      )}
      {!closed && <CloseRun manifest={manifest} />}
    </div>
  )
}

function Counts({ manifest }: { manifest: RunManifest }) {
  const { t, locale } = usePage()
  const closed = manifest.run.status === 'CLOSED'
  const received = manifest.lines.filter((l) => l.receipt).length
  const figures = [
    ['expected', t('runs.counts.expected'), manifest.lines.length],
    ['received', t('runs.counts.received'), received],
    [
      'missing',
      closed ? t('runs.counts.missing') : t('runs.counts.outstanding'),
      manifest.missing.length,
    ],
    ['unexpected', t('runs.counts.unexpected'), manifest.unexpected.length],
  ] as const
  return (
    <section class="card" aria-label={t('runs.counts.title')}>
      <dl class="figures run-counts" id="run-counts">
        {figures.map(([key, label, value]) => (
          <div class={`run-counts__${key}${value > 0 ? ' run-counts--some' : ''}`}>
            <dt>{label}</dt>
            <dd data-count={key}>{formatCount(value, locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

function Manifest({ manifest }: { manifest: RunManifest }) {
  const { t } = usePage()
  return (
    <section class="card" tabindex={0} aria-labelledby="manifest-title">
      <h2 id="manifest-title">{t('runs.manifest.title')}</h2>
      {manifest.lines.length === 0 ? (
        <p class="muted">{t('runs.manifest.none')}</p>
      ) : (
        <table class="manifest" id="run-manifest">
          <thead>
            <tr>
              <th scope="col">{t('runs.col.code')}</th>
              <th scope="col">{t('runs.col.category')}</th>
              <th scope="col">{t('runs.col.status')}</th>
              <th scope="col">{t('runs.col.receipt')}</th>
            </tr>
          </thead>
          <tbody>
            {manifest.lines.map((line) => (
              <ManifestRow
                line={line}
                runId={manifest.run.id}
                closed={manifest.run.status === 'CLOSED'}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function ManifestRow(props: { line: ManifestLine; runId: string; closed: boolean }) {
  const { t, locale } = usePage()
  const { parcel, receipt } = props.line
  const state = receipt ? 'received' : props.closed ? 'missing' : 'pending'
  return (
    <tr class={`manifest__row manifest__row--${state}`} data-code={parcel.code}>
      <th scope="row">
        <code class="code">{formatCode(parcel.code)}</code>
      </th>
      <td>{t(`category.${parcel.category}`)}</td>
      <td>{t(`runs.parcelStatus.${parcel.status}`)}</td>
      <td>
        {receipt
          ? t(receipt.runId === props.runId ? 'runs.receipt.here' : 'runs.receipt.elsewhere', {
              at: formatInstant(receipt.at, locale),
            })
          : props.closed
            ? t('runs.receipt.missing')
            : t('runs.receipt.pending')}
      </td>
    </tr>
  )
}

function ParcelTable({ parcels, id }: { parcels: Return[]; id: string }) {
  const { t } = usePage()
  return (
    <table class="manifest" id={id}>
      <thead>
        <tr>
          <th scope="col">{t('runs.col.code')}</th>
          <th scope="col">{t('runs.col.category')}</th>
          <th scope="col">{t('runs.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {parcels.map((p) => (
          <tr data-code={p.code}>
            <th scope="row">
              <code class="code">{formatCode(p.code)}</code>
            </th>
            <td>{t(`category.${p.category}`)}</td>
            <td>{t(`runs.parcelStatus.${p.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Unexpected({ parcels }: { parcels: Return[] }) {
  const { t, locale } = usePage()
  return (
    <section class="card run-unexpected" tabindex={0} aria-labelledby="unexpected-title">
      <h2 id="unexpected-title">
        {t('runs.unexpected.title')} ({formatCount(parcels.length, locale)})
      </h2>
      <p class="hint">{t('runs.unexpected.hint')}</p>
      <ParcelTable parcels={parcels} id="run-unexpected" />
    </section>
  )
}

/** Parcels scanned here that belong to another hub, each with the hub to send it on to. */
function MisroutedTable({ parcels, hubs }: { parcels: MisroutedParcel[]; hubs: Hub[] }) {
  const { t, locale } = usePage()
  const destination = (id: string) => {
    const hub = hubs.find((h) => h.id === id)
    return hub ? localizedName(hub, locale) : id
  }
  return (
    <table class="manifest" id="run-misrouted">
      <thead>
        <tr>
          <th scope="col">{t('runs.col.code')}</th>
          <th scope="col">{t('runs.col.category')}</th>
          <th scope="col">{t('runs.col.destination')}</th>
          <th scope="col">{t('runs.col.scanned')}</th>
        </tr>
      </thead>
      <tbody>
        {parcels.map((p) => (
          <tr data-code={p.code} data-hub={p.hubId}>
            <th scope="row">
              <code class="code">{formatCode(p.code)}</code>
            </th>
            <td>{t(`category.${p.category}`)}</td>
            <td>{destination(p.hubId)}</td>
            <td>
              <time datetime={p.scannedAt}>{formatInstant(p.scannedAt, locale)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function MisroutedSection({ parcels, hubs }: { parcels: MisroutedParcel[]; hubs: Hub[] }) {
  const { t, locale } = usePage()
  return (
    <section class="card run-misrouted" tabindex={0} aria-labelledby="misrouted-title">
      <h2 id="misrouted-title">
        {t('runs.misrouted.title')} ({formatCount(parcels.length, locale)})
      </h2>
      <p class="hint">{t('runs.misrouted.hint')}</p>
      <MisroutedTable parcels={parcels} hubs={hubs} />
    </section>
  )
}

/** What a closed run came to: missing, unexpected and mis-routed parcels, each clearly marked. */
function Reconciliation({ manifest, hubs }: { manifest: RunManifest; hubs: Hub[] }) {
  const { t, locale } = usePage()
  const { missing, unexpected, misrouted } = manifest
  const n = (count: number) => formatCount(count, locale)
  return (
    <section class="card reconciliation" aria-labelledby="reconciliation-title">
      <h2 id="reconciliation-title">{t('runs.reconciliation.title')}</h2>
      <p>
        {t('runs.reconciliation.closed', {
          received: n(manifest.lines.filter((l) => l.receipt).length),
          expected: n(manifest.lines.length),
        })}
      </p>
      {missing.length === 0 && unexpected.length === 0 && misrouted.length === 0 && (
        <p class="notice notice--ok">{t('runs.reconciliation.clean')}</p>
      )}
      <div class={`reconciliation__part${missing.length ? ' reconciliation__part--missing' : ''}`}>
        <h3 id="missing-title">{t('runs.reconciliation.missing', { count: n(missing.length) })}</h3>
        {missing.length === 0 ? (
          <p class="muted">{t('runs.reconciliation.none')}</p>
        ) : (
          <>
            <p>{t('runs.reconciliation.missingHint')}</p>
            <ParcelTable parcels={missing} id="run-missing" />
          </>
        )}
      </div>
      <div
        class={`reconciliation__part${unexpected.length ? ' reconciliation__part--unexpected' : ''}`}
      >
        <h3 id="unexpected-title">
          {t('runs.reconciliation.unexpected', { count: n(unexpected.length) })}
        </h3>
        {unexpected.length === 0 ? (
          <p class="muted">{t('runs.reconciliation.none')}</p>
        ) : (
          <>
            <p>{t('runs.unexpected.hint')}</p>
            <ParcelTable parcels={unexpected} id="run-unexpected" />
          </>
        )}
      </div>
      {misrouted.length > 0 && (
        <div class="reconciliation__part reconciliation__part--misrouted">
          <h3 id="misrouted-title">
            {t('runs.reconciliation.misrouted', { count: n(misrouted.length) })}
          </h3>
          <p>{t('runs.misrouted.hint')}</p>
          <MisroutedTable parcels={misrouted} hubs={hubs} />
        </div>
      )}
    </section>
  )
}

/** Closing asks once more, without JavaScript: the button sits inside a disclosure. */
function CloseRun({ manifest }: { manifest: RunManifest }) {
  const { t, locale } = usePage()
  const outstanding = manifest.missing.length
  return (
    <section class="card" aria-labelledby="close-title">
      <h2 id="close-title">{t('runs.close.title')}</h2>
      <details class="close-run">
        <summary>{t('runs.close.open')}</summary>
        <form method="post" action={`/runs/${manifest.run.id}/close`} class="stack">
          <CsrfField />
          <p class={outstanding > 0 ? 'notice notice--warn' : 'notice notice--ok'}>
            {outstanding > 0
              ? t('runs.close.warning', { count: formatCount(outstanding, locale) })
              : t('runs.close.allIn')}
          </p>
          <p>
            <button type="submit" class="button button--close-run">
              {t('runs.close.confirm')}
            </button>
          </p>
        </form>
      </details>
    </section>
  )
}
