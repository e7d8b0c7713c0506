/**
 * The people side of benchmarks: the merchant's score card (with trend, tips and the
 * return-credit opt-in), the coordinator's alliance view and publishing, and the methodology.
 * Routes parse, call the benchmark service and render; the service checks who may do what, and
 * every figure shown comes from the frozen publication rows.
 */
import { Hono, type Context } from 'hono'
import { RequestContext } from 'hono/jsx-renderer'
import { AlliancePage } from '../../views/benchmarks/alliance-page'
import { benchmarksHref, isCohort, type Cohort } from '../../views/benchmarks/format'
import { MethodologyPage } from '../../views/benchmarks/methodology-page'
import { PublishPage } from '../../views/benchmarks/publish-page'
import { ReturnCredit } from '../../views/benchmarks/return-credit'
import { ScorecardPage } from '../../views/benchmarks/scorecard-page'
import type { NoticeData } from '../../views/components/notice'
import { settingsOn } from '../alliance/settings'
import { requireActor, requireRole, type Actor } from '../auth/roles'
import { isoMonth } from '../calendar/schemas'
import { localDate } from '../calendar/local-date'
import { Conflict, DomainError, InvalidInput } from '../errors'
import { formText as text } from '../http/fragments'
import type { AppEnv } from '../http/types'
import { getMerchant } from '../network/service'
import { MIN_K } from './methodology'
import {
  benchmarkTrend,
  cohortFigures,
  lastFinishedMonth,
  publishableMonths,
  publications,
  returnCreditOptIn,
} from './published'
import { benchmarkReport, publishBenchmarks, setReturnCreditOptIn } from './service'
import { formatMonth } from '../../views/components/format'

export const benchmarkRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

function monthParam(value: string | undefined): string | undefined {
  if (!value) return undefined
  const parsed = isoMonth.safeParse(value)
  if (!parsed.success) throw new InvalidInput('month', 'use a month as YYYY-MM')
  return parsed.data
}

function cohortParam(value: string | undefined): Cohort {
  if (!value) return 'ALL'
  if (!isCohort(value)) throw new InvalidInput('cohort', 'use ALL or a category')
  return value
}

/** The k a publication made today would use: the alliance's setting, never below MIN_K. */
async function currentK(c: Ctx, actor: Actor) {
  const settings = await settingsOn(c.var.deps.db, actor.allianceId, localDate(c.var.deps.now()))
  return Math.max(MIN_K, settings.benchmarkK)
}

// ---------------------------------------------------------------------------------------------
// Anyone: how scores are made

benchmarkRoutes.get('/benchmarks/methodology', async (c) => {
  const actor = c.var.actor
  const k = actor ? await currentK(c, actor) : undefined
  return c.render(<MethodologyPage k={k} />, { title: c.var.t('benchmarks.method.title') })
})

// ---------------------------------------------------------------------------------------------
// Merchant: the score card; coordinator: the alliance view

benchmarkRoutes.get('/benchmarks', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT', 'COORDINATOR')
  const published = await publications(db, actor)
  // The latest published month by default; else the last finished one (which says it is not).
  const month = monthParam(c.req.query('month')) ?? published[0]?.month ?? lastFinishedMonth(now())
  const cohort = cohortParam(c.req.query('cohort'))
  const publication = published.find((p) => p.month === month) ?? null
  const t = c.var.t

  if (actor.role === 'COORDINATOR') {
    const notice: NoticeData | undefined =
      c.req.query('published') && publication
        ? {
            tone: 'ok',
            text: t('benchmarks.alliance.done', { month: formatMonth(month, c.var.locale) }),
          }
        : undefined
    return c.render(
      <AlliancePage
        month={month}
        publication={publication}
        rows={publication ? await cohortFigures(db, actor, month) : []}
        finished={month <= lastFinishedMonth(now())}
        notice={notice}
      />,
      { title: t('benchmarks.alliance.title') },
    )
  }

  const category = cohort === 'ALL' ? undefined : cohort
  const [merchant, report, rows, trend, credit] = await Promise.all([
    getMerchant(db, actor, actor.merchantId!),
    benchmarkReport(db, actor, month, category),
    publication ? cohortFigures(db, actor, month) : Promise.resolve([]),
    benchmarkTrend(db, actor, month, category),
    returnCreditOptIn(db, actor),
  ])
  const overallRow = rows.find((r) => r.cohort === cohort && r.dimension === 'OVERALL')
  const overall =
    overallRow && overallRow.median !== null
      ? { p25: overallRow.p25!, median: overallRow.median, p75: overallRow.p75! }
      : null
  const credited = c.req.query('credit')
  const notice: NoticeData | undefined =
    credited === 'on' || credited === 'off'
      ? { tone: 'ok', text: t(`benchmarks.credit.done.${credited}`) }
      : undefined
  return c.render(
    <ScorecardPage
      month={month}
      cohort={cohort}
      ownCategory={merchant.category}
      report={report}
      overall={overall}
      k={publication?.k}
      trend={trend}
      credit={credit}
      notice={notice}
    />,
    { title: t('benchmarks.title') },
  )
})

