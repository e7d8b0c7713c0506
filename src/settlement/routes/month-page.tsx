/**
 * The coordinator's month as one page or as the sections a change swaps: what it reads, what
 * each section is given, and what the close offers. Every coordinator route answers with these.
 */
import type { NoticeData } from '../../../views/components/notice'
import { formatMonth } from '../../../views/components/format'
import type { AdjustmentSectionProps } from '../../../views/settlement/adjustment-section'
import { CloseSection, type CloseState } from '../../../views/settlement/close-section'
import type { CostsSectionProps } from '../../../views/settlement/costs-section'
import { namesFor, type Names } from '../../../views/settlement/format'
import { merchantList } from '../../../views/settlement/messages'
import { PreviewSection, type PreviewSectionProps } from '../../../views/settlement/preview-section'
import type { RulesSectionProps } from '../../../views/settlement/rules-section'
import { SettlementPage } from '../../../views/settlement/settlement-page'
import { newId } from '../../ids'
import { listHubs, listMerchants, listStations } from '../../network/service'
import { adjustmentsAgainst, closedMonth, settlementStatements, type ClosedMonth } from '../listing'
import { getRules, listCosts, settlementPreview, type SettlementView } from '../service'
import { thisMonth, type Ctx } from './shared'

export interface MonthData {
  month: string
  view: SettlementView
  closed: ClosedMonth | null
  costs: Awaited<ReturnType<typeof listCosts>>
  rules: Awaited<ReturnType<typeof getRules>>
  merchants: Awaited<ReturnType<typeof listMerchants>>
  hubs: Awaited<ReturnType<typeof listHubs>>
  names: Names
}

export async function monthData(c: Ctx, month: string): Promise<MonthData> {
  const { db, now } = c.get('deps')
  const actor = c.get('actor')
  const at = now()
  // The preview checks the role first, so nothing else is read for anyone else.
  const view = await settlementPreview(db, actor, month, at)
  const [closed, costs, rules, merchants, hubs, stations] = await Promise.all([
    closedMonth(db, actor, month),
    listCosts(db, actor, month, at),
    getRules(db, actor),
    listMerchants(db, actor),
    listHubs(db, actor),
    listStations(db, actor),
  ])
  const names = namesFor(c.get('locale'), { merchants, hubs, stations })
  return { month, view, closed, costs, rules, merchants, hubs, names }
}

export type CostsExtra = Pick<CostsSectionProps, 'notice' | 'values' | 'errors' | 'correction'>
export type RulesExtra = Pick<RulesSectionProps, 'notice' | 'values' | 'error'>
export type AdjustmentsExtra = Pick<
  AdjustmentSectionProps,
  'notice' | 'values' | 'errors' | 'confirm'
>

export const costsProps = (d: MonthData, extra: CostsExtra = {}): CostsSectionProps => ({
  month: d.month,
  costs: d.costs,
  hubs: d.hubs,
  names: d.names,
  closed: d.closed !== null,
  ...extra,
})

const previewProps = (d: MonthData, oob = false): PreviewSectionProps => ({
  month: d.month,
  view: d.view,
  names: d.names,
  oob,
})

export const rulesProps = (d: MonthData, extra: RulesExtra = {}): RulesSectionProps => ({
  month: d.month,
  rules: d.rules,
  settledVersion: d.closed?.rulesVersion,
  ...extra,
})

/** What the close section offers for an open month. */
export function closeStart(c: Ctx, d: MonthData): CloseState {
  if (d.month >= thisMonth(c.get('deps').now())) return { step: 'blocked' }
  if (d.view.blockedBy.length > 0) {
    return { step: 'waiting', merchants: merchantList(d.view.blockedBy, d.names, c.get('locale')) }
  }
  return { step: 'start' }
}

/** The confirmation when the month can be closed, else why it cannot. */
export const closeOffer = (c: Ctx, d: MonthData) =>
  closeStart(c, d).step === 'start' ? confirmState(d) : closeStart(c, d)

export function confirmState(d: MonthData): CloseState {
  return {
    step: 'confirm',
    totalFen: d.view.totalFen,
    merchants: new Set(d.view.lines.map((l) => l.merchantId)).size,
    idempotencyKey: newId('close', 20),
  }
}

export interface PageState {
  notice?: NoticeData
  costs?: CostsExtra
  rules?: RulesExtra
  close?: { state?: CloseState; notice?: NoticeData }
  adjustments?: AdjustmentsExtra
}

/** The whole month's page, with what the last change or refusal says where it belongs. */
export async function renderMonth(c: Ctx, d: MonthData, state: PageState = {}) {
  const db = c.get('deps').db
  const actor = c.get('actor')
  const closed = d.closed
  const [statements, against] = closed
    ? await Promise.all([
        settlementStatements(db, actor, d.month),
        adjustmentsAgainst(db, actor, d.month),
      ])
    : [undefined, undefined]
  return c.render(
    <SettlementPage
      month={d.month}
      notice={state.notice}
      closed={closed}
      costs={costsProps(d, state.costs)}
      rules={rulesProps(d, state.rules)}
      preview={previewProps(d)}
      close={
        closed
          ? undefined
          : {
              state: state.close?.state ?? closeStart(c, d),
              notice: state.close?.notice,
            }
      }
      statements={statements}
      adjustments={
        closed && against
          ? {
              month: d.month,
              merchants: d.merchants,
              names: d.names,
              adjustments: against,
              ...state.adjustments,
            }
          : undefined
      }
    />,
    { title: `${c.get('t')('settlement.title')} · ${formatMonth(d.month, c.get('locale'))}` },
  )
}

/** The sections a change to costs or rules invalidates, swapped out of band. */
export function staleSections(c: Ctx, d: MonthData) {
  return (
    <>
      <PreviewSection {...previewProps(d, true)} />
      {!d.closed && <CloseSection month={d.month} state={closeStart(c, d)} oob />}
    </>
  )
}
