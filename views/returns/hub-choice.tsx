import type { Hub } from '../../src/network/service'
import type { SuggestedHub } from '../../src/returns/hub-choice'
import { localizedName } from '../../src/i18n/localized-name'
import { formatCount } from '../components/format'
import { fieldId, SelectField } from '../components/form-field'
import { Notice } from '../components/notice'
import { usePage } from '../context'

/** The customer's region as asked for, and what came of it. */
export interface RegionAsked {
  /** As typed, to show again. */
  typed: string
  /** Set when the region could not be read (too long). */
  error?: string
  suggestion: SuggestedHub | null
}

export const hubChoiceId = 'hub-choice'
const regionFormId = 'hub-region'

/**
 * The first step of the form: where the customer will likely drop the parcel off. A form of its
 * own (GET, so the address can be shared and works without JavaScript); htmx swaps only the hub
 * field below with the suggestion.
 */
export function RegionStep(props: { regions: readonly string[]; asked?: RegionAsked }) {
  const { t } = usePage()
  const id = fieldId('region')
  const error = props.asked?.error
  return (
    <form
      class="card region-step"
      id={regionFormId}
      method="get"
      action="/returns/new"
      hx-get="/returns/new"
      hx-target={`#${hubChoiceId}`}
      hx-swap="outerHTML"
      aria-labelledby="region-title"
    >
      <h2 id="region-title">{t('returns.region.title')}</h2>
      <div class={error ? 'field field--invalid' : 'field'}>
        <label for={id}>{t('returns.region.label')}</label>
        <div class="region-step__ask">
          <input
            id={id}
            name="region"
            type="text"
            list="region-list"
            autocomplete="off"
            maxlength={40}
            value={props.asked?.typed}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={[`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')}
          />
          <button type="submit" class="button">
            {t('returns.region.submit')}
          </button>
        </div>
        <p id={`${id}-hint`} class="hint field__hint">
          {t('returns.region.hint')}
        </p>
        {error && (
          <p id={`${id}-error`} class="field__error" role="alert">
            {error}
          </p>
        )}
        <datalist id="region-list">
          {props.regions.map((r) => (
            <option value={r} />
          ))}
        </datalist>
      </div>
    </form>
  )
}

/** What the suggestion says, or that the region has no station. */
function SuggestionNotice({ asked, hubs }: { asked: RegionAsked; hubs: readonly Hub[] }) {
  const { t, locale } = usePage()
  if (asked.error) return <Notice tone="error" text={asked.error} />
  const s = asked.suggestion
  if (!s) return <Notice tone="warn" text={t('returns.region.none', { region: asked.typed })} />
  const hub = hubs.find((h) => h.id === s.hub.id) ?? s.hub
  return (
    <Notice
      tone="ok"
      text={t(`returns.region.suggested.${s.reason}`, {
        region: s.region,
        hub: localizedName(hub, locale),
        stations: formatCount(s.stations, locale),
        total: formatCount(s.regionStations, locale),
      })}
    />
  )
}

/**
 * The destination hub field, pre-selected with the suggestion when there is one, and what
 * happens to a parcel dropped off elsewhere. The page's own field and the htmx answer to the
 * region step.
 */
export function HubChoice(props: {
  hubs: readonly Hub[]
  value: string
  error?: string
  asked?: RegionAsked
}) {
  const { t, locale } = usePage()
  const { hubs } = props
  return (
    <div id={hubChoiceId} class="hub-choice">
      {props.asked?.typed && <SuggestionNotice asked={props.asked} hubs={hubs} />}
      <SelectField
        name="hubId"
        label={t('returns.field.hubId')}
        value={props.value}
        error={props.error}
        hint={t('returns.hub.transfer')}
        placeholder={hubs.length > 1 ? t('returns.field.choose') : undefined}
        options={hubs.map((h) => ({ value: h.id, label: localizedName(h, locale) }))}
        required
      />
    </div>
  )
}
