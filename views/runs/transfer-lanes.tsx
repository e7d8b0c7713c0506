import type { Hub } from '../../src/network/service'
import type { TransferWaiting } from '../../src/returns/transfer-runs'
import { localizedName } from '../../src/i18n/localized-name'
import { CsrfField } from '../components/csrf-field'
import { formatCount, formatInstant } from '../components/format'
import { usePage } from '../context'

/**
 * A hub's transfer lanes: parcels scanned here that belong to another hub, per hub, each with
 * the button that puts them on a transfer run to it.
 */
export function TransferLanes(props: {
  hubs: Hub[]
  fromHubId: string
  waiting: TransferWaiting[]
}) {
  const { t, locale } = usePage()
  const nameOf = (id: string) => {
    const h = props.hubs.find((x) => x.id === id)
    return h ? localizedName(h, locale) : id
  }
  return (
    <section class="card" aria-labelledby="transfers-title">
      <h2 id="transfers-title">{t('runs.transfer.title')}</h2>
      <p class="hint">{t('runs.transfer.hint')}</p>
      {props.waiting.length === 0 ? (
        <p class="muted">{t('runs.transfer.none')}</p>
      ) : (
        <table class="waiting table-stack">
          <thead>
            <tr>
              <th scope="col">{t('runs.col.destination')}</th>
              <th scope="col" class="num">
                {t('runs.col.parcels')}
              </th>
              <th scope="col">{t('runs.waiting.since')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('runs.transfer.create')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.waiting.map((w) => (
              <tr>
                <th scope="row">{nameOf(w.toHubId)}</th>
                <td class="num" data-label={t('runs.col.parcels')}>
                  {formatCount(w.parcels, locale)}
                </td>
                <td data-label={t('runs.waiting.since')}>{formatInstant(w.since, locale)}</td>
                <td>
                  <form method="post" action="/runs/transfers" class="inline-form">
                    <CsrfField />
                    <input type="hidden" name="fromHubId" value={props.fromHubId} />
                    <input type="hidden" name="toHubId" value={w.toHubId} />
                    <button type="submit" class="button button--primary">
                      {t('runs.transfer.create')}
                      <span class="visually-hidden">
                        {' '}
                        {t('runs.transfer.createFor', { hub: nameOf(w.toHubId) })}
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
