import type { QueueItem } from '../../src/inspection/queue'
import type { Hub } from '../../src/network/service'
import { formatCode } from '../../src/returns/code'
import { Notice, type NoticeData } from '../components/notice'
import { usePage } from '../context'
import { Clock } from './clock'
import { countdownFormat } from './format'
import { formatDayTime } from '../components/format'
import { localizedName } from '../../src/i18n/localized-name'

export interface QueuePageProps {
  items: QueueItem[]
  /** Hub names by id; a coordinator's queue spans hubs and shows which. */
  hubs: Hub[]
  showHub: boolean
  now: Date
  notice?: NoticeData
  /** The code as typed, kept in the field when it found nothing. */
  typed?: string
}

export const inspectHref = (id: string) => `/inspect/${encodeURIComponent(id)}`

/** The hub's inspection screen: scan or type a code, or pick the longest-waiting parcel. */
export function QueuePage(props: QueuePageProps) {
  const { t, locale } = usePage()
  const hubName = (id: string) => {
    const hub = props.hubs.find((h) => h.id === id)
    return hub ? localizedName(hub, locale) : id
  }
  return (
    <>
      <h1>{t('inspection.queue.title')}</h1>
      {props.notice && <Notice {...props.notice} />}
      <section class="card">
        <ScanForm typed={props.typed} invalid={props.notice?.tone === 'error'} />
      </section>
      <section
        class="card"
        aria-labelledby="queue-title"
        data-countdown-format={countdownFormat(t)}
      >
        <h2 id="queue-title">{t('inspection.queue.heading', { count: props.items.length })}</h2>
        <p class="hint">{t('inspection.queue.hint')}</p>
        {props.items.length === 0 ? (
          <p class="muted">{t('inspection.queue.empty')}</p>
        ) : (
          <table class="queue">
            <thead>
              <tr>
                <th scope="col">{t('inspection.queue.code')}</th>
                <th scope="col">{t('inspection.queue.category')}</th>
                <th scope="col">{t('inspection.queue.item')}</th>
                {props.showHub && <th scope="col">{t('inspection.queue.hub')}</th>}
                <th scope="col">{t('inspection.queue.arrived')}</th>
                <th scope="col">{t('inspection.queue.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((item) => (
                <tr class={item.overdue ? 'is-overdue' : undefined}>
                  <th scope="row">
                    <a class="queue__open code" href={inspectHref(item.return.id)}>
                      {formatCode(item.return.code)}
                    </a>
                  </th>
                  <td data-label={t('inspection.queue.category')}>
                    {t(`category.${item.return.category}`)}
                  </td>
                  <td data-label={t('inspection.queue.item')}>{item.return.itemDescription}</td>
                  {props.showHub && (
                    <td data-label={t('inspection.queue.hub')}>{hubName(item.return.hubId)}</td>
                  )}
                  <td data-label={t('inspection.queue.arrived')}>
                    <time datetime={item.arrivedAt}>{formatDayTime(item.arrivedAt, locale)}</time>
                  </td>
                  <td data-label={t('inspection.queue.deadline')}>
                    <Clock dueAt={item.resolutionDueAt} now={props.now} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}

/**
 * The code field: typing works everywhere, and `static/scan.js` adds a camera button to it
 * (`data-scan`). A GET form, so the parcel's screen has its own address.
 */
function ScanForm({ typed, invalid }: { typed?: string; invalid?: boolean }) {
  const { t } = usePage()
  return (
    <form class="scan-form" method="get" action="/inspect">
      <label for="inspect-code">{t('inspection.queue.scan.label')}</label>
      <div class="scan-form__row" data-scan-host>
        <input
          id="inspect-code"
          name="code"
          type="text"
          class="scan-form__code"
          value={typed}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          enterkeyhint="go"
          required
          aria-describedby="inspect-code-hint"
          aria-invalid={invalid ? 'true' : undefined}
          data-scan
          data-scan-label={t('inspection.scan.button')}
          data-scan-stop={t('inspection.scan.stop')}
          data-scan-starting={t('inspection.scan.starting')}
          data-scan-scanning={t('inspection.scan.scanning')}
          data-scan-unavailable={t('inspection.scan.unavailable')}
          data-scan-denied={t('inspection.scan.denied')}
        />
        <button type="submit" class="button button--primary button--big">
          {t('inspection.queue.scan.submit')}
        </button>
      </div>
      <p id="inspect-code-hint" class="hint">
        {t('inspection.queue.scan.hint')}
      </p>
    </form>
  )
}
