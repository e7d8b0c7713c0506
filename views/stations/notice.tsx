/** A message about what just happened, announced politely. */
export function Notice(props: { tone: 'ok' | 'warn' | 'error'; text: string }) {
  return (
    <p class={`notice notice--${props.tone}`} role={props.tone === 'error' ? 'alert' : 'status'}>
      {props.text}
    </p>
  )
}
