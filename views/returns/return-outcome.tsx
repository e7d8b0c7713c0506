/**
 * The merchant's return page below the facts: its clocks, what the hub found, the decision, the
 * messages to the customer (with the form to send one) and the customer's rating.
 */
import { ChecklistAnswers } from '../inspection/checklist-answers'
import type { Grade, ResolutionKind } from '../../db/schema'
import type { Sla } from '../../src/inspection/sla'
import { CsrfField } from '../components/csrf-field'
import { formatDayTime, formatInstant } from '../components/format'
import { Money } from '../components/money'
import { Notice, type NoticeData } from '../components/notice'
import { usePage } from '../context'
import { Stars } from '../benchmarks/stars'
import { Clock } from '../inspection/clock'
import { formatHours } from '../inspection/format'

export interface InspectionFacts {
  grade: Grade
  checklist: Record<string, boolean | string | number>
  notes: string
  at: string
}

export interface DecisionFacts {
  resolution: ResolutionKind
  refundFen: number | null
  at: string
}

export interface CustomerMessage {
  id: string
  message: string
  at: string
}

function Met({ missed }: { missed: boolean }) {
  const { t } = usePage()
  return (
    <strong class={missed ? 'clock__flag' : undefined}>
      {t(missed ? 'returns.detail.clock.missed' : 'returns.detail.clock.met')}
    </strong>
  )
}

