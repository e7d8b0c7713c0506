import type { Child } from 'hono/jsx'
import type { ClaimEvidence } from '../../src/insurance/evidence'
import type { Claim } from '../../src/insurance/service'
import type { Return } from '../../src/returns/service'
import { fenToYuan, formatFen } from '../../src/money'
import { Notice, type NoticeData } from '../components/notice'
import { CsrfField } from '../components/csrf-field'
import { Money } from '../components/money'
import { usePage } from '../context'
import { ChoiceField, TextArea, TextField } from '../components/form-field'
import { ReturnCode } from '../returns/bits'
import { ClaimStatusBadge, ClaimSteps } from './bits'
import { EvidenceField } from './claim-form'
import { ErrorSummary } from '../components/error-summary'
import { formatDate, formatFileSize, formatInstant } from '../components/format'

export interface DecisionValues {
  decision: string
  approvedAmount: string
  reason: string
}

export type DecisionField = keyof DecisionValues
export type DecisionErrors = Partial<Record<DecisionField, string>>

export interface ClaimPageProps {
  claim: Claim
  merchantName: string
  ret: Return | null
  evidence: ClaimEvidence[]
  /** The signed-in person decides claims (a coordinator); otherwise the merchant's own view. */
  coordinator: boolean
  decision?: { values: DecisionValues; errors: DecisionErrors }
  /** The merchant may still add evidence (open claim, uploads available). */
  addEvidence?: { maxFiles: number; maxMegabytes: number; error?: string }
  notice?: NoticeData
}

const decisionFields: readonly DecisionField[] = ['decision', 'approvedAmount', 'reason']

