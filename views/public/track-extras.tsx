import type { TrackedReturn } from '../../src/inspection/customer-view'
import { outcomeText } from '../../src/inspection/outcome-text'
import { formatInstant } from '../components/format'
import { CsrfField } from '../components/csrf-field'
import { Notice } from '../components/notice'
import { usePage } from '../context'
import { page } from '../components/template'

/** What a rating post came back with, shown above the form's place. */
export type RateNotice = 'thanks' | 'already' | 'invalid'

/** The shop's messages to the customer, oldest first; inspection notes are never among them. */
export function CustomerMessages({ messages }: { messages: TrackedReturn['messages'] }) {
  const { t, locale } = usePage()
  const list = messages.length
    ? page`<ol class="messages">${messages.map(
        (m) => page`
          <li class="message">
            <p class="message__text">${m.text}</p>
            <time class="message__at hint" datetime="${m.at}">${formatInstant(m.at, locale)}</time>
          </li>`,
      )}</ol>`
    : page`<p class="muted">${t('returns.messages.none')}</p>`
  return page`
    <section class="track-messages" aria-labelledby="track-messages-title">
      <h2 id="track-messages-title">${t('returns.messages.title')}</h2>
      ${list}
    </section>`
}

/** The outcome in words: the decision (with the refund) and what happens next. */
export function OutcomeSection({ outcome }: { outcome: TrackedReturn['outcome'] }) {
  const { t, locale } = usePage()
  return page`
    <section class="track-outcome" aria-labelledby="track-outcome-title">
      <h2 id="track-outcome-title">${t('returns.outcome.title')}</h2>
      <p>${outcomeText({ t, locale }, outcome)}</p>
    </section>`
}

/**
 * The rating once resolved: 1–5 stars and an optional comment, posted with the CSRF token and
 * redirected back (works without JavaScript). Once rated, a sentence says so instead.
 */
export function RatingSection({
  result,
  notice,
}: {
  result: TrackedReturn
  notice?: RateNotice | undefined
}) {
  const { t } = usePage()
  const resolved = result.status === 'RESOLVED' || result.status === 'CLOSED'
  if (!resolved) return null
  return (
    <section class="track-rating" aria-labelledby="track-rating-title">
      <h2 id="track-rating-title">{t('returns.rate.title')}</h2>
      {notice === 'thanks' && <Notice tone="ok">{t('returns.rate.thanks')}</Notice>}
      {notice === 'already' && <Notice tone="warn">{t('returns.rate.already')}</Notice>}
      {notice === 'invalid' && <Notice tone="warn">{t('returns.rate.invalid')}</Notice>}
      {result.canRate ? (
        <form method="post" action="/track/rate" class="rating-form">
          <CsrfField />
          <input type="hidden" name="code" value={result.code} />
          <fieldset class="stars">
            <legend>{t('returns.rate.stars')}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label class="stars__option">
                <input type="radio" name="stars" value={String(n)} required />{' '}
                {t('returns.rate.star', { n })}
              </label>
            ))}
          </fieldset>
          <label for="rating-comment">{t('returns.rate.comment')}</label>
          <textarea id="rating-comment" name="comment" maxlength={300} rows={3}></textarea>
          <button type="submit" class="button button--primary">
            {t('returns.rate.submit')}
          </button>
        </form>
      ) : (
        notice !== 'thanks' && notice !== 'already' && <p>{t('returns.rate.already')}</p>
      )}
    </section>
  )
}
