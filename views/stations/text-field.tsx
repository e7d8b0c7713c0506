interface TextFieldProps {
  name: string
  label: string
  value: string
  error?: string
  hint?: string
  inputmode?: 'decimal' | 'text'
  autocomplete?: string
  required?: boolean
}

/** A labelled text input with an optional hint; its error is announced and tied to it. */
export function TextField(props: TextFieldProps) {
  const id = `field-${props.name}`
  const hintId = props.hint ? `${id}-hint` : undefined
  const errorId = props.error ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type="text"
        value={props.value}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete ?? 'off'}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {props.error && (
        <p id={errorId} class="field__error">
          {props.error}
        </p>
      )}
      {props.hint && (
        <p id={hintId} class="hint">
          {props.hint}
        </p>
      )}
    </div>
  )
}