export function ClaimPage(props: ClaimPageProps) {
  const { t, locale } = usePage()
  const c = props.claim
  const open = c.status === 'SUBMITTED' || c.status === 'UNDER_REVIEW'
  const rows: [string, Child][] = [
    ...(props.coordinator
      ? [[t('insurance.claim.merchant'), props.merchantName] as [string, Child]]
      : []),
    [
      t('insurance.claim.lossDate'),
      <time datetime={c.lossDate}>{formatDate(c.lossDate, locale)}</time>,
    ],
    [t('insurance.claim.amount'), <Money fen={c.amountFen} />],
    [t('insurance.claim.cap'), <Money fen={c.capFen} />],
    [
      t('insurance.claim.filed'),
      <time datetime={c.createdAt}>{formatInstant(c.createdAt, locale)}</time>,
    ],
  ]
  if (props.ret) {
    const r = props.ret
    rows.push(
      [
        t('insurance.claim.return'),
        <a href={`/returns/${r.id}`}>
          <ReturnCode code={r.code} />
        </a>,
      ],
      [t('insurance.claim.returnItem'), `${r.itemDescription} · ${t(`category.${r.category}`)}`],
      [t('insurance.claim.returnValue'), <Money fen={r.orderValueFen} />],
    )
  }
  if (c.approvedFen !== null) {
    rows.push([t('insurance.claim.approved'), <Money fen={c.approvedFen} />])
    rows.push([t('insurance.claim.paid'), <Money fen={c.paidFen} />])
  }
  if (c.decidedAt) {
    rows.push([
      t('insurance.claim.decidedAt'),
      <time datetime={c.decidedAt}>{formatInstant(c.decidedAt, locale)}</time>,
    ])
  }
  return (
    <>
      <p class="crumbs">
        <a href={props.coordinator ? '/insurance/claims' : '/insurance#claims'}>
          {props.coordinator ? t('insurance.claim.backQueue') : t('insurance.claim.back')}
        </a>
      </p>
      <h1>{claimTitle(usePage(), c, props.merchantName, props.coordinator)}</h1>
      {props.notice && <Notice {...props.notice} />}
      <section class="card claim-head" aria-labelledby="claim-status-title">
        <h2 id="claim-status-title" class="visually-hidden">
          {t('insurance.claim.status')}
        </h2>
        <p class="claim-head__status">
          <ClaimStatusBadge status={c.status} />{' '}
          <span class="claim-head__sentence">{statusSentence(t, c, locale)}</span>
        </p>
        <ClaimSteps status={c.status} />
        {c.decisionReason && (
          <blockquote class="claim-head__reason">
            <p class="hint">{t('insurance.claim.reason')}</p>
            <p>{c.decisionReason}</p>
          </blockquote>
        )}
      </section>
      <section class="card" aria-labelledby="claim-facts-title">
        <h2 id="claim-facts-title">{t('insurance.claim.details')}</h2>
        <dl class="facts">
          {rows.map(([term, value]) => (
            <div>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <h3>{t('insurance.claim.description')}</h3>
        <p class="claim-description">{c.description}</p>
      </section>
      <EvidenceSection claimId={c.id} evidence={props.evidence} add={props.addEvidence} />
      {props.coordinator && open && c.status === 'SUBMITTED' && (
        <form
          method="post"
          action={`/insurance/claims/${c.id}/review`}
          class="card insurance-inline"
        >
          <CsrfField />
          <p>{t('insurance.review.lead')}</p>
          <button type="submit" class="button">
            {t('insurance.review.start')}
          </button>
        </form>
      )}
      {props.coordinator && open && (
        <DecisionForm claim={c} values={props.decision?.values} errors={props.decision?.errors} />
      )}
    </>
  )
}

/** A coordinator reads whose claim it is; a merchant, which of its own losses. */
export function claimTitle(
  { t, locale }: Pick<ReturnType<typeof usePage>, 't' | 'locale'>,
  claim: Claim,
  merchantName: string,
  coordinator: boolean,
) {
  return coordinator
    ? t('insurance.claim.title', { merchant: merchantName })
    : t('insurance.claim.titleOwn', { date: formatDate(claim.lossDate, locale) })
}

/** Where the claim stands, in one sentence with its amounts. */
function statusSentence(t: ReturnType<typeof usePage>['t'], c: Claim, locale: 'en' | 'zh-CN') {
  const fen = (n: number) => formatFen(n, locale)
  switch (c.status) {
    case 'SUBMITTED':
      return t('insurance.claim.now.SUBMITTED')
    case 'UNDER_REVIEW':
      return t('insurance.claim.now.UNDER_REVIEW')
    case 'REJECTED':
      return t('insurance.claim.now.REJECTED')
    case 'PAID':
      return t('insurance.claim.now.PAID', { paid: fen(c.paidFen) })
    default:
      return c.paidFen > 0
        ? t('insurance.claim.now.partlyPaid', {
            approved: fen(c.approvedFen ?? 0),
            paid: fen(c.paidFen),
            left: fen((c.approvedFen ?? 0) - c.paidFen),
          })
        : t('insurance.claim.now.approved', { approved: fen(c.approvedFen ?? 0) })
  }
}

function EvidenceSection(props: {
  claimId: string
  evidence: ClaimEvidence[]
  add?: ClaimPageProps['addEvidence']
}) {
  const { t, locale } = usePage()
  const href = (e: ClaimEvidence) => `/insurance/claims/${props.claimId}/evidence/${e.id}`
  return (
    <section class="card" id="evidence" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('insurance.evidence.title')}</h2>
      {props.evidence.length === 0 ? (
        <p class="muted">{t('insurance.evidence.none')}</p>
      ) : (
        <ul class="evidence">
          {props.evidence.map((e) => (
            <li class="evidence__item">
              <a href={href(e)} class="evidence__link">
                {e.contentType.startsWith('image/') ? (
                  <img src={href(e)} alt={e.fileName} class="evidence__thumb" loading="lazy" />
                ) : (
                  <span class="evidence__pdf" aria-hidden="true">
                    PDF
                  </span>
                )}
                <span class="evidence__name">{e.fileName}</span>
              </a>
              <span class="hint">
                {formatFileSize(e.sizeBytes, locale)} ·{' '}
                <time datetime={e.createdAt}>{formatInstant(e.createdAt, locale)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.add && (
        <form
          method="post"
          action={`/insurance/claims/${props.claimId}/evidence`}
          enctype="multipart/form-data"
          class="stack evidence-form"
        >
          <CsrfField />
          <EvidenceField
            label={t('insurance.evidence.add')}
            error={props.add.error}
            maxFiles={props.add.maxFiles}
            maxMegabytes={props.add.maxMegabytes}
          />
          <p>
            <button type="submit" class="button">
              {t('insurance.evidence.upload')}
            </button>
          </p>
        </form>
      )}
    </section>
  )
}

/** The coordinator's decision: approve in full, in part, or reject, with a reason; made once. */
function DecisionForm(props: { claim: Claim; values?: DecisionValues; errors?: DecisionErrors }) {
  const { t, locale } = usePage()
  const c = props.claim
  const limit = Math.min(c.amountFen, c.capFen)
  const errors = props.errors ?? {}
  const values = props.values ?? { decision: '', approvedAmount: '', reason: '' }
  const labels: Record<DecisionField, string> = {
    decision: t('insurance.decision.decision'),
    approvedAmount: t('insurance.decision.amount'),
    reason: t('insurance.decision.reason'),
  }
  const wrong = decisionFields.filter((f) => errors[f])
  return (
    <section class="card" id="decide" aria-labelledby="decide-title">
      <h2 id="decide-title">{t('insurance.decision.title')}</h2>
      <ErrorSummary id="decision-errors" fields={wrong} labels={labels} errors={errors} />
      <form
        method="post"
        action={`/insurance/claims/${c.id}/decision`}
        class="stack decision-form"
        novalidate
      >
        <CsrfField />
        <ChoiceField
          name="decision"
          legend={labels.decision}
          value={values.decision}
          error={errors.decision}
          options={[
            {
              value: 'APPROVED',
              label: t('insurance.decision.APPROVED'),
              hint: t('insurance.decision.APPROVED.hint', { limit: formatFen(limit, locale) }),
            },
            {
              value: 'PARTIALLY_APPROVED',
              label: t('insurance.decision.PARTIALLY_APPROVED'),
              hint: t('insurance.decision.PARTIALLY_APPROVED.hint', {
                limit: formatFen(limit, locale),
              }),
            },
            { value: 'REJECTED', label: t('insurance.decision.REJECTED') },
          ]}
        />
        <TextField
          name="approvedAmount"
          label={labels.approvedAmount}
          hint={t('insurance.decision.amount.hint', { limit: formatFen(limit, locale) })}
          value={values.approvedAmount || fenToYuan(limit)}
          error={errors.approvedAmount}
          inputmode="decimal"
        />
        <TextArea
          name="reason"
          label={labels.reason}
          value={values.reason}
          error={errors.reason}
          maxlength={1000}
          rows={3}
          required
        />
        <p class="hint">{t('insurance.decision.once')}</p>
        <p>
          <button type="submit" class="button button--primary">
            {t('insurance.decision.submit')}
          </button>
        </p>
      </form>
    </section>
  )
}
