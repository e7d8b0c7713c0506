import { costPerParcel, type MonthFigures } from '../../src/settlement/projection'
import { formatCount, formatDate, formatMonth } from '../components/format'
import { Money } from '../components/money'
import { Notice } from '../components/notice'
import { usePage } from '../context'

/** What a statement or preview divides and projects: its total and figures. */
export type FiguresOf = MonthFigures & {
  month: string
  status: 'OPEN' | 'CLOSED'
  totalFen: number
}

/** "Month still open — figures as of …", on an open month's statement and preview. */
export function OpenMonthNotice({ of }: { of: FiguresOf }) {
  const { t, locale } = usePage()
  if (of.status !== 'OPEN' || !of.asOf) return null
  return (
    <Notice
      tone="warn"
      text={t('settlement.figures.open', {
        month: formatMonth(of.month, locale),
        date: formatDate(of.asOf, locale),
      })}
    />
  )
}

function PerParcel({ fen }: { fen: number | null }) {
  const { t } = usePage()
  return fen === null ? <>{t('settlement.figures.noParcels')}</> : <Money fen={fen} />
}

/** The parcels and cost per parcel, as entries of a `.figures` list (so far, while open). */
export function ParcelFigures({ of }: { of: FiguresOf }) {
  const { t, locale } = usePage()
  const open = of.status === 'OPEN'
  return (
    <>
      <div>
        <dt>{t(open ? 'settlement.figures.parcelsSoFar' : 'settlement.figures.parcels')}</dt>
        <dd>{formatCount(of.parcels, locale)}</dd>
      </div>
      <div>
        <dt>{t(open ? 'settlement.figures.perParcelSoFar' : 'settlement.figures.perParcel')}</dt>
        <dd>
          <PerParcel fen={costPerParcel(of.totalFen, of.parcels)} />
        </dd>
      </div>
    </>
  )
}

/**
 * Where an open month is heading if parcels keep their pace, and how that is worked out; nothing
 * once the month is closed.
 */
export function ProjectionFigures({ of, id }: { of: FiguresOf; id: string }) {
  const { t, locale } = usePage()
  if (of.status !== 'OPEN' || !of.asOf) return null
  const p = of.projection
  return (
    <section class="projection" aria-labelledby={id}>
      <h3 id={id}>{t('settlement.projection.title')}</h3>
      {p ? (
        <>
          <dl class="figures">
            <div>
              <dt>{t('settlement.projection.parcels')}</dt>
              <dd>{formatCount(p.parcels, locale)}</dd>
            </div>
            <div>
              <dt>{t('settlement.projection.cost')}</dt>
              <dd>
                <Money fen={p.costFen} />
              </dd>
            </div>
            <div>
              <dt>{t('settlement.projection.perParcel')}</dt>
              <dd>
                <PerParcel fen={p.costPerParcelFen} />
              </dd>
            </div>
          </dl>
          <p class="hint">{t('settlement.projection.how', { date: formatDate(p.asOf, locale) })}</p>
        </>
      ) : (
        <p class="muted">{t('settlement.projection.none')}</p>
      )}
    </section>
  )
}
