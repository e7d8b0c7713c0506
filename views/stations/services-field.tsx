import { stationServices } from '../../db/schema'
import { usePage } from '../context'

/** The station's services as checkboxes, one per service the alliance knows. */
export function ServicesField(props: { selected: string[]; error?: string }) {
  const { t } = usePage()
  return (
    <fieldset
      class={props.error ? 'field checks field--invalid' : 'field checks'}
      aria-describedby={props.error ? 'field-services-error' : undefined}
    >
      <legend>{t('stationForm.services')}</legend>
      {stationServices.map((service) => (
        <label class="check">
          <input
            type="checkbox"
            name="services"
            value={service}
            checked={props.selected.includes(service)}
          />
          {t(`service.${service}`)}
        </label>
      ))}
      {props.error && (
        <p id="field-services-error" class="field__error">
          {props.error}
        </p>
      )}
    </fieldset>
  )
}
