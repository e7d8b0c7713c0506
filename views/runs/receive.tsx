import {
  quarantineReasons,
  type Category,
  type LaneKindName,
  type QuarantineReason,
  type ReturnStatus,
} from '../../db/schema'
import { formatCode } from '../../src/returns/code'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'

/** What one scan at the hub came to, as the receive form reports it. */
export type ReceiveOutcome =
  | {
      kind: 'received' | 'unexpected' | 'already'
      code: string
      category: Category
      /** Where the parcel goes on the floor, and how many went there today. */
      lane: { code: string; kind: LaneKindName } | null
      laneCountToday: number
      /** Why the receipt sent it to quarantine, when it did. */
      quarantine: QuarantineReason | null
    }
  | { kind: 'empty' | 'closed' }
  | { kind: 'badCode' | 'unknown'; typed: string }
  | { kind: 'notCheckedIn'; typed: string; status: ReturnStatus }
  /**
   * Bound for another hub of the alliance: not received, put on the transfer lane for `hub` (its
   * name), and listed on the run as mis-routed.
   */
  | {
      kind: 'transfer'
      code: string
      category: Category
      hub: string
      /** The transfer lane, and how many went onto it today. */
      lane: { code: string; kind: LaneKindName } | null
      laneCountToday: number
    }
  /** Bound for another hub and no longer on its way: refused. `hub` is its name. */
  | { kind: 'wrongHub'; typed: string; hub: string }
  /** A refusal the form has no words of its own for, in the shared refusal copy. */
  | { kind: 'refused'; text: string }

const tones = {
  received: 'ok',
  already: 'info',
  unexpected: 'warn',
  transfer: 'warn',
  empty: 'error',
  closed: 'error',
  badCode: 'error',
  unknown: 'error',
  notCheckedIn: 'error',
  wrongHub: 'error',
  refused: 'error',
} as const

export const receiveFormId = 'receive-form'
export const receiveResultId = 'receive-result'

/**
 * The scan form. htmx posts it and swaps the result into `#receive-result`, then replaces the
 * form itself out of band so the field is empty and focused for the next parcel; without
 * JavaScript it posts normally and the whole page comes back. A closed run shows why it no
 * longer has a form, under the same id.
 */
export function ReceiveForm(props: { runId: string; closed: boolean; oob?: boolean }) {
  const { t } = usePage()
  const oob = props.oob ? 'true' : undefined
  if (props.closed) {
    return (
      <p id={receiveFormId} class="notice notice--warn" hx-swap-oob={oob}>
        {t('runs.receive.closed')}
      </p>
    )
  }
  const action = `/runs/${props.runId}/receive`
  return (
    <form
      id={receiveFormId}
      class="receive__form"
      method="post"
      action={action}
      hx-post={action}
      hx-target={`#${receiveResultId}`}
      hx-swap="innerHTML"
      hx-swap-oob={oob}
    >
      <CsrfField />
      <label for="receive-code">{t('runs.receive.label')}</label>
      <div class="receive__row" data-scan-host>
        <input
          id="receive-code"
          name="code"
          type="text"
          class="receive__code"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          enterkeyhint="go"
          maxlength={40}
          placeholder="ABCD-EFGH-JKMN"
          aria-describedby="receive-hint"
          autofocus
          data-scan
          data-scan-label={t('runs.scan.label')}
          data-scan-stop={t('runs.scan.stop')}
          data-scan-starting={t('runs.scan.starting')}
          data-scan-scanning={t('runs.scan.scanning')}
          data-scan-unavailable={t('runs.scan.unavailable')}
          data-scan-denied={t('runs.scan.denied')}
        />
        <button type="submit" class="button button--primary">
          {t('runs.receive.submit')}
        </button>
      </div>
      <label for="receive-quarantine">{t('runs.quarantine.label')}</label>
      <select id="receive-quarantine" name="quarantine" class="receive__quarantine">
        <option value="">{t('runs.quarantine.none')}</option>
        {quarantineReasons.map((r) => (
          <option value={r}>{t(`runs.quarantine.reason.${r}`)}</option>
        ))}
      </select>
      <p id="receive-hint" class="hint">
        {t('runs.receive.hint')}
      </p>
    </form>
  )
}

/**
 * The line saying what the last scan did, and for a received parcel the lane it goes to, big
 * enough to read at arm's length; its container is a polite live region.
 */
export function ReceiveResult({ outcome }: { outcome: ReceiveOutcome }) {
  const { t } = usePage()
  return (
    <>
      <p class={`scan-result scan-result--${tones[outcome.kind]}`}>{resultText(outcome, t)}</p>
      {'lane' in outcome && (
        <LaneCallout
          lane={outcome.lane}
          count={outcome.laneCountToday}
          quarantine={'quarantine' in outcome ? outcome.quarantine : null}
        />
      )}
    </>
  )
}

function LaneCallout(props: {
  lane: { code: string; kind: LaneKindName } | null
  count: number
  quarantine: QuarantineReason | null
}) {
  const { t } = usePage()
  if (!props.lane) return <p class="lane-callout lane-callout--none">{t('runs.lane.none')}</p>
  return (
    <div class={`lane-callout lane-callout--${props.lane.kind.toLowerCase()}`} data-lane>
      <p class="lane-callout__label">
        {t('runs.lane.label')} · {t(`runs.lane.kind.${props.lane.kind}`)}
      </p>
      <p class="lane-callout__code">{props.lane.code}</p>
      {props.quarantine && (
        <p class="lane-callout__reason">{t(`runs.quarantine.reason.${props.quarantine}`)}</p>
      )}
      <p class="lane-callout__count">{t('runs.lane.countToday', { count: props.count })}</p>
    </div>
  )
}

function resultText(o: ReceiveOutcome, t: ReturnType<typeof usePage>['t']): string {
  switch (o.kind) {
    case 'received':
    case 'unexpected':
    case 'already':
      return t(`runs.result.${o.kind}`, {
        code: formatCode(o.code),
        category: t(`category.${o.category}`),
      })
    case 'empty':
      return t('runs.error.empty')
    case 'closed':
      return t('runs.error.closed')
    case 'badCode':
      return t('runs.error.badCode', { typed: o.typed })
    case 'unknown':
      return t('runs.error.unknown', { typed: o.typed })
    case 'notCheckedIn':
      return t('runs.error.notCheckedIn', {
        typed: o.typed,
        status: t(`runs.parcelStatus.${o.status}`),
      })
    case 'transfer':
      return t('runs.result.transfer', {
        code: formatCode(o.code),
        category: t(`category.${o.category}`),
        hub: o.hub,
      })
    case 'wrongHub':
      return t('runs.error.wrongHub', { typed: o.typed, hub: o.hub })
    case 'refused':
      return o.text
  }
}

/** The scan card: form, then the result of the last scan. */
export function ReceivePanel(props: { runId: string; closed: boolean; outcome?: ReceiveOutcome }) {
  const { t } = usePage()
  return (
    <section class="card receive" aria-labelledby="receive-title">
      <h2 id="receive-title">{t('runs.receive.title')}</h2>
      <ReceiveForm runId={props.runId} closed={props.closed} />
      <div id={receiveResultId} class="receive__result" aria-live="polite" aria-atomic="true">
        {props.outcome && <ReceiveResult outcome={props.outcome} />}
      </div>
    </section>
  )
}
