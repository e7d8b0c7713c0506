import type { TrackedReturn } from '../../src/inspection/customer-view'
import { usePage } from '../context'
import { CODE_SLOT, ReturnCode, StatusBadge, Timeline, WithCode } from '../returns/bits'
import { Notice } from '../components/notice'
import { page } from '../components/template'
import { CustomerMessages, OutcomeSection, RatingSection, type RateNotice } from './track-extras'

export type TrackOutcome =
  | { kind: 'form' }
  | { kind: 'found'; result: TrackedReturn; rate?: RateNotice | undefined }
  | { kind: 'notFound'; typed: string }
  | { kind: 'notACode'; typed: string }
  | { kind: 'rateLimited'; seconds: number }

/**
 * The customer's tracking page: a plain GET form (works without JavaScript) and, for a known
 * code, only what `returnByCode` gives — status, category, station and dates. Nothing about
 * the order value, the shop or the customer is ever on this page.
 */
export function TrackPage({
  typed,
  outcome,
  failure,
}: {
  typed: string
  outcome: TrackOutcome
  /** Why a rating was refused, when it was. */
  failure?: string
}) {
  const { t } = usePage()
  return page`
    <div class="public">
      <h1>${t('returns.track.title')}</h1>
      <form class="card track-form" method="get" action="/track" role="search">
        <label for="track-code">${t('returns.track.code')}</label>
        <div class="track-form__row">
          <input id="track-code" name="code" type="text" class="code-input" value="${typed}"
            inputmode="text" autocapitalize="characters" autocomplete="off" autocorrect="off"
            spellcheck="false" enterkeyhint="search" maxlength="40" placeholder="ABCD-EFGH-JKMN"
            aria-describedby="track-code-hint" required=""/>
          <button type="submit" class="button button--primary">${t('returns.track.submit')}</button>
        </div>
        <p id="track-code-hint" class="hint">${t('returns.track.codeHint')}</p>
      </form>
      ${failure ? Notice({ tone: 'error', text: failure }) : ''}
      ${Outcome({ outcome })}
      <p class="public__links"><a href="/stations">${t('returns.track.findStation')}</a></p>
    </div>`
}

function Outcome({ outcome }: { outcome: TrackOutcome }) {
  const { t } = usePage()
  switch (outcome.kind) {
    case 'form':
      return <p class="muted">{t('returns.track.lead')}</p>
    case 'notFound':
      return (
        <Notice tone="warn">
          <WithCode
            sentence={t('returns.track.notFound', { code: CODE_SLOT })}
            code={outcome.typed}
          />
        </Notice>
      )
    case 'notACode':
      return <Notice tone="warn">{t('returns.track.notACode', { code: outcome.typed })}</Notice>
    case 'rateLimited':
      return (
        <section class="card" role="alert">
          <h2>{t('returns.track.rateLimitedTitle')}</h2>
          <p>{t('returns.track.rateLimited', { seconds: outcome.seconds })}</p>
        </section>
      )
    case 'found':
      return TrackResult({ result: outcome.result, rate: outcome.rate })
  }
}

/** Still moving: the page polls for news every 30 s until the shop has decided. */
export const stillOpen = (status: TrackedReturn['status']) =>
  status !== 'RESOLVED' && status !== 'CLOSED' && status !== 'CANCELLED'

/**
 * The result card; also the htmx fragment the card polls itself with while the return is open
 * (the answer for a decided return has no trigger, so polling stops).
 */
export function TrackResult({
  result,
  rate,
}: {
  result: TrackedReturn
  rate?: RateNotice | undefined
}) {
  const { t } = usePage()
  const poll = stillOpen(result.status)
    ? page` hx-get="/track?code=${encodeURIComponent(result.code)}" hx-trigger="every 30s" hx-swap="outerHTML"`
    : ''
  const station = result.stationName
    ? page`<div><dt>${t('returns.track.station')}</dt><dd>${result.stationName}</dd></div>`
    : ''
  return page`
    <section class="card track-result" id="track-result" aria-labelledby="track-result-code"${poll}>
      <p class="track-result__code" id="track-result-code">${ReturnCode({ code: result.code, big: true })}</p>
      <p class="track-result__status">
        <span class="visually-hidden">${t('returns.track.status')}: </span>
        ${StatusBadge({ status: result.status })}
      </p>
      <p class="track-result__next">${t(`returns.track.next.${result.status}`)}</p>
      <dl class="facts">
        <div><dt>${t('returns.track.category')}</dt><dd>${t(`category.${result.category}`)}</dd></div>
        ${station}
      </dl>
      ${OutcomeSection({ outcome: result.outcome })}
      ${CustomerMessages({ messages: result.messages })}
      ${RatingSection({ result, notice: rate })}
      <h2>${t('returns.track.timeline')}</h2>
      ${Timeline({ entries: result.timeline })}
    </section>`
}
