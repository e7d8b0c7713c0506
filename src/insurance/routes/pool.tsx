/**
 * The pool: totals for members; history, payout preview and the payout run, confirmed first,
 * for coordinators.
 */
import { Hono } from 'hono'
import { Notice, type NoticeData } from '../../../views/components/notice'
import { payoutNotice } from '../../../views/insurance/messages'
import { PayoutSection, PoolPage, type PayoutStep } from '../../../views/insurance/pool-page'
import { requireRole, type Actor } from '../../auth/roles'
import { localDate } from '../../calendar/local-date'
import { Conflict, type DomainError } from '../../errors'
import { form } from '../../http/form'
import { fragment, isHtmx } from '../../http/fragments'
import { attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { newId } from '../../ids'
import { listMerchants } from '../../network/service'
import { payoutRun, poolHistory } from '../history'
import { insurancePool, payoutPreview, runClaimPayout } from '../service'
import { payoutForm } from './forms'
import { merchantName, type Ctx } from './shared'
import { only } from '../../http/only'
import { langOf } from '../../http/params'

export const poolRoutes = new Hono<AppEnv>()

async function payoutData(c: Ctx, actor: Actor) {
  const { db, now } = c.get('deps')
  const [preview, merchants] = await Promise.all([
    payoutPreview(db, actor, now()),
    listMerchants(db, actor),
  ])
  const names = new Map(merchants.map((m) => [m.id, merchantName(c, m)]))
  return {
    balanceFen: preview.balanceFen,
    reserveFen: preview.reserveFen,
    pendingFen: preview.pendingFen,
    availableFen: preview.availableFen,
    lines: preview.payments.map((p) => ({
      claim: p.claim,
      merchantName: names.get(p.claim.merchantId) ?? p.claim.merchantId,
      outstandingFen: p.outstandingFen,
      payFen: p.payFen,
    })),
  }
}

async function renderPoolPage(c: Ctx, payout: PayoutStep, notice?: NoticeData) {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'COORDINATOR', 'MERCHANT')
  const title = c.get('t')('insurance.pool.pageTitle')
  const pool = await insurancePool(db, actor, now())
  if (actor.role !== 'COORDINATOR') return c.render(<PoolPage pool={pool} />, { title })
  const [months, preview] = await Promise.all([poolHistory(db, actor, now()), payoutData(c, actor)])
  return c.render(<PoolPage pool={pool} coordinator={{ months, preview, payout, notice }} />, {
    title,
  })
}

poolRoutes.get('/insurance/pool', async (c) => {
  const { db, now } = c.get('deps')
  const key = c.req.query('payout')
  let notice: NoticeData | undefined
  if (key && c.get('actor')?.role === 'COORDINATOR') {
    const run = await payoutRun(db, c.get('actor'), key)
    if (run) {
      const pool = await insurancePool(db, c.get('actor'), now())
      notice = payoutNotice(langOf(c), run, pool.pendingFen, c.req.query('again') === '1')
    }
  }
  return renderPoolPage(c, { step: 'start' }, notice)
})

/** The confirmation step, with a fresh key: confirming the same form twice pays once. */
poolRoutes.get('/insurance/pool/payout', async (c) => {
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const step: PayoutStep = { step: 'confirm', idempotencyKey: newId('payout', 20) }
  if (!isHtmx(c)) return renderPoolPage(c, step)
  return fragment(c, <PayoutSection preview={await payoutData(c, actor)} payout={step} />)
})

/** The figures moved since the coordinator saw them: nothing is paid, and they are shown again. */
const poolChanged = (c: Ctx, error: DomainError) => {
  const notice: NoticeData = { tone: 'error', text: c.get('t')('insurance.payout.changed') }
  return refused(c, error, {
    page: () => renderPoolPage(c, { step: 'start' }, notice),
    fragment: () => <Notice {...notice} />,
  })
}

poolRoutes.post('/insurance/payouts', only('COORDINATOR'), form(payoutForm), async (c) => {
  const { db, now } = c.get('deps')
  const at = now()
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const { idempotencyKey: key, expectedFen } = c.req.valid('form')
  const hrefFor = (again: boolean) =>
    `/insurance/pool?payout=${encodeURIComponent(key)}${again ? '&again=1' : ''}#payout`
  if (await payoutRun(db, actor, key)) return c.redirect(hrefFor(true), 303)

  // Pay only what the coordinator saw: if the figures moved since, show them again.
  const preview = await payoutPreview(db, actor, at)
  const paying = preview.payments.reduce((s, p) => s + p.payFen, 0)
  if (String(paying) !== expectedFen) {
    return poolChanged(
      c,
      new Conflict('The pool changed since the preview; run it again.', {
        reason: 'POOL_CHANGED',
      }),
    )
  }
  const month = localDate(at).slice(0, 7)
  const outcome = await attempt(runClaimPayout(db, actor, { month, idempotencyKey: key }, at), [
    'CONFLICT',
  ])
  if (!outcome.ok) return poolChanged(c, outcome.error)
  return c.redirect(hrefFor(outcome.value.replayed), 303)
})
