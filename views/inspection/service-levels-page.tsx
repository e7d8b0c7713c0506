import type { ServiceLevelFigures, ServiceLevels } from '../../src/inspection/service-levels'
import { slaTargets } from '../../src/inspection/sla'
import { MonthNav } from '../components/month-nav'
import { usePage } from '../context'
import { BarChart, type BarGroup } from './bar-chart'
import { formatHours, formatShare } from './format'
import { formatCount, formatMonth } from '../components/format'

export interface ServiceLevelsPageProps {
  levels: ServiceLevels
  /** Display names by id; every hub of the alliance appears in the chart, with data or not. */
  merchantNames: Map<string, string>
  hubNames: Map<string, string>
  /** The merchant's own name when a merchant looks at its figures. */
  ownName?: string
}

export const serviceLevelsHref = (month: string) =>
  `/service-levels?${new URLSearchParams({ month })}`

/** A month's service levels: headline figures, a chart, and (for coordinators) the breakdowns. */
export function ServiceLevelsPage({
  levels,
  merchantNames,
  hubNames,
  ownName,
}: ServiceLevelsPageProps) {
  const { t, locale } = usePage()
  const month = formatMonth(levels.month, locale)
  const share = (s: number | null) => formatShare(s, locale) ?? t('inspection.sl.noData')
  const hours = (h: number | null) =>
    h === null
      ? t('inspection.sl.noData')
      : t('inspection.sl.hours', { hours: formatHours(h, locale) })
  const figures = [
    [t('inspection.sl.returns'), formatCount(levels.returns, locale), ''],
    [
      t('inspection.sl.firstResponse'),
      share(levels.firstResponseOnTimeShare),
      t('inspection.sl.ofCounted', {
        onTime: levels.firstResponseOnTime,
        counted: levels.firstResponseCounted,
      }),
    ],
    [
      t('inspection.sl.resolution'),
      share(levels.resolutionOnTimeShare),
      t('inspection.sl.ofCounted', {
        onTime: levels.resolutionOnTime,
        counted: levels.resolutionCounted,
      }),
    ],
    [t('inspection.sl.median'), hours(levels.medianCycleHours), ''],
    [t('inspection.sl.p90'), hours(levels.p90CycleHours), ''],
    [t('inspection.sl.breached'), formatCount(levels.breached, locale), ''],
  ] as const
  const bars = (f: ServiceLevelFigures, withCycle: boolean): BarGroup['bars'] => [
    {
      series: t('inspection.sl.chart.firstResponse'),
      share: f.firstResponseOnTimeShare,
      text: share(f.firstResponseOnTimeShare),
    },
    {
      series: t('inspection.sl.chart.resolution'),
      share: f.resolutionOnTimeShare,
      text: share(f.resolutionOnTimeShare),
    },
    ...(withCycle
      ? [
          {
            series: t('inspection.sl.chart.cycle'),
            share: f.cycleWithinTargetShare,
            text: share(f.cycleWithinTargetShare),
          },
        ]
      : []),
  ]
  const noReturns: ServiceLevelFigures = {
    returns: 0,
    firstResponseCounted: 0,
    firstResponseOnTime: 0,
    firstResponseOnTimeShare: null,
    resolutionCounted: 0,
    resolutionOnTime: 0,
    resolutionOnTimeShare: null,
    resolved: 0,
    medianCycleHours: null,
    p90CycleHours: null,
    cycleWithinTargetShare: null,
    breached: 0,
  }
  const coordinator = levels.byHub !== null
  const groups: BarGroup[] = coordinator
    ? [
        { label: t('inspection.sl.allMembers'), bars: bars(levels, false) },
        ...[...hubNames].map(([hubId, name]) => ({
          label: name,
          bars: bars(levels.byHub!.find((h) => h.hubId === hubId) ?? noReturns, false),
        })),
      ]
    : [{ label: t('inspection.sl.ownLabel'), bars: bars(levels, true) }]
  return (
    <>
      <h1>{t('inspection.sl.title')}</h1>
      <div class="toolbar">
        <p class="hint">
          {t('inspection.sl.lead', {
            scope: coordinator ? t('inspection.sl.allMembers') : (ownName ?? ''),
            month,
            firstHours: slaTargets.firstResponseMs / 3600_000,
            resolutionHours: slaTargets.resolutionMs / 3600_000,
            cycleDays: slaTargets.cycleMs / 86_400_000,
          })}
        </p>
        <MonthNav month={levels.month} href={serviceLevelsHref} />
      </div>
      <section class="card" aria-labelledby="sl-figures">
        <h2 id="sl-figures">{t('inspection.sl.figures', { month })}</h2>
        <dl class="figures">
          {figures.map(([label, value, detail]) => (
            <div>
              <dt>{label}</dt>
              <dd>{value}</dd>
              {detail && <dd class="figures__detail">{detail}</dd>}
            </div>
          ))}
        </dl>
        <BarChart
          id="sl-chart"
          title={
            coordinator
              ? t('inspection.sl.chart.hubsTitle', { month })
              : t('inspection.sl.chart.ownTitle', { month })
          }
          description={t('inspection.sl.chart.desc')}
          groups={groups}
        />
      </section>
      {levels.byMerchant && (
        <section class="card" aria-labelledby="sl-merchants">
          <h2 id="sl-merchants">{t('inspection.sl.byMerchant')}</h2>
          <FiguresTable
            head={t('inspection.sl.merchant')}
            rows={levels.byMerchant.map((m) => ({
              name: merchantNames.get(m.merchantId) ?? m.merchantId,
              f: m,
            }))}
          />
        </section>
      )}
      {levels.byHub && (
        <section class="card" aria-labelledby="sl-hubs">
          <h2 id="sl-hubs">{t('inspection.sl.byHub')}</h2>
          <FiguresTable
            head={t('inspection.sl.hub')}
            rows={levels.byHub.map((h) => ({ name: hubNames.get(h.hubId) ?? h.hubId, f: h }))}
          />
        </section>
      )}
    </>
  )
}

