import type { Child } from 'hono/jsx'
import { page } from './template'

export type NoticeTone = 'ok' | 'warn' | 'error'

/** What a page says about what just happened, as routes hand it to the view. */
export interface NoticeData {
  tone: NoticeTone
  text: string
}

/**
 * A message about what just happened: an error is an alert (announced at once), the rest polite
 * status updates. Give it `text`, or children when the sentence holds markup.
 * @example <Notice tone="ok" text={t('stationDetails.saved')} />
 */
export function Notice(props: { tone: NoticeTone; text?: string; children?: Child }) {
  const role = props.tone === 'error' ? 'alert' : 'status'
  return page`<p class="notice notice--${props.tone}" role="${role}">${props.text ?? props.children}</p>`
}
