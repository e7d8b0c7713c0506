/**
 * The form fields of every page: each has a label, an optional hint and, when the last
 * submission was wrong, an error that is tied to the control (aria-invalid, aria-describedby).
 * A form with an error summary announces its errors there; a form without one sets `announce`
 * so each field's error is an alert of its own.
 */
import type { Child } from 'hono/jsx'

interface Base {
  name: string
  label: string
  hint?: string
  error?: string
  announce?: boolean
}

export const fieldId = (name: string) => `field-${name}`

function describedBy({ name, hint, error }: Base): string | undefined {
  const ids = [hint && `${fieldId(name)}-hint`, error && `${fieldId(name)}-error`].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

function Wrap(props: Base & { children: Child; check?: boolean }) {
  const id = fieldId(props.name)
  const classes = ['field', props.check && 'field--check', props.error && 'field--invalid']
  return (
    <div class={classes.filter(Boolean).join(' ')}>
      {props.check ? (
        props.children
      ) : (
        <>
          <label for={id}>{props.label}</label>
          {props.children}
        </>
      )}
      {props.hint && (
        <p id={`${id}-hint`} class="hint field__hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} class="field__error" role={props.announce ? 'alert' : undefined}>
          {props.error}
        </p>
      )}
    </div>
  )
}

const aria = (props: Base) => ({
  id: fieldId(props.name),
  name: props.name,
  'aria-invalid': props.error ? ('true' as const) : undefined,
  'aria-describedby': describedBy(props),
})

/** A one-line input: text by default, or an email address or a password. */
export function TextField(
  props: Base & {
    type?: 'text' | 'email' | 'password' | 'tel'
    value?: string
    required?: boolean
    maxlength?: number
    inputmode?: 'text' | 'decimal' | 'email' | 'tel'
    autocomplete?: string
    placeholder?: string
  },
) {
  return (
    <Wrap {...props}>
      <input
        {...aria(props)}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        maxlength={props.maxlength}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete ?? 'off'}
        placeholder={props.placeholder}
      />
    </Wrap>
  )
}

export function TextArea(
  props: Base & { value?: string; required?: boolean; maxlength?: number; rows?: number },
) {
  return (
    <Wrap {...props}>
      <textarea
        {...aria(props)}
        rows={props.rows ?? 3}
        required={props.required}
        maxlength={props.maxlength}
      >
        {props.value ?? ''}
      </textarea>
    </Wrap>
  )
}

export function SelectField(
  props: Base & {
    value?: string
    required?: boolean
    placeholder?: string
    options: readonly { value: string; label: string }[]
  },
) {
  return (
    <Wrap {...props}>
      <select {...aria(props)} required={props.required}>
        {props.placeholder !== undefined && (
          <option value="" selected={!props.value}>
            {props.placeholder}
          </option>
        )}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  )
}

export function CheckboxField(props: Base & { checked?: boolean }) {
  return (
    <Wrap {...props} check>
      <input {...aria(props)} type="checkbox" checked={props.checked} />
      <label for={fieldId(props.name)}>{props.label}</label>
    </Wrap>
  )
}

/** A calendar date (`YYYY-MM-DD`), the browser's date picker where there is one. */
export function DateField(props: Base & { value?: string; max?: string; required?: boolean }) {
  return (
    <Wrap {...props}>
      <input
        {...aria(props)}
        type="date"
        value={props.value}
        max={props.max}
        required={props.required}
      />
    </Wrap>
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