// ---------------------------------------------------------------------------------------------
// Merchant: the return-credit opt-in

benchmarkRoutes.post('/benchmarks/return-credit', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const form = await c.req.parseBody()
  const optIn = text(form.optIn) === 'true'
  await setReturnCreditOptIn(db, actor, optIn, now())
  const month = isoMonth.safeParse(form.month).data ?? lastFinishedMonth(now())
  const cohort = isCohort(text(form.cohort)) ? (text(form.cohort) as Cohort) : 'ALL'
  const done = optIn ? 'on' : 'off'
  if (c.req.header('hx-request') !== 'true') {
    return c.redirect(`${benchmarksHref(month, cohort)}&credit=${done}`, 303)
  }
  const credit = await returnCreditOptIn(db, actor)
  return c.html(
    <RequestContext.Provider value={c}>
      <ReturnCredit
        {...credit}
        view={{ month, cohort }}
        notice={{ tone: 'ok', text: c.var.t(`benchmarks.credit.done.${done}`) }}
      />
    </RequestContext.Provider>,
  )
})

// ---------------------------------------------------------------------------------------------
// Coordinator: publishing a finished month

async function renderPublishPage(c: Ctx, state: { confirm?: string; notice?: NoticeData } = {}) {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const months = await publishableMonths(db, actor, now())
  return c.render(
    <PublishPage
      months={months}
      confirm={state.confirm}
      k={await currentK(c, actor)}
      notice={state.notice}
    />,
    { title: c.var.t('benchmarks.publish.title') },
  )
}

/** A refused publication as a sentence in the page's language. */
function refusal(c: Ctx, error: DomainError, month: string | undefined): NoticeData {
  const t = c.var.t
  const label = month ? formatMonth(month, c.var.locale) : ''
  const text =
    error.code === 'CONFLICT'
      ? t('benchmarks.publish.refused.already', { month: label })
      : error.code === 'BAD_USER_INPUT' && month
        ? t('benchmarks.publish.refused.notEnded', { month: label })
        : t('benchmarks.publish.refused.month')
  return { tone: 'error', text }
}

benchmarkRoutes.get('/benchmarks/publish', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'COORDINATOR')
  const month = monthParam(c.req.query('month'))
  if (!month) return renderPublishPage(c)
  // Say at once why a month cannot be published, rather than after the confirmation.
  if (month > lastFinishedMonth(now())) {
    c.status(400)
    return renderPublishPage(c, { notice: refusal(c, new InvalidInput('month', ''), month) })
  }
  if ((await publications(db, actor)).some((p) => p.month === month)) {
    c.status(409)
    return renderPublishPage(c, { notice: refusal(c, new Conflict(''), month) })
  }
  return renderPublishPage(c, { confirm: month })
})

benchmarkRoutes.post('/benchmarks/publish', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireActor(c.var.actor)
  const form = await c.req.parseBody()
  const parsed = isoMonth.safeParse(form.month)
  const month = parsed.success ? parsed.data : undefined
  try {
    if (!month) throw new InvalidInput('month', 'use a month as YYYY-MM')
    await publishBenchmarks(db, actor, month, now())
  } catch (error) {
    if (!(error instanceof DomainError) || !['BAD_USER_INPUT', 'CONFLICT'].includes(error.code)) {
      throw error
    }
    c.status(error.status as 400)
    return renderPublishPage(c, { notice: refusal(c, error, month) })
  }
  return c.redirect(`${benchmarksHref(month)}&published=1`, 303)
})
