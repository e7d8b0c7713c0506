/** Form fields the shared return-form fields do not cover, with the same markup and errors. */
import { fieldId } from '../returns/fields'

interface DateFieldProps {
  name: string
  label: string
  hint?: string
  error?: string
  value?: string
  max?: string
  required?: boolean
}

/** A calendar date (`YYYY-MM-DD`), the browser's date picker where there is one. */
export function DateField(props: DateFieldProps) {
  const id = fieldId(props.name)
  const described = [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean)
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type="date"
        value={props.value}
        max={props.max}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described.length ? described.join(' ') : undefined}
      />
      {props.hint && (
        <p id={`${id}-hint`} class="hint field__hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} class="field__error">
          {props.error}
        </p>
      )}
    </div>
  )
}

interface ChoiceFieldProps {
  name: string
  legend: string
  value?: string
  error?: string
  options: readonly { value: string; label: string; hint?: string }[]
}

/** One choice among a few, as radio buttons in a fieldset. */
export function ChoiceField(props: ChoiceFieldProps) {
  const id = fieldId(props.name)
  return (
    <fieldset
      class={props.error ? 'field radio-group field--invalid' : 'field radio-group'}
      id={id}
      tabindex={-1}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label class="radio-group__option">
          <input
            type="radio"
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            aria-invalid={props.error ? 'true' : undefined}
          />
          <span>
            {o.label}
            {o.hint && <span class="hint radio-group__hint">{o.hint}</span>}
          </span>
        </label>
      ))}
      {props.error && (
        <p id={`${id}-error`} class="field__error">
          {props.error}
        </p>
      )}
    </fieldset>
  )
}
