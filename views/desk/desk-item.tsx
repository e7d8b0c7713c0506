import { resolutionKinds, type Grade, type ResolutionKind } from '../../db/schema'
import type { DeskItem } from '../../src/desk/desk'
import { fenToYuan, formatFen } from '../../src/money'
import type { Translate } from '../../src/i18n'
import { formatCode } from '../../src/returns/code'
import type { Return } from '../../src/returns/service'
import { Notice, type NoticeData } from '../components/notice'
import { ConfirmStep } from '../components/confirm-step'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { Clock } from '../inspection/clock'
import { StatusBadge } from '../returns/bits'
import { formatDayTime } from '../components/format'

/** What was typed into an item's forms, and what was wrong with it, to show them again. */
export interface DeskItemState {
  message?: string
  messageError?: string
  refundYuan?: string
  resolveError?: string
  /** A valid decision waiting for its confirmation step. */
  confirm?: { resolution: ResolutionKind; refundFen?: number }
}

export const deskItemId = (returnId: string) => `desk-${returnId}`
const base = (returnId: string) => `/desk/${encodeURIComponent(returnId)}`

/** htmx posts each of an item's forms and swaps the answer over the whole item. */
const swapItem = (returnId: string) => ({
  'hx-target': `#${deskItemId(returnId)}`,
  'hx-swap': 'outerHTML',
})

/**
 * One return on the desk: what it is, its clocks, and a form for each thing it still needs.
 * Also the htmx answer to each action, with the outcome as a notice.
 */
export function DeskItemView(props: {
  item: DeskItem
  now: Date
  notice?: NoticeData
  state?: DeskItemState
}) {
  const { t, locale } = usePage()
  const { item, now } = props
  const r = item.return
  const state = props.state ?? {}
  return (
    <li
      id={deskItemId(r.id)}
      class={item.overdue ? 'desk-item is-overdue' : 'desk-item'}
      aria-labelledby={`${deskItemId(r.id)}-title`}
    >
      <div class="desk-item__head">
        <h3 id={`${deskItemId(r.id)}-title`} class="desk-item__title">
          <span class="code">{formatCode(r.code)}</span> {r.itemDescription}
        </h3>
        <StatusBadge status={r.status} />
      </div>
      <p class="desk-item__meta">
        {t('inspection.desk.order', { ref: r.orderRef })} · {t(`category.${r.category}`)} ·{' '}
        {formatFen(r.orderValueFen, locale)} ·{' '}
        <a href={`/returns/${encodeURIComponent(r.id)}`}>{t('inspection.desk.details')}</a>
      </p>
      {props.notice && <Notice {...props.notice} />}
      <p class="desk-item__clocks">
        {item.needs.includes('RESPOND') && (
          <Clock
            label={t('inspection.clock.firstResponse')}
            dueAt={item.sla.firstResponseDueAt}
            now={now}
          />
        )}
        {item.needs.includes('RESOLVE') && item.sla.resolutionDueAt && (
          <Clock
            label={t('inspection.clock.resolution')}
            dueAt={item.sla.resolutionDueAt}
            now={now}
          />
        )}
        {item.needs.includes('CLOSE') && item.sla.resolvedAt && (
          <span class="clock">
            {t('inspection.desk.resolvedAt', { at: formatDayTime(item.sla.resolvedAt, locale) })}
          </span>
        )}
      </p>
      {item.needs.includes('RESPOND') && <RespondForm r={r} state={state} />}
      {item.needs.includes('RESOLVE') && item.grade && state.confirm && (
        <ResolveConfirm r={r} decision={state.confirm} />
      )}
      {item.needs.includes('RESOLVE') && item.grade && !state.confirm && (
        <ResolveForm r={r} grade={item.grade} allowed={item.allowedResolutions} state={state} />
      )}
      {item.needs.includes('CLOSE') && <CloseForm r={r} />}
    </li>
  )
}

/** A return the desk no longer needs to show: the outcome, until the next reload. */
export function DeskItemDone(props: { r: Return; notice?: NoticeData }) {
  const { t } = usePage()
  const { r } = props
  return (
    <li id={deskItemId(r.id)} class="desk-item desk-item--done">
      <div class="desk-item__head">
        <h3 class="desk-item__title">
          <span class="code">{formatCode(r.code)}</span> {r.itemDescription}
        </h3>
        <StatusBadge status={r.status} />
      </div>
      {props.notice && <Notice {...props.notice} />}
      <p class="hint">{t('inspection.desk.nothingLeft')}</p>
    </li>
  )
}

