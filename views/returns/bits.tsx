/**
 * Small pieces every returns page shares: the grouped code, the status badge, the history.
 * Lists and the public tracking page render them many times a request, so they are templates
 * (views/components/template.ts); they are used like any component (`<StatusBadge … />`).
 */
import { raw } from 'hono/html'
import type { ReturnStatus } from '../../db/schema'
import { formatCode } from '../../src/returns/code'
import { usePage } from '../context'
import { formatInstant } from '../components/format'
import { page } from '../components/template'

/** A return code grouped in fours (`ABCD-EFGH-JKMN`), never translated or auto-linked. */
export function ReturnCode({ code, big }: { code: string; big?: boolean }) {
  return page`<span class="${big ? 'code code--big' : 'code'}" translate="no">${formatCode(code)}</span>`
}

export function StatusBadge({ status }: { status: ReturnStatus }) {
  const { t } = usePage()
  const tone = status.toLowerCase().replace('_', '-')
  return page`<span class="status status--${tone}">${t(`returns.status.${status}`)}</span>`
}

/** One entry of the history; `transfer` names the hubs of a mis-routed scan. */
export interface TimelineItem {
  status: ReturnStatus
  at: string
  transfer?: { from: string; to: string }
}

/** The status history, newest first, in Shanghai time. */
export function Timeline({ entries }: { entries: readonly TimelineItem[] }) {
  const { t, locale } = usePage()
  const items = [...entries].reverse().map((e, i) => {
    const what = e.transfer
      ? t('returns.timeline.transfer', e.transfer)
      : t(`returns.status.${e.status}`)
    const current = i === 0 ? raw(' timeline__item--current') : ''
    return page`
      <li class="timeline__item${current}">
        <span class="timeline__status">${what}</span>
        ${' '}<time class="timeline__at" datetime="${e.at}">${formatInstant(e.at, locale)}</time>
      </li>`
  })
  return page`<ol class="timeline" reversed="">${items}</ol>`
}

const MARK = '\u0000'

/**
 * A sentence with a return code in it (`t(key, { code })`), the code grouped and kept on one
 * line: `sentence` gets the code's place as `{ code: CODE_SLOT }`.
 * @example <WithCode sentence={t('returns.console.checkedIn', { code: CODE_SLOT })} code={code} />
 */
export const CODE_SLOT = MARK

export function WithCode({ sentence, code }: { sentence: string; code: string }) {
  const [before, after = ''] = sentence.split(MARK)
  return page`${before}${ReturnCode({ code })}${after}`
}
