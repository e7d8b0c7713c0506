import type { StatementRow } from '../../src/settlement/listing'
import type { Statement } from '../../src/settlement/service'
import { Money } from '../components/money'
import { usePage } from '../context'
import { BarChart } from './bar-chart'
import type { CostRow } from './costs-section'
import { byKind, lineKindOrder, statementCsvHref, type Names } from './format'
import { ItemsTable, type AdjustmentNote } from './items-table'
import { OpenMonthNotice, ParcelFigures, ProjectionFigures } from './month-figures'
import { PaidState } from './statements-section'
import { formatMonth } from '../components/format'

export interface StatementPageProps {
  statement: Statement
  merchantId: string
  names: Names
  costs: ReadonlyMap<string, CostRow>
  adjustments: readonly AdjustmentNote[]
  /** The stored statement with its payment, once the month is closed. */
  payment?: StatementRow
  forCoordinator: boolean
}

/**
 * One merchant's month: its total and payment, a bar chart of where the money went, and every
 * item grouped by kind with its basis in words. Prints on its own (print CSS), downloads as CSV.
 */
export function StatementPage(props: StatementPageProps) {
  const { t, locale } = usePage()
  const { statement, names } = props
  const month = statement.month
  const label = formatMonth(month, locale)
  const who = props.forCoordinator ? props.merchantId : undefined
  const kinds = byKind(statement.lines)
  const present = lineKindOrder.filter((k) => statement.lines.some((l) => l.kind === k))
  return (
    <article class="statement" aria-labelledby="statement-title">
      <h1 id="statement-title">
        {t('settlement.statement.title', { month: label })}
        <span class="statement__merchant"> · {names.merchant(props.merchantId)}</span>
      </h1>
      <div class="toolbar no-print">
        <a href={who ? `/statements?${new URLSearchParams({ merchant: who })}` : '/statements'}>
          {t('settlement.statement.back')}
        </a>
        <span class="statement__actions">
          <a class="button" href={statementCsvHref(month, who)} download>
            {t('settlement.statement.csv')}
          </a>{' '}
          <button type="button" class="button button--primary" data-print hidden>
            {t('settlement.statement.print')}
          </button>
        </span>
      </div>
      <OpenMonthNotice of={statement} />
      <section class="card" aria-labelledby="statement-summary">
        <h2 id="statement-summary" class="visually-hidden">
          {t('settlement.summary.title')}
        </h2>
        <dl class="figures">
          <div>
            <dt>{t('settlement.statement.total')}</dt>
            <dd>
              <Money fen={statement.totalFen} />
            </dd>
          </div>
          <div>
            <dt>{t('settlement.statementsPage.status')}</dt>
            <dd class="figures__text">
              {t(
                statement.status === 'CLOSED'
                  ? 'settlement.status.CLOSED'
                  : 'settlement.statementsPage.live',
              )}
            </dd>
          </div>
          <div>
            <dt>{t('settlement.statements.paid')}</dt>
            <dd class="figures__text">
              {props.payment ? <PaidState row={props.payment} /> : t('settlement.paid.notYet')}
            </dd>
          </div>
          <ParcelFigures of={statement} />
        </dl>
        <ProjectionFigures of={statement} id="statement-projection" />
      </section>
      <section class="card" aria-labelledby="chart-heading">
        <h2 id="chart-heading">{t('settlement.chart.title')}</h2>
        {present.length === 0 ? (
          <p class="muted">{t('settlement.statement.empty')}</p>
        ) : (
          <BarChart
            id="where"
            bars={present.map((kind) => ({ kind, amountFen: kinds[kind] }))}
            totalFen={statement.totalFen}
          />
        )}
      </section>
      <section class="card" aria-labelledby="items-heading">
        <h2 id="items-heading">{t('settlement.statement.items')}</h2>
        {present.map((kind) => (
          <section class="statement__group" aria-labelledby={`group-${kind}`}>
            <h3 id={`group-${kind}`}>
              {t(`settlement.kind.${kind}`)} · <Money fen={kinds[kind]} />
            </h3>
            <ItemsTable
              lines={statement.lines.filter((l) => l.kind === kind)}
              names={names}
              costs={props.costs}
              adjustments={props.adjustments}
            />
          </section>
        ))}
        <p class="statement__total">
          {t('settlement.statement.total')}{' '}
          <strong>
            <Money fen={statement.totalFen} />
          </strong>
        </p>
      </section>
    </article>
  )
}
