import type { ClosedMonth } from '../../src/settlement/listing'
import { MonthNav } from '../components/month-nav'
import { Notice, type NoticeData } from '../components/notice'
import { Money } from '../components/money'
import { usePage } from '../context'
import { AdjustmentSection, type AdjustmentSectionProps } from './adjustment-section'
import { CloseSection, type CloseState } from './close-section'
import { CostsSection, type CostsSectionProps } from './costs-section'
import { settlementHref } from './format'
import { PreviewSection, reconcile, type PreviewSectionProps } from './preview-section'
import { RulesSection, type RulesSectionProps } from './rules-section'
import { StatementsSection } from './statements-section'
import type { StatementRow } from '../../src/settlement/listing'
import { formatInstant, formatMonth } from '../components/format'

export interface SettlementPageProps {
  month: string
  notice?: NoticeData
  closed: ClosedMonth | null
  costs: CostsSectionProps
  rules: RulesSectionProps
  preview: PreviewSectionProps
  /** Open months only. */
  close?: { state: CloseState; notice?: NoticeData }
  /** Closed months only. */
  statements?: StatementRow[]
  adjustments?: AdjustmentSectionProps
}

/**
 * The coordinator's month: costs and rules while it is open, the split with its drill-down, and
 * the close; once closed, its statements (to mark paid) and corrections.
 */
export function SettlementPage(props: SettlementPageProps) {
  const { t, locale } = usePage()
  const { month, closed } = props
  const label = formatMonth(month, locale)
  return (
    <>
      <h1>
        {t('settlement.title')} · {label}{' '}
        <span class={closed ? 'badge badge--closed' : 'badge badge--open'}>
          {t(closed ? 'settlement.status.CLOSED' : 'settlement.status.OPEN')}
        </span>
      </h1>
      <div class="toolbar">
        <MonthNav month={month} href={settlementHref} />
        <a href="/settlement/history">{t('settlement.history.link')}</a>
      </div>
      {props.notice && <Notice {...props.notice} />}
      {closed && <ClosedSummary closed={closed} preview={props.preview} />}
      {closed && props.statements && (
        <StatementsSection rows={props.statements} names={props.preview.names} />
      )}
      {closed && props.adjustments && <AdjustmentSection {...props.adjustments} />}
      <CostsSection {...props.costs} />
      <RulesSection {...props.rules} />
      <PreviewSection {...props.preview} />
      {props.close && (
        <CloseSection month={month} state={props.close.state} notice={props.close.notice} />
      )}
    </>
  )
}

function ClosedSummary({ closed, preview }: { closed: ClosedMonth; preview: PreviewSectionProps }) {
  const { t, locale } = usePage()
  const r = reconcile(preview.view)
  const figures = [
    [t('settlement.summary.total'), <Money fen={closed.totalFen} />],
    [t('settlement.reconcile.costs'), <Money fen={r.costs} />],
    [t('settlement.reconcile.commissions'), <Money fen={r.commissions} />],
    ...(r.premiums !== 0
      ? ([[t('settlement.reconcile.premiums'), <Money fen={r.premiums} />]] as const)
      : []),
    [t('settlement.reconcile.adjustments'), <Money fen={r.adjustments} />],
  ]
  return (
    <section class="card" id="closed-summary" aria-labelledby="closed-title">
      <h2 id="closed-title">{t('settlement.summary.title')}</h2>
      <p>
        {t('settlement.summary.closed', {
          when: formatInstant(closed.closedAt, locale),
          who: closed.closedByName,
          version: closed.rulesVersion,
        })}
      </p>
      <dl class="figures">
        {figures.map(([label, value]) => (
          <div>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p class="hint">{t('settlement.summary.frozen')}</p>
    </section>
  )
}