function FiguresTable({
  head,
  rows,
}: {
  head: string
  rows: { name: string; f: ServiceLevelFigures }[]
}) {
  const { t, locale } = usePage()
  if (rows.length === 0) return <p class="muted">{t('inspection.sl.noReturns')}</p>
  const share = (s: number | null, onTime: number, counted: number) =>
    s === null ? (
      <span class="muted">—</span>
    ) : (
      <>
        {formatShare(s, locale)}{' '}
        <span class="muted">({t('inspection.sl.ofCounted', { onTime, counted })})</span>
      </>
    )
  const hours = (h: number | null) => (h === null ? '—' : formatHours(h, locale))
  return (
    <table class="sl-table">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" class="num">
            {t('inspection.sl.returns')}
          </th>
          <th scope="col" class="num">
            {t('inspection.sl.firstResponse')}
          </th>
          <th scope="col" class="num">
            {t('inspection.sl.resolution')}
          </th>
          <th scope="col" class="num">
            {t('inspection.sl.medianH')}
          </th>
          <th scope="col" class="num">
            {t('inspection.sl.p90H')}
          </th>
          <th scope="col" class="num">
            {t('inspection.sl.breached')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ name, f }) => (
          <tr>
            <th scope="row">{name}</th>
            <td class="num">{formatCount(f.returns, locale)}</td>
            <td class="num">
              {share(f.firstResponseOnTimeShare, f.firstResponseOnTime, f.firstResponseCounted)}
            </td>
            <td class="num">
              {share(f.resolutionOnTimeShare, f.resolutionOnTime, f.resolutionCounted)}
            </td>
            <td class="num">{hours(f.medianCycleHours)}</td>
            <td class="num">{hours(f.p90CycleHours)}</td>
            <td class="num">{formatCount(f.breached, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
