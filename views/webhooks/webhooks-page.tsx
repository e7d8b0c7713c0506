import type { WebhookEndpointView } from '../../src/webhooks/service'
import { ConfirmStep } from '../components/confirm-step'
import { CsrfField } from '../components/csrf-field'
import { formatInstant } from '../components/format'
import { Notice, type NoticeData } from '../components/notice'
import { usePage } from '../context'
import { EndpointForm, type EndpointFormState } from './endpoint-form'

export interface WebhooksProps {
  endpoints: WebhookEndpointView[]
  notice?: NoticeData
  /** An endpoint just added: its signing secret, shown this once. */
  created?: { url: string; secret: string }
  form?: EndpointFormState
}

export const endpointPath = (id: string) => `/webhooks/${encodeURIComponent(id)}`

/** The caller's webhook endpoints: what was just added, the list, and the form to add one. */
export function WebhooksPage(props: WebhooksProps) {
  const { t, actor } = usePage()
  return (
    <>
      <h1>{t('webhooks.title')}</h1>
      <p class="hint">{t('webhooks.lead')}</p>
      {actor?.role === 'COORDINATOR' && <p class="hint">{t('webhooks.coordinatorLead')}</p>}
      <div class="stack">
        {props.notice && <Notice {...props.notice} />}
        {props.created && <CreatedSecret {...props.created} />}
        <section class="card" aria-labelledby="webhooks-list">
          <h2 id="webhooks-list">{t('webhooks.title')}</h2>
          {props.endpoints.length === 0 ? (
            <p class="muted">{t('webhooks.none')}</p>
          ) : (
            <table class="webhooks">
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.url')}</th>
                  <th scope="col">{t('webhooks.events')}</th>
                  <th scope="col">{t('webhooks.description')}</th>
                  <th scope="col">{t('webhooks.state')}</th>
                  <th scope="col">{t('webhooks.created')}</th>
                </tr>
              </thead>
              <tbody>
                {props.endpoints.map((e) => (
                  <EndpointRow endpoint={e} />
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section class="card" aria-labelledby="webhook-create">
          <h2 id="webhook-create">{t('webhooks.createTitle')}</h2>
          <EndpointForm action="/webhooks" state={props.form} submitLabel={t('webhooks.create')} />
        </section>
      </div>
    </>
  )
}

/** The secret of an endpoint just added, once, in a field that is easy to select and copy. */
function CreatedSecret(props: { url: string; secret: string }) {
  const { t } = usePage()
  return (
    <section class="card notice notice--ok" role="status" aria-labelledby="webhook-created">
      <h2 id="webhook-created">{t('webhooks.created.title')}</h2>
      <p>
        <code translate="no">{props.url}</code>
      </p>
      <p>{t('webhooks.created.copy')}</p>
      <div class="field">
        <label for="webhook-secret">{t('webhooks.created.label')}</label>
        <input
          id="webhook-secret"
          type="text"
          readonly
          value={props.secret}
          autocomplete="off"
          spellcheck={false}
          translate="no"
          class="api-token-secret"
        />
      </div>
    </section>
  )
}

export function EventList({ events }: { events: string[] }) {
  return (
    <ul>
      {events.map((type) => (
        <li>
          <code translate="no">{type}</code>
        </li>
      ))}
    </ul>
  )
}

export function EndpointState({ endpoint: e }: { endpoint: WebhookEndpointView }) {
  const { t, locale } = usePage()
  return e.enabled ? (
    <span class="badge badge--confirmed">{t('webhooks.enabled')}</span>
  ) : (
    <span class="badge badge--cancelled">
      {t('webhooks.disabledOn', { at: e.disabledAt ? formatInstant(e.disabledAt, locale) : '' })}
    </span>
  )
}

function EndpointRow({ endpoint: e }: { endpoint: WebhookEndpointView }) {
  const { t, locale } = usePage()
  const path = endpointPath(e.id)
  return (
    <tr id={`webhook-${e.id}`}>
      <th scope="row">
        <code translate="no">{e.url}</code>
      </th>
      <td>
        <EventList events={e.events} />
      </td>
      <td>{e.description}</td>
      <td>
        <EndpointState endpoint={e} />
      </td>
      <td>
        {formatInstant(e.createdAt, locale)}
        <p>
          <a href={path}>{t('webhooks.edit')}</a> ·{' '}
          <a href={`${path}/deliveries`}>{t('webhooks.deliveries')}</a>
        </p>
      </td>
    </tr>
  )
}

/** Changing one endpoint, with the way to delete it. */
export function EditEndpointPage(props: {
  endpoint: WebhookEndpointView
  form?: EndpointFormState
}) {
  const { t } = usePage()
  const e = props.endpoint
  const state: EndpointFormState = props.form ?? {
    url: e.url,
    events: e.events,
    description: e.description,
    enabled: e.enabled,
    errors: {},
  }
  return (
    <>
      <h1>{t('webhooks.editTitle')}</h1>
      <p>
        <code translate="no">{e.url}</code> <EndpointState endpoint={e} />
      </p>
      <p>
        <a href="/webhooks">{t('webhooks.back')}</a> ·{' '}
        <a href={`${endpointPath(e.id)}/deliveries`}>{t('webhooks.deliveries')}</a>
      </p>
      <section class="card" aria-labelledby="webhook-edit">
        <h2 id="webhook-edit">{t('webhooks.editTitle')}</h2>
        <EndpointForm
          action={endpointPath(e.id)}
          state={state}
          submitLabel={t('webhooks.save')}
          withEnabled
        />
      </section>
      <section class="card" aria-labelledby="webhook-delete">
        <h2 id="webhook-delete">{t('webhooks.delete')}</h2>
        <form method="post" action={`${endpointPath(e.id)}/delete`}>
          <CsrfField />
          <button type="submit" class="button">
            {t('webhooks.delete')}
          </button>
        </form>
      </section>
    </>
  )
}

/** The confirmation before deleting, as a page of its own. */
export function DeleteEndpointPage({ endpoint: e }: { endpoint: WebhookEndpointView }) {
  const { t } = usePage()
  return (
    <>
      <h1>{t('webhooks.title')}</h1>
      <section class="card" id={`webhook-${e.id}`}>
        <p>
          <code translate="no">{e.url}</code>
        </p>
        <ConfirmStep
          id={`delete-${e.id}`}
          title={t('webhooks.confirm.title')}
          lead={t('webhooks.confirm.lead')}
          warning={t('webhooks.confirm.warning')}
          action={`${endpointPath(e.id)}/delete`}
          fields={{}}
          confirmLabel={t('webhooks.confirm.submit')}
          backHref={endpointPath(e.id)}
          hxTarget={`#webhook-${e.id}`}
        />
      </section>
    </>
  )
}
