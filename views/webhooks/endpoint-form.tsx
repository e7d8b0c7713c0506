import { webhookEventTypes } from '../../src/events/types'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'

/** The endpoint form's fields as sent or stored, and what was wrong with them. */
export interface EndpointFormState {
  url: string
  events: string[]
  description: string
  enabled?: boolean
  errors: { url?: string; events?: string; description?: string }
}

/**
 * The fields of an endpoint, for adding one and for changing one (`withEnabled` adds the switch
 * that turns an endpoint that was switched off back on). A refused field is marked and says why.
 */
export function EndpointForm(props: {
  action: string
  state?: EndpointFormState
  submitLabel: string
  withEnabled?: boolean
}) {
  const { t } = usePage()
  const s = props.state
  const ticked = new Set(s?.events ?? [])
  const errors = s?.errors ?? {}
  return (
    <form class="stack" method="post" action={props.action}>
      <CsrfField />
      <div class={errors.url ? 'field field--invalid' : 'field'}>
        <label for="webhook-url">{t('webhooks.url')}</label>
        <input
          id="webhook-url"
          name="url"
          type="url"
          inputmode="url"
          maxlength={2000}
          required
          autocomplete="off"
          spellcheck={false}
          translate="no"
          value={s?.url}
          aria-invalid={errors.url ? 'true' : undefined}
          aria-describedby={errors.url ? 'webhook-url-error' : 'webhook-url-hint'}
        />
        <p id="webhook-url-hint" class="hint">
          {t('webhooks.urlHint')}
        </p>
        {errors.url && (
          <p id="webhook-url-error" class="field__error" role="alert">
            {errors.url}
          </p>
        )}
      </div>
      <div class={errors.description ? 'field field--invalid' : 'field'}>
        <label for="webhook-description">{t('webhooks.description')}</label>
        <input
          id="webhook-description"
          name="description"
          type="text"
          maxlength={200}
          autocomplete="off"
          value={s?.description}
          aria-invalid={errors.description ? 'true' : undefined}
          aria-describedby={
            errors.description ? 'webhook-description-error' : 'webhook-description-hint'
          }
        />
        <p id="webhook-description-hint" class="hint">
          {t('webhooks.descriptionHint')}
        </p>
        {errors.description && (
          <p id="webhook-description-error" class="field__error" role="alert">
            {errors.description}
          </p>
        )}
      </div>
      <fieldset class={errors.events ? 'field field--invalid' : 'field'}>
        <legend>{t('webhooks.eventsLegend')}</legend>
        {errors.events && (
          <p class="field__error" role="alert">
            {errors.events}
          </p>
        )}
        {webhookEventTypes.map((type) => (
          <div class="field field--check">
            <input
              id={`webhook-event-${type}`}
              type="checkbox"
              name="events"
              value={type}
              checked={ticked.has(type)}
            />
            <label for={`webhook-event-${type}`}>
              <code translate="no">{type}</code>
            </label>
          </div>
        ))}
      </fieldset>
      {props.withEnabled && (
        <div class="field field--check">
          <input
            id="webhook-enabled"
            type="checkbox"
            name="enabled"
            value="1"
            checked={s?.enabled ?? true}
            aria-describedby="webhook-enabled-hint"
          />
          <label for="webhook-enabled">{t('webhooks.enabledLabel')}</label>
          <p id="webhook-enabled-hint" class="hint">
            {t('webhooks.enabledHint')}
          </p>
        </div>
      )}
      <p>
        <button type="submit" class="button button--primary">
          {props.submitLabel}
        </button>
      </p>
    </form>
  )
}