/** First response (2 h from registration), resolution (24 h from arrival) and the whole cycle. */
export function ClocksSection({ sla, now }: { sla: Sla; now: Date }) {
  const { t, locale } = usePage()
  return (
    <section class="card" aria-labelledby="clocks-title">
      <h2 id="clocks-title">{t('returns.detail.clocks')}</h2>
      <dl class="facts">
        <div>
          <dt>{t('inspection.clock.firstResponse')}</dt>
          <dd>
            {sla.firstRespondedAt ? (
              <>
                {t('returns.detail.clock.respondedAt', {
                  at: formatDayTime(sla.firstRespondedAt, locale),
                })}{' '}
                <Met missed={sla.firstResponseBreached} />
              </>
            ) : (
              <Clock dueAt={sla.firstResponseDueAt} now={now} />
            )}
          </dd>
        </div>
        <div>
          <dt>{t('inspection.clock.resolution')}</dt>
          <dd>
            {sla.resolvedAt ? (
              <>
                {t('returns.detail.clock.resolvedAt', {
                  at: formatDayTime(sla.resolvedAt, locale),
                })}{' '}
                <Met missed={sla.resolutionBreached} />
              </>
            ) : sla.resolutionDueAt ? (
              <Clock dueAt={sla.resolutionDueAt} now={now} />
            ) : (
              <span class="hint">{t('returns.detail.clock.resolutionWaits')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('returns.detail.clock.cycle')}</dt>
          <dd>
            {t('returns.detail.clock.cycleHours', { hours: formatHours(sla.cycleHours, locale) })}{' '}
            <Met missed={sla.cycleBreached} />
          </dd>
        </div>
      </dl>
    </section>
  )
}

/** The hub's grade, the checklist as answered, and its notes. */
export function InspectionSection({ inspection }: { inspection: InspectionFacts | null }) {
  const { t, locale } = usePage()
  return (
    <section class="card" aria-labelledby="inspection-title">
      <h2 id="inspection-title">{t('returns.detail.inspection')}</h2>
      {inspection ? (
        <dl class="facts">
          <div>
            <dt>{t('returns.detail.inspection.grade')}</dt>
            <dd>{t(`inspection.grade.${inspection.grade}`)}</dd>
          </div>
          <ChecklistAnswers checklist={inspection.checklist} />
          <div>
            <dt>{t('inspection.sheet.notesShown')}</dt>
            <dd>{inspection.notes || '—'}</dd>
          </div>
          <div>
            <dt>{t('returns.detail.inspection.at')}</dt>
            <dd>
              <time datetime={inspection.at}>{formatInstant(inspection.at, locale)}</time>
            </dd>
          </div>
        </dl>
      ) : (
        <p>{t('returns.detail.inspection.none')}</p>
      )}
    </section>
  )
}

/** What the merchant decided, with the refund in yuan. */
export function DecisionSection({ decision }: { decision: DecisionFacts | null }) {
  const { t, locale } = usePage()
  return (
    <section class="card" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('returns.detail.decision')}</h2>
      {decision ? (
        <dl class="facts">
          <div>
            <dt>{t('returns.detail.decision.kind')}</dt>
            <dd>{t(`inspection.resolution.${decision.resolution}`)}</dd>
          </div>
          {decision.refundFen !== null && (
            <div>
              <dt>{t('returns.detail.decision.refund')}</dt>
              <dd>
                <Money fen={decision.refundFen} />
              </dd>
            </div>
          )}
          <div>
            <dt>{t('returns.detail.decision.at')}</dt>
            <dd>
              <time datetime={decision.at}>{formatInstant(decision.at, locale)}</time>
            </dd>
          </div>
        </dl>
      ) : (
        <p>{t('returns.detail.decision.none')}</p>
      )}
    </section>
  )
}

export interface MessagesProps {
  returnId: string
  messages: CustomerMessage[]
  /** Only the return's merchant writes to its customer; null hides the form. */
  canWrite: boolean
  notice?: NoticeData
  /** What was typed, and what was wrong with it, to show again after a refusal. */
  draft?: string
  error?: string
}

/** The messages the customer reads on the tracking page; the htmx answer to sending one too. */
export function MessagesSection(props: MessagesProps) {
  const { t, locale } = usePage()
  const action = `/returns/${encodeURIComponent(props.returnId)}/messages`
  return (
    <section class="card" id="customer-messages" aria-labelledby="messages-title">
      <h2 id="messages-title">{t('returns.detail.messages')}</h2>
      {props.notice && <Notice {...props.notice} />}
      {props.messages.length === 0 ? (
        <p>{t('returns.detail.messages.none')}</p>
      ) : (
        <ol class="timeline">
          {props.messages.map((m) => (
            <li class="timeline__item">
              <time class="timeline__at" datetime={m.at}>
                {formatInstant(m.at, locale)}
              </time>{' '}
              <span>{m.message}</span>
            </li>
          ))}
        </ol>
      )}
      {props.canWrite && (
        <form
          method="post"
          action={action}
          hx-post={action}
          hx-target="#customer-messages"
          hx-swap="outerHTML"
          class="desk-form"
        >
          <CsrfField />
          <input type="hidden" name="returnId" value={props.returnId} />
          <div class={props.error ? 'field field--invalid' : 'field'}>
            <label for="customer-message">{t('returns.detail.messages.text')}</label>
            <p class="field__hint" id="customer-message-hint">
              {t('returns.detail.messages.hint')}
            </p>
            {props.error && (
              <p class="field__error" id="customer-message-error">
                {props.error}
              </p>
            )}
            <textarea
              id="customer-message"
              name="text"
              rows={3}
              maxlength={1000}
              required
              aria-invalid={props.error ? 'true' : undefined}
              aria-describedby={
                props.error
                  ? 'customer-message-hint customer-message-error'
                  : 'customer-message-hint'
              }
            >
              {props.draft ?? ''}
            </textarea>
          </div>
          <button type="submit" class="button button--primary">
            {t('returns.detail.messages.send')}
          </button>
        </form>
      )}
    </section>
  )
}

/** The customer's stars and comment, once given. */
export function RatingSection({ rating }: { rating: { stars: number; comment: string } | null }) {
  const { t } = usePage()
  return (
    <section class="card" aria-labelledby="rating-title">
      <h2 id="rating-title">{t('returns.detail.rating')}</h2>
      {rating ? (
        <dl class="facts">
          <div>
            <dt>{t('returns.detail.rating')}</dt>
            <dd>
              <Stars stars={rating.stars} />
            </dd>
          </div>
          <div>
            <dt>{t('returns.detail.rating.comment')}</dt>
            <dd>{rating.comment || '—'}</dd>
          </div>
        </dl>
      ) : (
        <p>{t('returns.detail.rating.none')}</p>
      )}
    </section>
  )
}
