import { usePage } from '../context'

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const

/** The weekdays a station stays shut, as checkboxes Monday to Sunday. */
export function ClosedDaysField(props: { selected: string[]; error?: string }) {
  const { t } = usePage()
  return (
    <fieldset
      class={props.error ? 'field checks field--invalid' : 'field checks'}
      aria-describedby={props.error ? 'field-closedDays-error' : undefined}
    >
      <legend>{t('stationForm.closedDays')}</legend>
      {weekdays.map((day) => (
        <label class="check">
          <input
            type="checkbox"
            name="closedDays"
            value={String(day)}
            checked={props.selected.includes(String(day))}
          />
          {t(`weekday.${day}`)}
        </label>
      ))}
      {props.error && (
        <p id="field-closedDays-error" class="field__error">
          {props.error}
        </p>
      )}
    </fieldset>
  )
}
