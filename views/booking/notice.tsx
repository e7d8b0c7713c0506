/** A message about what just happened: announced politely, or at once when something failed. */
export interface NoticeData {
  tone: 'ok' | 'warn' | 'error'
  text: string
}

export function Notice({ notice }: { notice: NoticeData }) {
  return (
    <p class={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  )
}
