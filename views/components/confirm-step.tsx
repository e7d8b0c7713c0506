import { confirmField } from '../../src/http/confirm'
import { CsrfField } from './csrf-field'
import { Money } from './money'
import { usePage } from '../context'

export interface ConfirmStepProps {
  /** Ids the heading and the form take (unique on the page). */
  id: string
  title: string
  /** What will happen, in a sentence. */
  lead: string
  /** The money at stake, shown in yuan beside `amountLabel`. */
  amountFen?: number
  amountLabel?: string
  /** Why this needs a second look (irreversible, large…). */
  warning: string
  /** Where the confirmed form posts, and the fields it posts again unchanged. */
  action: string
  fields: Record<string, string>
  confirmLabel: string
  /** Where "Back" goes to change the entry instead. */
  backHref: string
  /** htmx: the element the answer replaces (the form's section or item). */
  hxTarget: string
}

/**
 * The second step of an irreversible or large money action on a page: a summary of what will
 * happen, a button that posts the same fields again with the confirmation flag, and a way back.
 * Works without JavaScript; with htmx the answer swaps over `hxTarget`.
 * @example <ConfirmStep id="resolve-r1" action="/desk/r1/resolve" fields={{ resolution: 'REFUND' }} … />
 */
export function ConfirmStep(props: ConfirmStepProps) {
  const { t } = usePage()
  const titleId = `${props.id}-title`
  return (
    <form
      id={props.id}
      class="confirm-step"
      method="post"
      action={props.action}
      hx-post={props.action}
      hx-target={props.hxTarget}
      hx-swap="outerHTML"
      role="group"
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>{props.title}</h3>
      <p>{props.lead}</p>
      {props.amountFen !== undefined && (
        <p class="confirm-step__amount">
          {props.amountLabel}{' '}
          <strong>
            <Money fen={props.amountFen} />
          </strong>
        </p>
      )}
      <p class="notice notice--warn">{props.warning}</p>
      <CsrfField />
      {Object.entries(props.fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name={confirmField} value="1" />
      <div class="confirm-step__actions">
        <button type="submit" class="button button--danger">
          {props.confirmLabel}
        </button>
        <a class="button" href={props.backHref}>
          {t('confirm.back')}
        </a>
      </div>
    </form>
  )
}
