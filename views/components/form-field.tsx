import type { Child } from 'hono/jsx'

interface FormFieldProps {
  name: string
  label: string
  type?: string
  value?: string
  error?: string
  autocomplete?: string
  required?: boolean
  children?: Child
}

/** A labelled input whose error, when there is one, is announced and tied to the input. */
export function FormField(props: FormFieldProps) {
  const id = `field-${props.name}`
  const errorId = `${id}-error`
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? errorId : undefined}
      />
      {props.error && (
        <p id={errorId} class="field__error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  )
}
