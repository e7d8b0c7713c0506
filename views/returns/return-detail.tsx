import type { Child } from 'hono/jsx'
import { riskRules, type RiskBand } from '../../src/benchmarks/service'
import type { InspectionPhoto } from '../../src/inspection/photos'
import type { Hub, Station } from '../../src/network/service'
import type { Return } from '../../src/returns/service'
import { formatCode } from '../../src/returns/code'
import { Money } from '../components/money'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { PhotoList } from '../inspection/photos'
import { Notice } from '../components/notice'
import { ReturnCode, StatusBadge, Timeline, type TimelineItem } from './bits'
import { formatInstant } from '../components/format'
import { localizedName } from '../../src/i18n/localized-name'
import type { Sla } from '../../src/inspection/sla'
import {
  ClocksSection,
  DecisionSection,
  InspectionSection,
  MessagesSection,
  RatingSection,
  type DecisionFacts,
  type InspectionFacts,
  type MessagesProps,
} from './return-outcome'

function RiskBandText({ band }: { band: RiskBand | 'AFTER_CHECK_IN' | null }) {
  const { t } = usePage()
  if (band === 'AFTER_CHECK_IN') {
    return <span class="hint">{t('benchmarks.credit.band.afterCheckIn')}</span>
  }
  if (band === null) {
    return (
      <a href="/benchmarks#return-credit" class="hint">
        {t('benchmarks.credit.band.off')}
      </a>
    )
  }
  const min = band === 'HIGH' ? riskRules.highAt : riskRules.elevatedAt
  return (
    <span class={`risk risk--${band.toLowerCase()}`}>
      {t(`benchmarks.credit.band.${band}`, { min, days: riskRules.windowDays })}
    </span>
  )
}

export type DetailNotice = 'registered' | 'cancelled' | 'cancelRefused'

interface ReturnDetailProps {
  ret: Return
  hub: Hub
  station: Station | null
  events: TimelineItem[]
  /** Photos the hub took while inspecting the return. */
  photos: InspectionPhoto[]
  /** Masked customer contact (`138****5678`), null when none was given or not the merchant. */
  contact: string | null
  /**
   * The customer's return-credit band; AFTER_CHECK_IN until the parcel reached a station; null
   * before opting in; undefined for coordinators.
   */
  risk?: RiskBand | 'AFTER_CHECK_IN' | null
  trackUrl: string
  canCancel: boolean
  /** Merchants and the coordinator print labels; hub staff do not. */
  canPrintLabel: boolean
  /** A hub operator's parcel at the hub: the page offers its inspection sheet. */
  canInspect: boolean
  notice?: DetailNotice
  now: Date
  sla: Sla
  inspection: InspectionFacts | null
  decision: DecisionFacts | null
  rating: { stars: number; comment: string } | null
  messages: MessagesProps
}

export function ReturnDetailPage(props: ReturnDetailProps) {
  const { t, locale } = usePage()
  const r = props.ret
  const rows: [string, Child][] = [
    [t('returns.detail.orderRef'), r.orderRef],
    [t('returns.detail.category'), t(`category.${r.category}`)],
    [t('returns.detail.item'), r.itemDescription],
    [t('returns.detail.value'), <Money fen={r.orderValueFen} />],
    [t('returns.detail.largeItem'), r.largeItem ? t('returns.yes') : t('returns.no')],
    [t('returns.detail.reason'), r.reason],
    [t('returns.detail.hub'), localizedName(props.hub, locale)],
    [
      t('returns.detail.station'),
      props.station ? `${props.station.name} · ${props.station.storeName}` : '—',
    ],
    [t('returns.detail.contact'), props.contact ?? t('returns.detail.noContact')],
    ...(props.risk === undefined
      ? []
      : [[t('benchmarks.credit.band'), <RiskBandText band={props.risk} />] as [string, Child]]),
    [
      t('returns.detail.created'),
      <time datetime={r.createdAt}>{formatInstant(r.createdAt, locale)}</time>,
    ],
  ]
  return (
    <>
      <p class="crumbs">
        <a href="/returns">{t('returns.detail.back')}</a>
      </p>
      <h1>{t('returns.detail.title', { code: formatCode(r.code) })}</h1>
      {props.notice === 'registered' && <Notice tone="ok">{t('returns.detail.registered')}</Notice>}
      {props.notice === 'cancelled' && <Notice tone="ok">{t('returns.detail.cancelled')}</Notice>}
      {props.notice === 'cancelRefused' && (
        <Notice tone="error">{t('returns.detail.cancelRefused')}</Notice>
      )}
      <section class="card return-head">
        <p class="return-head__label">{t('returns.detail.code')}</p>
        <p>
          <ReturnCode code={r.code} big />
        </p>
        <p>
          <StatusBadge status={r.status} />
        </p>
        <ul class="actions">
          {props.canPrintLabel && (
            <li>
              <a class="button button--primary" href={`/returns/${r.id}/label`}>
                {t('returns.detail.label')}
              </a>
            </li>
          )}
          {props.canInspect && (
            <li>
              <a class="button button--primary" href={`/inspect/${encodeURIComponent(r.id)}`}>
                {t('returns.detail.inspect')}
              </a>
            </li>
          )}
          <li>
            <a class="button" href={props.trackUrl}>
              {t('returns.detail.track')}
            </a>
          </li>
        </ul>
      </section>
      <section class="card">
        <dl class="facts">
          {rows.map(([term, value]) => (
            <div>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <ClocksSection sla={props.sla} now={props.now} />
      <InspectionSection inspection={props.inspection} />
      <DecisionSection decision={props.decision} />
      <MessagesSection {...props.messages} />
      <RatingSection rating={props.rating} />
      <section class="card" id="photos" aria-labelledby="photos-title">
        <h2 id="photos-title">{t('inspection.photos.title')}</h2>
        <PhotoList photos={props.photos} />
      </section>
      <section class="card">
        <h2>{t('returns.detail.timeline')}</h2>
        <Timeline entries={props.events} />
      </section>
      {props.canCancel && (
        <section class="card">
          <form method="post" action={`/returns/${r.id}/cancel`} class="cancel-form">
            <CsrfField />
            <button type="submit" class="button button--danger">
              {t('returns.detail.cancel')}
            </button>
            <span class="hint">{t('returns.detail.cancelHint')}</span>
          </form>
        </section>
      )}
    </>
  )
}
