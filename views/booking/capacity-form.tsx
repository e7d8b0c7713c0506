import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { formatDay } from '../components/format'

/** The override for one day of the week table: only the new capacity is asked for. */
export function DayCapacityForm(props: { hubId: string; date: string; capacity: number }) {
  const { t, locale } = usePage()
  const id = `capacity-${props.date}`
  return (
    <form method="post" action="/hub/capacity" class="inline-form">
      <CsrfField />
      <input type="hidden" name="hubId" value={props.hubId} />
      <input type="hidden" name="date" value={props.date} />
      <label for={id} class="visually-hidden">
        {t('hub.override.for', { date: formatDay(props.date, locale) })}
      </label>
      <input
        id={id}
        name="capacityUnits"
        type="number"
        inputmode="numeric"
        min="0"
        step="1"
        required
        value={String(props.capacity)}
      />
      <button type="submit">
        {t('hub.override.submit')}
        <span class="visually-hidden"> {formatDay(props.date, locale)}</span>
      </button>
    </form>
  )
}

/** The override for any date from today on. */
export function CapacityForm(props: {
  hubId: string
  today: string
  values?: { date: string; units: string }
}) {
  const { t } = usePage()
  return (
    <form method="post" action="/hub/capacity" class="capacity-form">
      <CsrfField />
      <input type="hidden" name="hubId" value={props.hubId} />
      <div class="field">
        <label for="capacity-date">{t('hub.override.date')}</label>
        <input
          id="capacity-date"
          name="date"
          type="date"
          min={props.today}
          required
          value={props.values?.date}
        />
      </div>
      <div class="field">
        <label for="capacity-units">{t('hub.override.units')}</label>
        <input
          id="capacity-units"
          name="capacityUnits"
          type="number"
          inputmode="numeric"
          min="0"
          step="1"
          required
          value={props.values?.units}
        />
      </div>
      <button type="submit" class="button button--primary">
        {t('hub.override.submit')}
      </button>
    </form>
  )
}
