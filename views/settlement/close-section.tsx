import { nextMonth } from '../../src/calendar/local-date'
import type { CloseStage } from '../../src/settlement/close-jobs'
import { Notice, type NoticeData } from '../components/notice'
import { CsrfField } from '../components/csrf-field'
import { Money } from '../components/money'
import { usePage } from '../context'
import { settlementHref } from './format'
import { formatCount, formatMonth } from '../components/format'

export type CloseState =
  /** The month has not ended yet. */
  | { step: 'blocked' }
  /** Insured merchants (their names, as a list) have not declared the month's order value. */
  | { step: 'waiting'; merchants: string }
  | { step: 'start' }
  /** The second step: what is about to be frozen, and the button that does it. */
  | { step: 'confirm'; totalFen: number; merchants: number; idempotencyKey: string }
  /** A close in flight, polled every second until it is done. */
  | { step: 'progress'; stage: CloseStage; idempotencyKey: string; since: number }
  /** Done: the page is about to reload into the closed month. */
  | { step: 'done'; totalFen: number }

export const closeStatusHref = (month: string, key: string, since: number) =>
  `/settlement/close-status?${new URLSearchParams({ month, key, since: String(since) })}`

const stages = ['computing', 'writing', 'done'] as const

/** Closing the month: a button, a confirmation, then the close's progress. */
export function CloseSection(props: {
  month: string
  state: CloseState
  notice?: NoticeData
  oob?: boolean
}) {
  const { t, locale } = usePage()
  const { month, state } = props
  const label = formatMonth(month, locale)
  return (
    <section
      class="card close"
      id="close"
      aria-labelledby="close-title"
      hx-swap-oob={props.oob ? 'true' : undefined}
    >
      <h2 id="close-title">{t('settlement.close.title', { month: label })}</h2>
      {props.notice && <Notice {...props.notice} />}
      {state.step === 'blocked' && (
        <p class="muted">
          {t('settlement.close.notYet', {
            month: label,
            from: formatMonth(nextMonth(month), locale),
          })}
        </p>
      )}
      {state.step === 'waiting' && (
        <Notice
          tone="warn"
          text={t('settlement.close.waiting', { month: label, merchants: state.merchants })}
        />
      )}
      {state.step === 'start' && (
        <form
          method="get"
          action="/settlement/close"
          hx-get="/settlement/close"
          hx-target="#close"
          hx-swap="outerHTML"
        >
          <input type="hidden" name="month" value={month} />
          <p>{t('settlement.close.lead')}</p>
          <button type="submit" class="button button--primary">
            {t('settlement.close.start', { month: label })}
          </button>
        </form>
      )}
      {state.step === 'confirm' && (
        <form
          method="post"
          action="/settlement/close"
          hx-post="/settlement/close"
          hx-target="#close"
          hx-swap="outerHTML"
          hx-indicator="#close-working"
          hx-disable="find button[type=submit]"
          class="close__confirm"
          role="group"
          aria-labelledby="close-confirm-title"
        >
          <h3 id="close-confirm-title">{t('settlement.close.confirmTitle', { month: label })}</h3>
          <p class="close__total">
            {t('settlement.close.confirmTotal', {
              merchants: formatCount(state.merchants, locale),
            })}{' '}
            <strong>
              <Money fen={state.totalFen} />
            </strong>
          </p>
          <p class="notice notice--warn">{t('settlement.close.frozen', { month: label })}</p>
          <CsrfField />
          <input type="hidden" name="month" value={month} />
          <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
          <input type="hidden" name="expectedTotalFen" value={String(state.totalFen)} />
          <div class="close__actions">
            <button type="submit" class="button button--danger">
              {t('settlement.close.confirm', { month: label })}
            </button>
            <a class="button" href={settlementHref(month)}>
              {t('settlement.close.cancel')}
            </a>
            <span id="close-working" class="htmx-indicator hint">
              {t('settlement.close.starting')}
            </span>
          </div>
        </form>
      )}
      {state.step === 'progress' && (
        <div
          class="close__progress"
          hx-get={closeStatusHref(month, state.idempotencyKey, state.since)}
          hx-trigger="every 1s"
          hx-target="#close"
          hx-swap="outerHTML"
        >
          <p role="status">
            {t('settlement.close.progress', { month: label })}{' '}
            {t(`settlement.close.stage.${state.stage}`)}
          </p>
          <progress aria-label={t('settlement.close.progressLabel')}></progress>
          <ol class="stages">
            {stages.map((s) => {
              const at = stages.indexOf(state.stage as (typeof stages)[number])
              const i = stages.indexOf(s)
              const cls = i < at ? 'stage stage--done' : i === at ? 'stage stage--current' : 'stage'
              return (
                <li class={cls} aria-current={i === at ? 'step' : undefined}>
                  {t(`settlement.close.step.${s}`)}
                </li>
              )
            })}
          </ol>
          <p class="hint">{t('settlement.close.progressHint')}</p>
        </div>
      )}
      {state.step === 'done' && (
        <p role="status">
          {t('settlement.close.finished', { month: label })}{' '}
          <strong>
            <Money fen={state.totalFen} />
          </strong>{' '}
          <a href={settlementHref(month)}>{t('settlement.close.show')}</a>
        </p>
      )}
    </section>
  )
}
