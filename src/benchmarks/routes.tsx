/**
 * The people side of benchmarks: the merchant's score card (with trend, tips and the
 * return-credit opt-in), the coordinator's alliance view and publishing, and the methodology.
 * Routes parse, call the benchmark service and render; the service checks who may do what, and
 * every figure shown comes from the frozen publication rows.
 */
import { Hono, type Context } from 'hono'
import * as z from '../zod'
import { AlliancePage } from '../../views/benchmarks/alliance-page'
import { benchmarksHref, isCohort, type Cohort } from '../../views/benchmarks/format'
import { MethodologyPage } from '../../views/benchmarks/methodology-page'
import { PublishPage } from '../../views/benchmarks/publish-page'
import { ReturnCredit } from '../../views/benchmarks/return-credit'
import { ScorecardPage } from '../../views/benchmarks/scorecard-page'
import { publishRefusedNotice } from '../../views/benchmarks/messages'
import { Notice, type NoticeData } from '../../views/components/notice'
import { settingsOn } from '../alliance/settings'
import { requireRole, type Actor } from '../auth/roles'
import { isoMonth } from '../calendar/schemas'
import { localDate } from '../calendar/local-date'
import { InvalidInput, type DomainError } from '../errors'
import { form } from '../http/form'
import { accepted, attempt, refused } from '../http/respond'
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
import {
  assertPublishable,
  benchmarkReport,
  publishBenchmarks,
  setReturnCreditOptIn,
} from './service'
import { formatMonth } from '../../views/components/format'
import { monthParam } from '../http/params'

export const benchmarkRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

function cohortParam(value: string | undefined): Cohort {
  if (!value) return 'ALL'
  if (!isCohort(value)) throw new InvalidInput('cohort', 'use ALL or a category')
  return value
}

/** The k a publication made today would use: the alliance's setting, never below MIN_K. */
async function currentK(c: Ctx, actor: Actor) {
  const settings = await settingsOn(
    c.get('deps').db,
    actor.allianceId,
    localDate(c.get('deps').now()),
  )
  return Math.max(MIN_K, settings.benchmarkK)
}

// ---------------------------------------------------------------------------------------------
// Anyone: how scores are made

benchmarkRoutes.get('/benchmarks/methodology', async (c) => {
  const actor = c.get('actor')
  const k = actor ? await currentK(c, actor) : undefined
  return c.render(<MethodologyPage k={k} />, { title: c.get('t')('benchmarks.method.title') })
})

// ---------------------------------------------------------------------------------------------
// Merchant: the score card; coordinator: the alliance view

benchmarkRoutes.get('/benchmarks', async (c) => {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT', 'COORDINATOR')
  const published = await publications(db, actor)
  // The latest published month by default; else the last finished one (which says it is not).
  const month =
    monthParam(c.req.query('month'), undefined) ?? published[0]?.month ?? lastFinishedMonth(now())
  const cohort = cohortParam(c.req.query('cohort'))
  const publication = published.find((p) => p.month === month) ?? null
  const t = c.get('t')

  if (actor.role === 'COORDINATOR') {
    const notice: NoticeData | undefined =
      c.req.query('published') && publication
        ? {
            tone: 'ok',
            text: t('benchmarks.alliance.done', { month: formatMonth(month, c.get('locale')) }),
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

/**
 * The score card the switch was flipped on (`month`, `cohort`), to return to; a value that is
 * not a month or a cohort is dropped. Any `optIn` but `true` switches the signal off.
 */
const creditForm = z.object({
  optIn: z.pipe(
    z.optional(z.unknown()),
    z.transform((value) => value === 'true'),
  ),
  month: z.catch(z.optional(isoMonth), undefined),
  cohort: z.catch(
    z.custom<Cohort>((value) => typeof value === 'string' && isCohort(value)),
    'ALL',
  ),
})

benchmarkRoutes.post('/benchmarks/return-credit', form(creditForm), async (c) => {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'MERCHANT')
  const sent = c.req.valid('form')
  await setReturnCreditOptIn(db, actor, sent.optIn, now())
  const view = { month: sent.month ?? lastFinishedMonth(now()), cohort: sent.cohort }
  const done = sent.optIn ? 'on' : 'off'
  return accepted(c, {
    redirect: `${benchmarksHref(view.month, view.cohort)}&credit=${done}`,
    fragment: async () => {
      const credit = await returnCreditOptIn(db, actor)
      const notice = { tone: 'ok', text: c.get('t')(`benchmarks.credit.done.${done}`) } as const
      return <ReturnCredit {...credit} view={view} notice={notice} />
    },
  })
})

// ---------------------------------------------------------------------------------------------
// Coordinator: publishing a finished month

async function renderPublishPage(c: Ctx, state: { confirm?: string; notice?: NoticeData } = {}) {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const months = await publishableMonths(db, actor, now())
  return c.render(
    <PublishPage
      months={months}
      confirm={state.confirm}
      k={await currentK(c, actor)}
      notice={state.notice}
    />,
    { title: c.get('t')('benchmarks.publish.title') },
  )
}

benchmarkRoutes.get('/benchmarks/publish', async (c) => {
  const { db, now } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const month = monthParam(c.req.query('month'), undefined)
  if (!month) return renderPublishPage(c)
  // Say at once why a month cannot be published, rather than after the confirmation.
  const check = await attempt(assertPublishable(db, actor, month, now()))
  if (!check.ok) return refusePublishing(c, check.error)
  return renderPublishPage(c, { confirm: month })
})

/** A refused publication: the publishing page saying why (the notice alone for htmx). */
function refusePublishing(c: Ctx, error: DomainError) {
  const notice = publishRefusedNotice({ t: c.get('t'), locale: c.get('locale') }, error)
  return refused(c, error, {
    fragment: () => <Notice {...notice} />,
    page: () => renderPublishPage(c, { notice }),
  })
}

benchmarkRoutes.post(
  '/benchmarks/publish',
  form(z.object({ month: isoMonth }), (c, { error }) => refusePublishing(c, error)),
  async (c) => {
    const { db, now } = c.get('deps')
    const { month } = c.req.valid('form')
    const outcome = await attempt(publishBenchmarks(db, c.get('actor'), month, now()))
    if (!outcome.ok) return refusePublishing(c, outcome.error)
    return accepted(c, {
      redirect: `${benchmarksHref(month)}&published=1`,
      fragment: () => (
        <Notice
          tone="ok"
          text={c.get('t')('benchmarks.alliance.done', {
            month: formatMonth(month, c.get('locale')),
          })}
        />
      ),
    })
  },
)
