/** Small pieces the insurance pages share: a claim's status and where it stands. */
import type { ClaimStatus } from '../../db/schema'
import { usePage } from '../context'

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const { t } = usePage()
  return (
    <span class={`status claim-status claim-status--${status.toLowerCase().replace(/_/g, '-')}`}>
      {t(`insurance.status.${status}`)}
    </span>
  )
}

const steps = ['SUBMITTED', 'UNDER_REVIEW', 'DECIDED', 'PAID'] as const

/** Submitted → under review → decided → paid, the current step marked (a rejection ends it). */
export function ClaimSteps({ status }: { status: ClaimStatus }) {
  const { t } = usePage()
  const at = status === 'SUBMITTED' ? 0 : status === 'UNDER_REVIEW' ? 1 : status === 'PAID' ? 3 : 2
  const shown = status === 'REJECTED' ? steps.slice(0, 3) : steps
  return (
    <ol class="claim-steps" aria-label={t('insurance.claim.steps')}>
      {shown.map((s, i) => (
        <li
          class={
            i < at
              ? 'claim-step claim-step--done'
              : i === at
                ? 'claim-step claim-step--current'
                : 'claim-step'
          }
          aria-current={i === at ? 'step' : undefined}
        >
          {t(`insurance.step.${s}`)}
        </li>
      ))}
    </ol>
  )
}
