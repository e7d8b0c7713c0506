/** Small pieces every returns page shares: the grouped code, the status badge, the history. */
import type { ReturnStatus } from '../../db/schema'
import { formatCode } from '../../src/returns/code'
import { usePage } from '../context'
import { formatInstant } from '../components/format'

/** A return code grouped in fours (`ABCD-EFGH-JKMN`), never translated or auto-linked. */
export function ReturnCode({ code, big }: { code: string; big?: boolean }) {
  return (
    <span class={big ? 'code code--big' : 'code'} translate="no">
      {formatCode(code)}
    </span>
  )
}

export function StatusBadge({ status }: { status: ReturnStatus }) {
  const { t } = usePage()
  return (
    <span class={`status status--${status.toLowerCase().replace('_', '-')}`}>
      {t(`returns.status.${status}`)}
    </span>
  )
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
  const newestFirst = [...entries].reverse()
  return (
    <ol class="timeline" reversed>
      {newestFirst.map((e, i) => (
        <li class={i === 0 ? 'timeline__item timeline__item--current' : 'timeline__item'}>
          <span class="timeline__status">
            {e.transfer
              ? t('returns.timeline.transfer', e.transfer)
              : t(`returns.status.${e.status}`)}
          </span>{' '}
          <time class="timeline__at" datetime={e.at}>
            {formatInstant(e.at, locale)}
          </time>
        </li>
      ))}
    </ol>
  )
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
  return (
    <>
      {before}
      <ReturnCode code={code} />
      {after}
    </>
  )
}
