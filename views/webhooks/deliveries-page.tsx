import type { WebhookDeliveryStatus } from '../../db/schema'
import type { WebhookEndpointView } from '../../src/webhooks/service'
import { CsrfField } from '../components/csrf-field'
import { formatInstant } from '../components/format'
import { Notice, type NoticeData } from '../components/notice'
import { usePage } from '../context'
import { EndpointState, endpointPath } from './webhooks-page'

/** One row of the log, as the service lists it. */
export interface DeliveryRow {
  id: string
  eventType: string
  status: WebhookDeliveryStatus
  attempts: number
  lastResponseStatus: number | null
  lastLatencyMs: number | null
  nextAttemptAt: string | null
  createdAt: string
}

export const deliveryResendPath = (id: string) =>
  `/webhook-deliveries/${encodeURIComponent(id)}/redeliver`

const statusBadge: Record<WebhookDeliveryStatus, string> = {
  PENDING: 'badge',
  DELIVERED: 'badge badge--confirmed',
  FAILED: 'badge badge--cancelled',
}

/** An endpoint's delivery log, newest first, with "send again" and "send a test event". */
export function DeliveriesPage(props: {
  endpoint: WebhookEndpointView
  deliveries: DeliveryRow[]
  nextCursor: string | null
  notice?: NoticeData
}) {
  const { t, locale } = usePage()
  const e = props.endpoint
  const path = endpointPath(e.id)
  return (
    <>
      <h1>{t('webhooks.log.title')}</h1>
      <p>
        <code translate="no">{e.url}</code> <EndpointState endpoint={e} />
      </p>
      <p class="hint">{t('webhooks.log.lead')}</p>
      <p>
        <a href="/webhooks">{t('webhooks.back')}</a> · <a href={path}>{t('webhooks.edit')}</a>
      </p>
      {props.notice && <Notice {...props.notice} />}
      {e.enabled && (
        <form method="post" action={`${path}/test`}>
          <CsrfField />
          <button type="submit" class="button">
            {t('webhooks.log.test')}
          </button>
        </form>
      )}
      <section class="card" aria-labelledby="webhook-log">
        <h2 id="webhook-log">{t('webhooks.log.title')}</h2>
        {props.deliveries.length === 0 ? (
          <p class="muted">{t('webhooks.log.none')}</p>
        ) : (
          <table class="webhook-deliveries">
            <thead>
              <tr>
                <th scope="col">{t('webhooks.log.event')}</th>
                <th scope="col">{t('webhooks.log.status')}</th>
                <th scope="col">{t('webhooks.log.code')}</th>
                <th scope="col">{t('webhooks.log.latency')}</th>
                <th scope="col">{t('webhooks.log.attempts')}</th>
                <th scope="col">{t('webhooks.log.next')}</th>
              </tr>
            </thead>
            <tbody>
              {props.deliveries.map((d) => (
                <tr id={`delivery-${d.id}`}>
                  <th scope="row">
                    <code translate="no">{d.eventType}</code>
                    <br />
                    {formatInstant(d.createdAt, locale)}
                  </th>
                  <td>
                    <span class={statusBadge[d.status]}>{t(`webhooks.status.${d.status}`)}</span>
                  </td>
                  <td>{d.lastResponseStatus ?? t('webhooks.log.noAnswer')}</td>
                  <td>
                    {d.lastLatencyMs === null
                      ? t('webhooks.log.noNext')
                      : t('webhooks.log.latencyMs', { ms: d.lastLatencyMs })}
                  </td>
                  <td>{d.attempts}</td>
                  <td>
                    {d.nextAttemptAt && d.status === 'PENDING'
                      ? formatInstant(d.nextAttemptAt, locale)
                      : t('webhooks.log.noNext')}
                    {e.enabled && (
                      <form method="post" action={deliveryResendPath(d.id)} class="inline-form">
                        <CsrfField />
                        <button type="submit" class="button">
                          {t('webhooks.log.resend')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {props.nextCursor && (
          <p>
            <a href={`${path}/deliveries?after=${encodeURIComponent(props.nextCursor)}`}>
              {t('webhooks.log.more')}
            </a>
          </p>
        )}
      </section>
    </>
  )
}