function RespondForm({ r, state }: { r: Return; state: DeskItemState }) {
  const { t } = usePage()
  const action = `${base(r.id)}/respond`
  const id = `respond-${r.id}`
  const error = state.messageError
  return (
    <form class="desk-form" method="post" action={action} hx-post={action} {...swapItem(r.id)}>
      <CsrfField />
      <div class={error ? 'field field--invalid' : 'field'}>
        <label for={id}>{t('inspection.desk.respond.label')}</label>
        <textarea
          id={id}
          name="message"
          rows={2}
          maxlength={1000}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          {state.message ?? t('inspection.desk.respond.template')}
        </textarea>
        {error && (
          <p id={`${id}-error`} class="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" class="button button--primary">
        {t('inspection.desk.respond.submit')}
      </button>
    </form>
  )
}

/** Why a grade rules a decision out, in words; empty when it does not. */
export function forbiddenReason(
  t: Translate,
  grade: Grade,
  kind: ResolutionKind,
  allowed: ResolutionKind[],
): string {
  if (allowed.includes(kind)) return ''
  const g = t(`inspection.grade.${grade}`)
  return kind === 'RESTOCK' && grade !== 'EXPIRED' && grade !== 'SAFETY_RISK'
    ? t('inspection.desk.resolve.onlyResellable', { grade: g })
    : t('inspection.desk.resolve.mustDispose', { grade: g })
}

/**
 * The decision, one button per kind. A refund takes its amount in yuan from the field beside
 * its button; decisions the grade rules out are shown disabled with the reason.
 */
function ResolveForm(props: {
  r: Return
  grade: Grade
  allowed: ResolutionKind[]
  state: DeskItemState
}) {
  const { t, locale } = usePage()
  const { r, grade, allowed, state } = props
  const action = `${base(r.id)}/resolve`
  const amountId = `refund-${r.id}`
  const error = state.resolveError
  const errorId = `resolve-${r.id}-error`
  // Decisions the grade rules out, grouped by why, so each reason is said once.
  const reasons = new Map<string, ResolutionKind[]>()
  for (const k of resolutionKinds.filter((kind) => !allowed.includes(kind))) {
    const reason = forbiddenReason(t, grade, k, allowed)
    reasons.set(reason, [...(reasons.get(reason) ?? []), k])
  }
  return (
    <form class="desk-form" method="post" action={action} hx-post={action} {...swapItem(r.id)}>
      <CsrfField />
      <fieldset class="resolve" aria-describedby={error ? errorId : undefined}>
        <legend>
          {t('inspection.desk.resolve.legend', { grade: t(`inspection.grade.${grade}`) })}
        </legend>
        <div class="resolve__options">
          {allowed.includes('REFUND') && (
            <div class={error ? 'resolve__refund field--invalid' : 'resolve__refund'}>
              <label for={amountId}>{t('inspection.desk.resolve.amount')}</label>
              <input
                id={amountId}
                name="refundYuan"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                value={state.refundYuan ?? fenToYuan(r.orderValueFen)}
                aria-describedby={`${amountId}-hint`}
                aria-invalid={error ? 'true' : undefined}
              />
              <button type="submit" name="resolution" value="REFUND" class="button button--primary">
                {t('inspection.resolution.REFUND')}
              </button>
              <p id={`${amountId}-hint`} class="hint">
                {t('inspection.desk.resolve.amountHint', {
                  value: formatFen(r.orderValueFen, locale),
                })}
              </p>
            </div>
          )}
          {resolutionKinds
            .filter((k) => k !== 'REFUND' && allowed.includes(k))
            .map((k) => (
              <button type="submit" name="resolution" value={k} class="button">
                {t(`inspection.resolution.${k}`)}
              </button>
            ))}
        </div>
        {[...reasons].map(([reason, kinds], i) => (
          <p class="resolve__refused">
            {kinds.map((k) => (
              <>
                <button type="button" class="button" disabled aria-describedby={`no-${i}-${r.id}`}>
                  {t(`inspection.resolution.${k}`)}
                </button>{' '}
              </>
            ))}
            <span id={`no-${i}-${r.id}`} class="hint">
              {reason}
            </span>
          </p>
        ))}
        {error && (
          <p id={errorId} class="field__error" role="alert">
            {error}
          </p>
        )}
      </fieldset>
    </form>
  )
}

/** The decision again, to confirm: it cannot be changed once recorded. */
function ResolveConfirm(props: { r: Return; decision: NonNullable<DeskItemState['confirm']> }) {
  const { t } = usePage()
  const { r, decision } = props
  const code = formatCode(r.code)
  const resolution = t(`inspection.resolution.${decision.resolution}`)
  const refund = decision.refundFen
  return (
    <ConfirmStep
      id={`resolve-${r.id}-confirm`}
      title={t('inspection.desk.resolve.confirmTitle', { code, resolution })}
      lead={t('inspection.desk.resolve.confirmLead', { code, item: r.itemDescription, resolution })}
      amountFen={refund}
      amountLabel={t('inspection.desk.resolve.confirmAmount')}
      warning={t('inspection.desk.resolve.confirmWarning')}
      action={`${base(r.id)}/resolve`}
      fields={{
        resolution: decision.resolution,
        ...(refund === undefined ? {} : { refundYuan: fenToYuan(refund) }),
      }}
      confirmLabel={t('inspection.desk.resolve.confirm', { resolution })}
      backHref={`/desk#${deskItemId(r.id)}`}
      hxTarget={`#${deskItemId(r.id)}`}
    />
  )
}

function CloseForm({ r }: { r: Return }) {
  const { t } = usePage()
  const action = `${base(r.id)}/close`
  return (
    <form class="desk-form" method="post" action={action} hx-post={action} {...swapItem(r.id)}>
      <CsrfField />
      <p class="hint">{t('inspection.desk.close.hint')}</p>
      <button type="submit" class="button button--primary">
        {t('inspection.desk.close.submit')}
      </button>
    </form>
  )
}
